"""Published guides are found by site search, by name, brand name or summary."""

import pytest

from treatments.models import GuideStatus

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
