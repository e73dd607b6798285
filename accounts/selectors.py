"""Reads about members that other code reuses. Visibility lives here, keyed on the viewer."""

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from catalogue.models import Treatment
from core.viewer import Viewer, viewer_is_member, viewer_is_moderator
from moderation.models import ModerationState, ProfileBioModeration
from moderation.selectors import bio_withheld_member_ids

from .blocks import (  # noqa: F401  (blocks are read from here like every other selector)
    member_block_ids,
    member_blocks_list,
    members_blocked_between,
)
from .models import Profile, User, Visibility


def member_count() -> int:
    """Active, non-erased members; cached for a minute because every home page shows it."""
    count = cache.get("accounts:member_count")
    if count is None:
        count = User.objects.filter(is_active=True, erased_at__isnull=True).count()
        cache.set("accounts:member_count", count, 60)
    return int(count)


@dataclass(frozen=True)
class ProfileItem:
    """One profile field as a given viewer may see it."""

    name: str
    label: str
    value: str
    only_you: bool


# (value field, visibility field, label), in the order profiles show them.
_PROFILE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("role", "role_visibility", "Here as"),
    ("bio", "bio_visibility", "About"),
    ("bad_day_answer", "bad_day_answer_visibility", "When I'm having a bad day"),
    ("diagnosis_type", "diagnosis_type_visibility", "Diagnosis"),
    ("year_diagnosed", "year_diagnosed_visibility", "Year diagnosed"),
    ("her2_status", "her2_status_visibility", "HER2 status"),
    ("hormone_status", "hormone_status_visibility", "Hormone receptor status"),
    ("stage", "stage_visibility", "Stage"),
    ("current_treatments", "treatments_visibility", "Current treatments"),
    ("past_treatments", "treatments_visibility", "Past treatments"),
    ("age_range", "age_range_visibility", "Age"),
    ("region", "region_visibility", "Region"),
)

_TREATMENTS = Treatment.objects.only("id", "name", "brand_names")


def _display_value(profile: Profile, name: str) -> str:
    if name in ("current_treatments", "past_treatments"):
        # Uses the prefetched rows: no query per profile.
        return ", ".join(t.name for t in getattr(profile, name).all())
    getter = getattr(profile, f"get_{name}_display", None)
    value = getter() if getter and getattr(profile, name) else getattr(profile, name)
    return "" if value in (None, "") else str(value)


# What other members see in place of a bio a moderator hid (or has not yet approved).
REMOVED_BIO = "Removed by a moderator."

# The states in which moderation withholds a bio (moderation.selectors.bio_withheld_member_ids).
_BIO_WITHHELD_STATES = [ModerationState.HIDDEN, ModerationState.PENDING]


def _bio_withheld(profile: Profile) -> bool:
    # member_directory annotates its rows (one query for a page); otherwise ask moderation.
    if Profile.user.is_cached(profile):
        flag = getattr(profile.user, "bio_withheld", None)
        if flag is not None:
            return bool(flag)
    return profile.user_id in bio_withheld_member_ids(member_ids=[profile.user_id])


def profile_items_for_viewer(*, profile: Profile, viewer: Viewer) -> list[ProfileItem]:
    """The non-empty fields `viewer` may see; the owner also sees "only me" ones, marked.

    A bio that moderation hid or holds shows as "Removed by a moderator." to everyone but its
    owner and the moderators, on every page that uses this selector.
    """
    is_owner = viewer_is_member(viewer) and viewer.pk == profile.user_id
    items = []
    for name, visibility_name, label in _PROFILE_FIELDS:
        private = getattr(profile, visibility_name) != Visibility.MEMBERS
        if private and not is_owner:
            continue
        if not viewer_is_member(viewer):
            continue
        value = _display_value(profile, name)
        withheld = value and name == "bio" and not is_owner and _bio_withheld(profile)
        if withheld and not viewer_is_moderator(viewer):
            value = REMOVED_BIO
        if value:
            items.append(ProfileItem(name, label, value, only_you=private))
    return items


def _listed_members() -> QuerySet[User]:
    return User.objects.filter(is_active=True, erased_at__isnull=True)


def member_profile_get(*, handle: str, viewer: Viewer) -> User | None:
    """A member's profile for a logged-in viewer, or None (missing, erased, banned or anonymous).

    Banned (inactive) members are hidden like erased ones, matching the directory; moderators
    reach them through the admin.
    """
    if not viewer_is_member(viewer):
        return None
    return (
        _listed_members()
        .filter(handle=handle)
        .select_related("profile")
        .prefetch_related(
            Prefetch("profile__current_treatments", queryset=_TREATMENTS),
            Prefetch("profile__past_treatments", queryset=_TREATMENTS),
        )
        .first()
    )


def member_directory(*, viewer: Viewer, filters: dict[str, Any]) -> QuerySet[User]:
    """Members a logged-in viewer may list, filtered only on fields shared with members.

    A field set to "only me" never matches a filter, so filtering cannot reveal it.
    """
    if not viewer_is_member(viewer):
        return User.objects.none()
    members = _listed_members()
    shared = Visibility.MEMBERS
    for name in ("role", "diagnosis_type", "her2_status", "stage"):
        value = filters.get(name)
        if value:
            members = members.filter(
                **{f"profile__{name}": value, f"profile__{name}_visibility": shared}
            )
    region = filters.get("region")
    if region:
        members = members.filter(profile__region__iexact=region, profile__region_visibility=shared)
    treatment = filters.get("treatment")
    if treatment:
        in_profile = Profile.objects.filter(
            Q(current_treatments=treatment) | Q(past_treatments=treatment),
            treatments_visibility=shared,
        ).values("user_id")
        members = members.filter(pk__in=in_profile)
    withheld = ProfileBioModeration.objects.filter(
        member_id=OuterRef("pk"), moderation_state__in=_BIO_WITHHELD_STATES
    )
    return (
        members.select_related("profile")
        .prefetch_related(
            Prefetch("profile__current_treatments", queryset=_TREATMENTS),
            Prefetch("profile__past_treatments", queryset=_TREATMENTS),
        )
        .annotate(bio_withheld=Exists(withheld))
        .order_by("display_name", "pk")
    )
