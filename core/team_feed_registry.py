"""Posts of other content apps shown among a member's activities: a record, nothing more.

Two places show them: the "My team" tab of the feed (sources with `in_team_feed`) and her
Activities page (every source, when she allows it in her profile settings).

The "My team" tab lists her team's updates (activities) and the new questions her team asked
(forum, never anonymous ones). Content apps are independent of each other, so neither imports
the other: the forum registers a source here from its AppConfig.ready() (how to read its
posts by a set of authors), and tells `team_post_published` when one goes up; activities
registers the listener that puts it in feeds. Both directions stay on the ground floor.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet


@dataclass(frozen=True)
class TeamFeedSource:
    """How to read one kind of post for team feeds."""

    name: str  # the item kind, e.g. "question"
    # recent(author_ids=<subquery of ids>, before=(created_at, id) | None, limit=n): visible,
    # non-anonymous posts by those authors strictly older than `before`, newest first, each with
    # `created_at`, `pk` and its `author` loaded. One query.
    recent: Callable[..., list[Any]]
    # by_ids(ids=[...]): the same rows by id, still visible and non-anonymous. One query.
    by_ids: Callable[..., list[Any]]
    # The template that renders one post as a feed item (given `post`).
    template: str
    # Whether the "My team" tab lists it (questions), or only her Activities page (answers).
    in_team_feed: bool = True


TeamPostListener = Callable[..., None]

_sources: dict[str, TeamFeedSource] = {}
_listeners: dict[str, TeamPostListener] = {}


def team_feed_source_register(source: TeamFeedSource) -> None:
    """Add (or replace) a kind of post shown in team feeds; call from AppConfig.ready()."""
    _sources[source.name] = source


def team_feed_sources(*, team_feed_only: bool = True) -> list[TeamFeedSource]:
    """The registered sources: those of the "My team" tab, or every one."""
    return [s for s in _sources.values() if s.in_team_feed or not team_feed_only]


def team_post_listener_register(name: str, listener: TeamPostListener) -> None:
    """Call `listener(kind=, post_id=, author_id=)` whenever a team-feed post goes up."""
    _listeners[name] = listener


def team_post_published(*, kind: str, post_id: int, author_id: int) -> None:
    """A registered kind of post became visible (created visible, or approved)."""
    for listener in _listeners.values():
        listener(kind=kind, post_id=post_id, author_id=author_id)


def before_filter(
    queryset: QuerySet[Any], *, before: tuple[datetime, int] | None, field: str = "created_at"
) -> QuerySet[Any]:
    """Keyset pagination on (created_at, id), newest first: rows strictly older than `before`."""
    if before is None:
        return queryset
    moment, pk = before
    return queryset.filter(Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk}))
