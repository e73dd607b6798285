"""The home feed: "My team" and "Everyone", newest first, keyset-paginated.

`feed_page` is what views call. The hooks below are what the services call when something
changes who may see what; the Redis fan-out (a per-member sorted set filled on write) lives
behind them, and every page is filtered on read through `update_list_visible` whatever store
it came from, so nobody sees an update she may no longer see, even for a second.
"""

from accounts.models import User

from .sql import feed_page_sql
from .types import EVERYONE, TABS, TEAM, FeedItem, FeedPage, cursor_parse

__all__ = [
    "EVERYONE",
    "TABS",
    "TEAM",
    "FeedItem",
    "FeedPage",
    "feed_block_changed",
    "feed_member_erased",
    "feed_page",
    "feed_question_published",
    "feed_team_changed",
    "feed_update_published",
    "feed_update_withdrawn",
]


def feed_page(*, viewer: User, tab: str, before: str | None = None, size: int = 20) -> FeedPage:
    """One page of her feed (`tab` "team" or "everyone"; `before` the previous page's
    next_cursor). Only what `update_list_visible(viewer=viewer)` allows is ever returned."""
    if tab not in TABS:
        tab = TEAM
    return feed_page_sql(viewer=viewer, tab=tab, before=cursor_parse(before), size=size)


def feed_update_published(*, update_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""


def feed_update_withdrawn(*, update_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""


def feed_team_changed(*, member_id: int, mate_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""


def feed_block_changed(*, blocker_id: int, blocked_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""


def feed_member_erased(*, member_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""


def feed_question_published(*, question_id: int, author_id: int) -> None:
    """Filled in by the Redis fan-out (branch feed)."""
