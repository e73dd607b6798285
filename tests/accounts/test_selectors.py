"""accounts.selectors: the member count, profiles and the directory, keyed on the viewer."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from accounts.models import Profile, Visibility
from accounts.selectors import (
    member_count,
    member_directory,
    member_profile_get,
    profile_items_for_viewer,
)
from accounts.services import member_erase
from tests.factories import UserFactory, treatment

from .factories import member_with_profile

pytestmark = pytest.mark.django_db


# --- member_count ---


def test_member_count_counts_active_members_who_are_not_erased():
    UserFactory.create_batch(3)
    UserFactory.create(is_active=False)
    member_erase(user=UserFactory.create())
    cache.clear()

    assert member_count() == 3


def test_member_count_is_cached_until_an_erasure_clears_it():
    UserFactory.create()
    leaving = UserFactory.create()
    before = member_count()
    UserFactory.create()  # not counted yet: the count is cached for a minute

    cached = member_count()
    member_erase(user=leaving)
    after = member_count()

    assert (before, cached, after) == (2, 2, 2)


# --- profile_items_for_viewer ---


def test_profile_items_for_viewer_another_member_sees_only_fields_shared_with_members():
    owner = member_with_profile(
        bio="Shared bio",
        bio_visibility=Visibility.MEMBERS,
        her2_status="positive",
        her2_status_visibility=Visibility.ONLY_ME,
    )

    items = profile_items_for_viewer(
        profile=Profile.objects.get(user=owner), viewer=UserFactory.create()
    )

    assert [(i.name, i.value, i.only_you) for i in items] == [("bio", "Shared bio", False)]


def test_profile_items_for_viewer_the_owner_also_sees_only_me_fields_marked():
    owner = member_with_profile(
        bio="Shared bio",
        bio_visibility=Visibility.MEMBERS,
        her2_status="positive",
        her2_status_visibility=Visibility.ONLY_ME,
    )

    items = profile_items_for_viewer(profile=Profile.objects.get(user=owner), viewer=owner)

    assert {(i.name, i.value, i.only_you) for i in items} == {
        ("bio", "Shared bio", False),
        ("her2_status", "HER2-positive", True),
    }


def test_profile_items_for_viewer_anonymous_sees_nothing():
    owner = member_with_profile(bio="Shared bio", bio_visibility=Visibility.MEMBERS)

    assert (
        profile_items_for_viewer(profile=Profile.objects.get(user=owner), viewer=AnonymousUser())
        == []
    )


# --- member_profile_get ---


def test_member_profile_get_finds_a_listed_member_for_a_logged_in_viewer():
    member = UserFactory.create()

    found = member_profile_get(handle=member.handle, viewer=UserFactory.create())

    assert found == member


def test_member_profile_get_hides_everyone_from_anonymous_viewers():
    member = UserFactory.create()

    assert member_profile_get(handle=member.handle, viewer=AnonymousUser()) is None


def test_member_profile_get_hides_erased_and_banned_members():
    viewer = UserFactory.create()
    banned = UserFactory.create(is_active=False)
    erased = member_erase(user=UserFactory.create())

    assert member_profile_get(handle=banned.handle, viewer=viewer) is None
    assert member_profile_get(handle=erased.handle, viewer=viewer) is None


# --- member_directory ---


def test_member_directory_is_empty_for_anonymous_viewers():
    UserFactory.create()

    assert list(member_directory(viewer=AnonymousUser(), filters={})) == []


def test_member_directory_filter_never_matches_a_field_kept_to_only_me():
    shared = member_with_profile(her2_status="positive", her2_status_visibility="members")
    member_with_profile(her2_status="positive", her2_status_visibility=Visibility.ONLY_ME)

    found = member_directory(viewer=UserFactory.create(), filters={"her2_status": "positive"})

    assert list(found) == [shared]


def test_member_directory_treatment_filter_matches_only_shared_treatments():
    shared = member_with_profile(treatments=("tamoxifen",), treatments_visibility="members")
    member_with_profile(treatments=("tamoxifen",), treatments_visibility=Visibility.ONLY_ME)

    found = member_directory(
        viewer=UserFactory.create(), filters={"treatment": treatment("tamoxifen")}
    )

    assert list(found) == [shared]
