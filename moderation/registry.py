"""The kinds of member-written content moderation knows about.

Content apps register their models in AppConfig.ready(); moderation (reports, the queue, hide
and restore) works through this registry, so it never imports the content apps.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import ModeratedContent


@dataclass(frozen=True)
class ModeratedType:
    model: type[ModeratedContent]
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


_registry: dict[type[ModeratedContent], ModeratedType] = {}


def register(model: type[ModeratedContent], **options: Any) -> None:
    """Make a content model known to moderation (call from AppConfig.ready)."""
    _registry[model] = ModeratedType(model=model, **options)
    from .signals import connect_content_model

    connect_content_model(model)


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
