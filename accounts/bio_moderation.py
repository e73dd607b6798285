"""The profile (bio and photo) as a moderated kind: what moderation may read, told from here.

Moderation sits below accounts, so it cannot look at profiles itself; accounts registers how
to read a bio, when it is kept from moderators ("only me"), which member a report targets,
and what else a decision on the profile covers: her photo. A report on a profile is a report
on its bio and photo; while moderation holds or hides the profile, other members see her
initials instead of the photo (Profile.photo_hidden mirrors the state).
"""

from django.db.models import Q

from moderation.registry import register_bio

from .models import User, Visibility
from .photo_services import profile_photo_hidden_set

# Moderation's states (moderation.models.ModerationState) in which the photo is withheld,
# as the bio is: hidden by a moderator, or held for review (e.g. after several reports).
_PHOTO_WITHHELD_STATES = frozenset({"hidden", "pending"})


def bio_text(member: User) -> str:
    profile = getattr(member, "profile", None)
    return str(getattr(profile, "bio", "") or "")


def bio_hidden_from_moderators(member: User) -> bool:
    profile = getattr(member, "profile", None)
    return getattr(profile, "bio_visibility", None) == Visibility.ONLY_ME


def hidden_bio_q(member_path: str) -> Q:
    return Q(**{f"{member_path}__profile__bio_visibility": Visibility.ONLY_ME})


def reportable_member(pk: int) -> User | None:
    """Erased and banned members have no profile page, so nothing of theirs can be reported."""
    return (
        User.objects.filter(pk=pk, is_active=True, erased_at__isnull=True)
        .select_related("profile")
        .first()
    )


def profile_state_changed(member: User, state: str) -> None:
    """Withhold or give back her photo with the bio (moderation calls this after a change)."""
    profile_photo_hidden_set(member=member, hidden=state in _PHOTO_WITHHELD_STATES)


def bio_register() -> None:
    """Register the bio with moderation (from AccountsConfig.ready)."""
    register_bio(
        model=User,
        text=bio_text,
        hidden_from_moderators=bio_hidden_from_moderators,
        hidden_q=hidden_bio_q,
        lookup=reportable_member,
        url=User.get_absolute_url,
        related=("profile",),
        after_state_change=profile_state_changed,
    )
