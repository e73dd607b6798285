"""What moderators may read of a member's bio: never one the member keeps to "only me".

Accounts says how to tell (its registration in moderation.registry); the queue, the log and
the admin searches ask here, so the rule is written once.
"""

from typing import Any

from django.db.models import Q

from .registry import moderated_bio

# Moderators never see an "only me" field (docs/privacy.md), even on a reported profile.
BIO_NOT_SHARED = "(bio not shared with members)"


def bio_hidden_from_moderators(member: Any) -> bool:
    bio = moderated_bio()
    return bool(member is not None and bio is not None and bio.hidden_from_moderators(member))


def hidden_bio_q(member_path: str) -> Q:
    """Rows about a member whose bio is "only me" now, for excluding them from text searches."""
    bio = moderated_bio()
    # Without a registered bio there are no profile rows: match nothing, exclude nothing.
    return bio.hidden_q(member_path) if bio is not None else Q(pk__in=[])


def bio_related(member_path: str) -> list[str]:
    """select_related() paths that load what the bio rule reads, for a member at member_path."""
    bio = moderated_bio()
    return [f"{member_path}__{name}" for name in bio.related] if bio is not None else []


def snapshot_for_moderators(*, is_profile_item: bool, member: Any, stored: str) -> str:
    """A stored snapshot as moderators may see it today.

    Checked at display time: the member may have made the bio private after it was stored,
    and snapshots stored before this check existed may hold a private bio.
    """
    if is_profile_item and bio_hidden_from_moderators(member):
        return BIO_NOT_SHARED
    return stored


def is_bio_model(model: type[Any] | None) -> bool:
    """Whether rows of this model are members whose bio is moderated (the user model)."""
    bio = moderated_bio()
    return bio is not None and model is not None and model is bio.model
