"""Editors keep the topic and treatment catalogues in the admin, under the catalogue app."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from catalogue.models import Topic, Treatment
from search.selectors import site_search
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(settings):
    settings.STAFF_REQUIRE_2FA = False
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_catalogue_admin_index_offers_editors_topics_and_treatments(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:index"))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert reverse("admin:catalogue_topic_changelist") in body
    assert reverse("admin:catalogue_treatment_changelist") in body


def test_catalogue_admin_editor_adds_topic(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("admin:catalogue_topic_add"),
        {"name": "Fertility", "slug": "fertility", "description": "Before and after treatment."},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Topic.objects.filter(slug="fertility").exists()


def test_catalogue_admin_editor_lists_seeded_treatments(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:catalogue_treatment_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert "Trastuzumab" in response.content.decode()


def test_catalogue_admin_editor_adds_a_name_search_uses_it_at_once(client, editor):
    question = QuestionFactory.create(title="Anyone switched to Zircumab?")
    treatment = Treatment.objects.get(slug="trastuzumab")
    assert site_search(query="herceptin", viewer=AnonymousUser()).hits == []
    client.force_login(editor)

    response = client.post(
        reverse("admin:catalogue_treatment_change", args=[treatment.pk]),
        {
            "name": treatment.name,
            "slug": treatment.slug,
            "brand_names": treatment.brand_names,
            "other_names": f"{treatment.other_names}, Zircumab",
            "drug_class": treatment.drug_class,
            "description": treatment.description,
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    found = site_search(query="herceptin", viewer=AnonymousUser())
    assert [hit.url for hit in found.hits] == [question.get_absolute_url()]
