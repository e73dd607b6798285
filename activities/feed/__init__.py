"""The home feed: "My team" and "Everyone", newest first, keyset-paginated.

`feed_page` is what views call. The hooks below are what the services call when something
changes who may see what; the Redis fan-out (a per-member sorted set filled on write) lives
behind them, and every page is filtered on read through `update_list_visible` whatever store
it came from, so nobody sees an update she may no longer see, even for a second.
"""

from accounts.models import User

from ..models import FeedJob, TeamLink, Update
from . import store
from .everyone_sql import everyone_page_sql
from .jobs import feed_job_add
from .redis_read import feed_page_redis
from .team_sql import team_page_sql
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
    next_cursor). Only what `update_list_visible(viewer=viewer)` allows is ever returned.

    "My team" comes from her Redis feed when there is one (rebuilt from SQL when missing);
    "Everyone", the embedded default and a Redis outage are answered from SQL.
    """
    if tab not in TABS:
        tab = TEAM
    cursor = cursor_parse(before)
    if tab != TEAM:
        return everyone_page_sql(viewer=viewer, before=cursor, size=size)
    if store.feed_store_enabled():
        page = feed_page_redis(viewer=viewer, before=cursor, size=size)
        if page is not None:
            return page
    return team_page_sql(viewer=viewer, before=cursor, size=size)


# The hooks. Services call them once the change has committed (transaction.on_commit); each
# writes a job row and queues its task once that row commits (activities.feed.jobs), so the
# feeds follow the change, never precede it, and a task the broker lost is swept up. (A
# process dying between the two commits loses the job: reads still filter, and the feed is
# right again at its next rebuild.) Without Redis they do nothing: pages come from SQL.


def feed_update_published(*, update_id: int) -> None:
    """An update became visible (created visible, approved, restored): into her team's feeds."""
    _update_job(update_id=update_id)


def feed_update_withdrawn(*, update_id: int) -> None:
    """An update was hidden, removed, deleted or narrowed: out of the feeds that may no longer
    show it (reads already filter it out)."""
    _update_job(update_id=update_id)


def _update_job(*, update_id: int) -> None:
    if not store.feed_store_enabled():
        return
    # Its author now, while the row is surely there: a deleted update's feeds are found by her.
    author_ids = list(Update.objects.filter(pk=update_id).values_list("author_id", flat=True))
    feed_job_add(kind=FeedJob.Kind.UPDATE, target_id=update_id, other_ids=author_ids)


def feed_team_changed(*, member_id: int, mate_id: int) -> None:
    """Two members joined or left each other's team: both feeds are rebuilt on next read."""
    if store.feed_store_enabled():
        feed_job_add(kind=FeedJob.Kind.PAIR, target_id=member_id, other_ids=[mate_id])


def feed_block_changed(*, blocker_id: int, blocked_id: int) -> None:
    """A block was made or undone: both feeds are rebuilt on next read."""
    if store.feed_store_enabled():
        feed_job_add(kind=FeedJob.Kind.PAIR, target_id=blocker_id, other_ids=[blocked_id])


def feed_member_erased(*, member_id: int) -> None:
    """A member erased her account: her feed goes, and her posts leave her team's feeds."""
    if not store.feed_store_enabled():
        return
    # Her team now, in case erasure takes the links away before the job runs.
    mate_ids = list(TeamLink.objects.filter(mate_id=member_id).values_list("member_id", flat=True))
    feed_job_add(kind=FeedJob.Kind.ERASED, target_id=member_id, other_ids=mate_ids)


def feed_question_published(*, question_id: int, author_id: int) -> None:
    """A signed question went up (or changed state): into (or out of) her team's feeds."""
    if store.feed_store_enabled():
        feed_job_add(kind=FeedJob.Kind.QUESTION, target_id=question_id, other_ids=[author_id])
