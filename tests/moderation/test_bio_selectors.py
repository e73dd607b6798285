"""accounts selectors withhold a hidden bio themselves, so every page that uses them does."""

from http import HTTPStatus
from typing import Any

import pytest
from django.urls import reverse

from accounts.selectors import REMOVED_BIO, member_directory, profile_items_for_viewer
from moderation import services
from tests.factories import UserFactory


@pytest.fixture
def hidden_bio_member(db: None, moderator: Any) -> Any:
    user = UserFactory.create(display_name="Bio Person")
    user.profile.bio = "Buy my miracle tea"
    user.profile.bio_visibility = "members"
    user.profile.save()
    services.content_hide(item=user, moderator=moderator, reason="Advertising")
    return user


def _bio(items: list[Any]) -> str:
    return next((i.value for i in items if i.name == "bio"), "")


def test_profile_items_for_viewer_withholds_hidden_bio_from_members(hidden_bio_member, member):
    items = profile_items_for_viewer(profile=hidden_bio_member.profile, viewer=member)

    assert _bio(items) == REMOVED_BIO


def test_profile_items_for_viewer_shows_hidden_bio_to_owner_and_moderators(
    hidden_bio_member, moderator
):
    profile = hidden_bio_member.profile

    assert _bio(profile_items_for_viewer(profile=profile, viewer=hidden_bio_member)) != REMOVED_BIO
    assert _bio(profile_items_for_viewer(profile=profile, viewer=moderator)) != REMOVED_BIO


def test_member_directory_rows_withhold_hidden_bio(
    hidden_bio_member, member, django_assert_max_num_queries
):
    # members, two treatment prefetches, and the viewer's permissions once (cached on the user)
    with django_assert_max_num_queries(5):
        rows = [
            (m, profile_items_for_viewer(profile=m.profile, viewer=member))
            for m in member_directory(viewer=member, filters={})
        ]

    bios = {m.pk: _bio(items) for m, items in rows}
    assert bios[hidden_bio_member.pk] == REMOVED_BIO


def test_directory_cards_never_show_a_hidden_bio(client, hidden_bio_member, member):
    client.force_login(member)

    response = client.get(reverse("members:directory"))

    assert response.status_code == HTTPStatus.OK
    assert hidden_bio_member.display_name in response.content.decode()
    assert "miracle tea" not in response.content.decode()


def test_profile_shows_removed_in_place_of_hidden_bio(client, hidden_bio_member, member):
    client.force_login(member)
    url = reverse("members:profile", kwargs={"handle": hidden_bio_member.handle})

    response = client.get(url)

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "miracle tea" not in body
    assert "Removed by a moderator" in body
