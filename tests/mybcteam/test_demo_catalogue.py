"""mybcteam.demo_catalogue: seed_demo puts back the catalogue rows a flushed database lost."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Treatment
from mybcteam import demo_catalogue
from treatments.models import SideEffect

pytestmark = pytest.mark.django_db


def test_demo_catalogue_seed_restores_flushed_treatments_and_side_effects(client):
    seeded = Treatment.objects.count()
    Treatment.objects.all().delete()
    SideEffect.objects.all().delete()

    demo_catalogue.seed()

    assert Treatment.objects.count() == seeded
    assert Treatment.objects.get(slug="trastuzumab").other_names
    assert SideEffect.objects.filter(slug="fatigue").exists()
    assert client.get("/treatments/phesgo/").status_code == HTTPStatus.OK


def test_demo_catalogue_seed_never_changes_an_editors_row():
    Treatment.objects.filter(slug="tamoxifen").update(description="An editor's words.")

    demo_catalogue.seed()
    demo_catalogue.seed()

    assert Treatment.objects.get(slug="tamoxifen").description == "An editor's words."
    assert Treatment.objects.filter(slug="tamoxifen").count() == 1


def test_seed_demo_on_a_flushed_catalogue_gives_the_treatment_pages_back(client):
    Treatment.objects.all().delete()

    call_command("seed_demo", stdout=StringIO())

    assert client.get("/treatments/tchp/").status_code == HTTPStatus.OK
