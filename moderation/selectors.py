"""Reads other apps reuse: bio visibility, pending work for moderators."""

from typing import Any

from .models import ModerationCase, ModerationState, ProfileBioModeration


def profile_bio_state(*, member: Any) -> str:
    """The moderation state of a member's bio ("visible" when never moderated)."""
    record = (
        ProfileBioModeration.objects.filter(member_id=member.pk).only("moderation_state").first()
    )
    return record.moderation_state if record else ModerationState.VISIBLE


def profile_bio_visible_to(*, member: Any, viewer: Any) -> bool:
    """Whether `viewer` may read `member`'s bio as far as moderation is concerned."""
    if viewer.is_authenticated and (
        viewer.pk == member.pk or viewer.has_perm("moderation.view_moderationcase")
    ):
        return True
    return profile_bio_state(member=member) == ModerationState.VISIBLE


def open_case_count() -> int:
    """How many items wait in the moderators' queue."""
    return ModerationCase.objects.filter(status=ModerationCase.Status.OPEN).count()


def viewer_is_moderator(*, viewer: Any) -> bool:
    """Moderators (and superusers) see hidden and pending content, marked."""
    return bool(viewer.is_authenticated and viewer.has_perm("moderation.view_moderationcase"))


def bio_withheld_member_ids(*, member_ids: list[int]) -> set[int]:
    """Which of these members' bios are hidden or pending (one query for a whole page)."""
    if not member_ids:
        return set()
    return set(
        ProfileBioModeration.objects.filter(
            member_id__in=member_ids,
            moderation_state__in=[ModerationState.HIDDEN, ModerationState.PENDING],
        ).values_list("member_id", flat=True)
    )
