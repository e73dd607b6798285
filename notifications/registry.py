"""What content apps register: their kinds, their preference groups, and for each target
model how to show it to a reader (through the app's own visibility selector).

Registries only record (docs/architecture.md); notifications imports no content app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from core.viewer import Viewer

from .models import Channel


@dataclass(frozen=True)
class PreferenceGroup:
    """One line of her preferences: several kinds may share it (the moderation outcomes)."""

    key: str
    label: str
    default: str = Channel.EMAIL
    order: int = 100


@dataclass(frozen=True)
class Kind:
    """One kind of notification.

    `sentence` takes `{actor}` (a name, "Someone" for an anonymous writer, or "AmberAster and
    3 others" for a grouped kind). `url` is where it leads when it has no target (the team
    page). `shown_without_target` keeps it on the page, with nothing of the target, when the
    target is gone or out of her sight (a decision on her own hidden post).
    """

    key: str
    group: str
    sentence: str
    subject: str
    grouped: bool = False
    url: str = ""
    shown_without_target: bool = False
    # The app's own email has a discreet version; otherwise a discreet member gets the
    # notifications' own discreet notice instead of it.
    own_email_discreet: bool = False


@dataclass(frozen=True)
class TargetView:
    """What this reader may see of a target, right now: a short text and its address."""

    text: str
    url: str
    author_id: int | None = None
    anonymous: bool = False


# (reader, target ids) -> the targets she may see, by id; one query for the whole list.
TargetLoader = Callable[[Viewer, list[int]], dict[int, TargetView]]

_GROUPS: dict[str, PreferenceGroup] = {}
_KINDS: dict[str, Kind] = {}
_TARGETS: dict[str, TargetLoader] = {}


def group_register(group: PreferenceGroup) -> None:
    _GROUPS[group.key] = group


def kind_register(kind: Kind) -> None:
    if kind.group not in _GROUPS:
        raise LookupError(f"Register the preference group {kind.group!r} first.")
    _KINDS[kind.key] = kind


def target_register(model: type[models.Model], loader: TargetLoader) -> None:
    _TARGETS[model._meta.label_lower] = loader


def kind_get(key: str) -> Kind:
    return _KINDS[key]


def kind_find(key: str) -> Kind | None:
    return _KINDS.get(key)


def groups() -> list[PreferenceGroup]:
    return sorted(_GROUPS.values(), key=lambda g: (g.order, g.label))


def group_get(key: str) -> PreferenceGroup:
    return _GROUPS[key]


def target_loader(content_type: ContentType) -> TargetLoader | None:
    return _TARGETS.get(f"{content_type.app_label}.{content_type.model}")
