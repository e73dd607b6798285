"""The kinds of member-written content moderation knows about: a record, nothing more.

Content apps register their models in AppConfig.ready(); accounts registers the profile bio
the same way. Moderation (reports, the queue, hide and restore) works through this registry,
so it never imports the apps above it. Registering connects no signal and builds no admin:
each app writes its own ModelAdmin and calls moderation's services where it creates and edits.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q

# The kind members and URLs use for a reported profile (/report/profile/<member id>/).
BIO_LABEL = "profile"


@dataclass(frozen=True)
class ModeratedType:
    model: type[models.Model]  # a subclass of moderation.models.ModeratedContent
    label: str  # what members call it: "comment", "question", "answer"
    author_field: str = "author"
    text_field: str = "body"
    # The member-facing URL of an item, in context (e.g. the article page with an anchor).
    url: Callable[[Any], str] = lambda item: item.get_absolute_url()
    # Called after moderation changes an item's state, e.g. to recount visible comments.
    after_state_change: Callable[[Any], None] | None = None
    # Used by the posting limits (posts in the last hour, duplicate text); indexed with author.
    created_field: str = "created_at"
    # Optional: the item's topic, for the admin filters (a dotted lookup such as "article__topic").
    topic_field: str = ""
    # Optional: a boolean field that is true for an item posted anonymously ("is_anonymous").
    # Staff then learn its author only through the logged reveal (moderation.anonymity).
    anonymous_field: str = ""
    # Optional: whether a member may see this item at all (a team-only update, a block). The
    # report form answers 404 otherwise, exactly as for a missing item.
    visible_to: Callable[[Any, Any], bool] | None = None
    # Private writing (messages): never counted as a visible post towards trust, never compared
    # for duplicates (its text is encrypted), and only shown to staff when held or reported.
    private: bool = False


@dataclass(frozen=True)
class ModeratedBio:
    """How moderation reads a member's profile (her bio, and what else of the profile the
    registering app lets moderation act on, such as her photo); its state lives in
    ProfileBioModeration.

    The item is the member (an instance of `model`, the user model). Members report "the
    profile"; hiding it withholds the bio and whatever `after_state_change` withholds too.
    """

    model: type[models.Model]
    # The bio as members may read it ("" when there is none).
    text: Callable[[Any], str]
    # Kept to "only me": moderators must never read it, not even on a reported profile.
    hidden_from_moderators: Callable[[Any], bool]
    # Rows about such members, given the lookup path to the member ("author", "case__author").
    hidden_q: Callable[[str], Q]
    # The member a report may target: active and not erased, or None.
    lookup: Callable[[int], Any | None]
    url: Callable[[Any], str] = lambda member: member.get_absolute_url()
    # Relations to load with a member so that `text` and `hidden_from_moderators` cost no query.
    related: tuple[str, ...] = ()
    # Called with (member, new state) after moderation changes the profile's state, so the
    # registering app can withhold the rest of the profile (accounts: the photo) with the bio.
    after_state_change: Callable[[Any, str], None] | None = None


_registry: dict[type[models.Model], ModeratedType] = {}
_bio: list[ModeratedBio] = []
# What the queue may know about an author and her reporters: {reporter id: note}. Accounts
# registers the blocks between them, shown only on that case, never listed anywhere else.
_pair_notes: list[Callable[..., dict[int, str]]] = []


def register_pair_notes(fn: Callable[..., dict[int, str]]) -> None:
    """Call `fn(author_id=, reporter_ids=)` on a case page for notes about each pair."""
    _pair_notes[:] = [fn]


def pair_notes(*, author_id: int, reporter_ids: list[int]) -> dict[int, str]:
    """Notes about the author and each reporter (one query), or {} when none is registered."""
    if not _pair_notes or not reporter_ids:
        return {}
    return _pair_notes[0](author_id=author_id, reporter_ids=reporter_ids)


def register(model: type[models.Model], **options: Any) -> None:
    """Make a content model known to moderation (call from AppConfig.ready)."""
    _registry[model] = ModeratedType(model=model, **options)


def register_bio(**options: Any) -> None:
    """Make the profile bio known to moderation (accounts calls this from AppConfig.ready)."""
    _bio[:] = [ModeratedBio(**options)]


def moderated_types() -> list[ModeratedType]:
    return list(_registry.values())


def moderated_type_for(model: type[Any]) -> ModeratedType:
    """The registration of a content model; KeyError if it was never registered."""
    return _registry[model]


def moderated_type_for_label(label: str) -> ModeratedType | None:
    """The registration members call `label` ("comment", "question"...), or None."""
    for moderated_type in _registry.values():
        if moderated_type.label == label:
            return moderated_type
    return None


def moderated_bio() -> ModeratedBio | None:
    """The profile bio's registration, or None while accounts has not registered it."""
    return _bio[0] if _bio else None


# Who tells an author about a decision on her post (notifications registers itself): called
# as fn(item=, author=, outcome=, reason=, email=) where `email()` sends moderation's own
# email, so the listener decides the channel. With none registered, the email goes at once.
OutcomeListener = Callable[..., None]
_outcome_listeners: list[OutcomeListener] = []


def outcome_listener_register(fn: OutcomeListener) -> None:
    _outcome_listeners[:] = [fn]


def outcome_tell(
    *, item: Any, author: Any, outcome: str, reason: str, email: Callable[[], None]
) -> None:
    """Tell the author about an outcome ("held", "approved", "declined", "hidden",
    "context_note") through the registered listener, or by email when there is none."""
    if not _outcome_listeners:
        email()
        return
    _outcome_listeners[0](item=item, author=author, outcome=outcome, reason=reason, email=email)
