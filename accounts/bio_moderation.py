"""The profile bio as a moderated kind: what moderation may read of it, told from here.

Moderation sits below accounts, so it cannot look at profiles itself; accounts registers how
to read a bio, when it is kept from moderators ("only me"), and which member a report targets.
"""

from django.db.models import Q

from moderation.registry import register_bio

from .models import User, Visibility


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
    )
