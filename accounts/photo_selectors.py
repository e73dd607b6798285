"""Who may see a profile photo. The members-only view and the avatar tag both ask here.

The rule: never a visitor; a member sees another's photo when it is shared with members and no
moderator hid it; the owner always sees her own; moderators also see a hidden one (to review
it), but never one kept to "only me" (docs/privacy.md). A block either way, whoever made it,
hides each one's photo from the other: initials in the pages, 404 at the photo's address.
"""

from django.db.models import Exists, OuterRef, Q

from core.viewer import Viewer, viewer_is_member, viewer_is_moderator

from .blocks import viewer_block_ids
from .models import Block, Profile, User, Visibility


def photo_shown_to_members(profile: Profile | None) -> bool:
    """Whether any member, whoever she is, sees this photo: what shared pages may show."""
    return bool(
        profile is not None
        and profile.photo_key
        and profile.photo_visibility == Visibility.MEMBERS
        and not profile.photo_hidden
    )


def photo_profile_for_viewer(*, key: str, viewer: Viewer) -> Profile | None:
    """The profile whose photo files are named `key`, when `viewer` may see them; else None,
    whether the photo is missing, not hers to see, or either of the two blocked the other
    (one query)."""
    if not viewer_is_member(viewer) or not key:
        return None
    blocked = Block.objects.filter(
        Q(blocker_id=OuterRef("user_id"), blocked_id=viewer.pk)
        | Q(blocker_id=viewer.pk, blocked_id=OuterRef("user_id"))
    )
    profile = (
        Profile.objects.filter(photo_key=key, user__is_active=True, user__erased_at__isnull=True)
        .only("user_id", "photo_key", "photo_visibility", "photo_hidden")
        .annotate(blocked=Exists(blocked))
        .first()
    )
    if profile is None:
        return None
    if profile.user_id == viewer.pk:
        return profile
    if profile.blocked:
        return None
    if photo_shown_to_members(profile):
        return profile
    if profile.photo_visibility == Visibility.MEMBERS and viewer_is_moderator(viewer):
        return profile
    return None


def member_profile_cached(member: User) -> Profile | None:
    """The member's profile, loaded with her when the caller used select_related("profile")
    (every list that shows avatars does); one query otherwise."""
    try:
        return member.profile
    except Profile.DoesNotExist:
        return None


def photo_hidden_by_block(*, member: User, viewer: Viewer) -> bool:
    """Whether a block either way keeps `member`'s photo from `viewer` (the avatar tag's rule;
    one query per request at most, shared by every face on the page)."""
    return viewer_is_member(viewer) and member.pk in viewer_block_ids(viewer=viewer)
