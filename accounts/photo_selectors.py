"""Who may see a profile photo. The members-only view and the avatar tag both ask here.

The rule: never a visitor; a member sees another's photo when it is shared with members and no
moderator hid it; the owner always sees her own; moderators also see a hidden one (to review
it), but never one kept to "only me" (docs/privacy.md).
"""

from core.viewer import Viewer, viewer_is_member, viewer_is_moderator

from .models import Profile, User, Visibility


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
    whether the photo is missing or not hers to see (one query)."""
    if not viewer_is_member(viewer) or not key:
        return None
    profile = (
        Profile.objects.filter(photo_key=key, user__is_active=True, user__erased_at__isnull=True)
        .only("user_id", "photo_key", "photo_visibility", "photo_hidden")
        .first()
    )
    if profile is None:
        return None
    if profile.user_id == viewer.pk or photo_shown_to_members(profile):
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
