"""Published guides are found by site search, by name, brand name or summary."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import Treatment
from treatments.models import GuideStatus, TreatmentGuide
from treatments.services.guides import guide_save

pytestmark = pytest.mark.django_db


def test_search_finds_a_published_guide_by_brand_name_for_visitors(client, guide):
    html = client.get("/search/?q=Herceptin").content.decode()

    assert guide.get_absolute_url() in html


def test_search_finds_a_guide_by_its_summary(client, guide):
    html = client.get("/search/?q=infusion").content.decode()

    assert guide.get_absolute_url() in html


def test_search_never_finds_a_draft_guide(client, guide):
    guide.status = GuideStatus.DRAFT
    guide.save()

    html = client.get("/search/?q=Herceptin").content.decode()

    assert guide.get_absolute_url() not in html


def test_search_loads_each_guides_treatment_with_the_hits(client, guide):
    """A guide's address is its treatment's slug: more guides found cost no more queries."""
    other = Treatment.objects.exclude(pk=guide.treatment_id).order_by("pk").first()
    guide_save(
        guide=TreatmentGuide(
            treatment=other,
            summary="Given by infusion.",
            reviewer_name="Dr. Test Reviewer",
            status=GuideStatus.PUBLISHED,
        )
    )
    client.get("/search/?q=cycle&kind=treatment")  # the version and topics, read once
    with CaptureQueriesContext(connection) as one:
        one_hit = client.get("/search/?q=weeks&kind=treatment").content.decode()
    with CaptureQueriesContext(connection) as two:
        two_hits = client.get("/search/?q=infusion&kind=treatment").content.decode()

    second = TreatmentGuide.objects.get(treatment=other)
    assert second.get_absolute_url() not in one_hit
    assert guide.get_absolute_url() in two_hits
    assert second.get_absolute_url() in two_hits
    assert len(two.captured_queries) == len(one.captured_queries)
