"""Every write about a profile photo: set or replace it, remove it, who may see it, hide it.

Files are written before the row points to them and old files removed after, so a member is
never shown a half-stored photo; a failed processing or storage leaves her old photo as it was.
"""

from typing import IO

from django.db import transaction
from django.utils import timezone

from .models import Profile, User, Visibility
from .photo_store import photo_files_delete, photo_files_save, photo_key_new
from .photos import photo_process

_PHOTO_FIELDS = ["photo_key", "photo_updated_at", "updated_at"]


def profile_photo_set(*, user: User, stream: IO[bytes], size: int | None) -> Profile:
    """Process an upload and make it her photo, replacing (and deleting) any earlier one.

    Raises ValidationError with a member-facing message when the file is not a photo we can
    read safely; nothing is stored then.
    """
    files = photo_process(stream=stream, size=size)
    key = photo_key_new()
    photo_files_save(key=key, files=files)
    try:
        with transaction.atomic():
            profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
            old_key = profile.photo_key
            profile.photo_key = key
            profile.photo_updated_at = timezone.now()
            # photo_hidden stays: it follows moderation's decision on her profile, which a
            # new upload does not undo (a moderator restores the profile).
            profile.save(update_fields=_PHOTO_FIELDS)
    except Exception:
        photo_files_delete(key=key)
        raise
    photo_files_delete(key=old_key)
    return profile


def profile_photo_remove(*, user: User) -> Profile:
    """Remove her photo: the files from storage, then the row's key. Idempotent."""
    with transaction.atomic():
        profile, _ = Profile.objects.select_for_update().get_or_create(user=user)
        old_key = profile.photo_key
        profile.photo_key = ""
        profile.photo_updated_at = None
        profile.save(update_fields=_PHOTO_FIELDS)
    photo_files_delete(key=old_key)
    return profile


def profile_photo_visibility_update(*, user: User, visibility: str) -> Profile:
    """Who may see her photo: members, or only her."""
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.photo_visibility = Visibility(visibility)
    profile.save(update_fields=["photo_visibility", "updated_at"])
    return profile


def profile_photo_hidden_set(*, member: User, hidden: bool) -> None:
    """Mirror moderation's decision on her profile onto her photo (accounts/bio_moderation.py)."""
    profile = Profile.objects.filter(user=member).first()
    if profile is not None and profile.photo_hidden != hidden:
        profile.photo_hidden = hidden
        profile.save(update_fields=["photo_hidden", "updated_at"])
