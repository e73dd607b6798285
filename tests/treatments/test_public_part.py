"""treatments.public_part: the public part of a treatment page is read once and shared by
members until what a visitor could see changes; editors still get their draft preview."""

import pytest
from django.core.cache import cache

from treatments.models import GuideStatus, SuggestedQuestion
from treatments.public_part import treatment_public_part


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _page(client, treatment) -> str:
    return client.get(treatment.get_absolute_url()).content.decode()


def test_treatment_public_part_is_shared_once_stored(
    member, trastuzumab, guide, django_assert_num_queries
):
    first = treatment_public_part(slug="trastuzumab", viewer=member)

    with django_assert_num_queries(0):
        again = treatment_public_part(slug="trastuzumab", viewer=member)

    assert again is not None
    assert first is not None
    assert again.treatment.pk == first.treatment.pk == trastuzumab.pk
    assert treatment_public_part(slug="no-such-thing", viewer=member) is None


def test_treatment_public_part_follows_a_change_at_once(client, member, trastuzumab, guide):
    client.force_login(member)
    client.get(trastuzumab.get_absolute_url())

    SuggestedQuestion.objects.create(treatment=trastuzumab, text="Shall I ask about a port?")
    html = client.get(trastuzumab.get_absolute_url()).content.decode()

    assert "Shall I ask about a port?" in html


def test_treatment_public_part_never_gives_a_member_the_editors_preview(
    client, member, editor, trastuzumab, guide
):
    guide.status = GuideStatus.DRAFT
    guide.save()
    client.force_login(editor)
    assert (
        "<strong>infusion</strong>" in client.get(trastuzumab.get_absolute_url()).content.decode()
    )

    client.force_login(member)
    html = client.get(trastuzumab.get_absolute_url()).content.decode()
    assert "<strong>infusion</strong>" not in html
    client.force_login(editor)
    assert (
        "<strong>infusion</strong>" in client.get(trastuzumab.get_absolute_url()).content.decode()
    )
