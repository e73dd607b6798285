"""The "My team" tab from her Redis feed: ids from the sorted set, rows from SQL by id.

A page costs one Redis round trip and at most four queries whatever her team's size or
history: her updates by id through `update_list_visible` (the visibility rule, so a hidden
update, a block or an erasure is gone at once; her own updates waiting for review, which no
hook fans out, join in the same query), the questions by id, which of their authors are
still on her team, and her hugs. Entries that fail those checks are taken out of her feed
as they are found. A missing feed is rebuilt from SQL (three queries more, once).
"""

from datetime import timedelta
from typing import Any

from accounts.models import User
from core.db_routing import reading_primary, reads_primary
from core.team_feed_registry import before_filter, team_feed_sources
from moderation.models import ModerationState

from ..models import TeamLink, Update
from ..selectors import update_list_visible, updates_shown
from . import store
from .sql import page_from_items
from .store import EPOCH, Entry, micros_of
from .team_sql import team_page_sql
from .types import TEAM, Cursor, FeedItem, FeedPage

# Entries read beyond the page, so that a few filtered out still leave a full page.
FILTER_SLACK = 10
KIND_OF = {"u": "update", "q": "question"}


def cursor_of(entry: Entry) -> str:
    """The `before=` value after this entry, in the SQL path's format (exact microseconds)."""
    return f"{entry.created_us}.{entry.id}"


def feed_page_redis(*, viewer: User, before: Cursor | None, size: int) -> FeedPage | None:
    """Her "My team" page from Redis; None when SQL must answer it (Redis not there, or the
    page lies past the oldest entry a trimmed feed keeps)."""
    member_id = int(viewer.pk)
    key = (micros_of(before[0]), before[1]) if before else None
    read = store.feed_read(member_id=member_id, before=key, count=size + FILTER_SLACK)
    if read is None:
        return None
    if not read.built:
        return _rebuild(viewer=viewer, before=before, size=size)
    if not read.entries and not read.complete:
        return None  # past the oldest entry a capped feed keeps: SQL goes on from here
    # Her own updates waiting for review are never fanned out (no hook runs for a held post):
    # they join from SQL for the stretch of time this page covers.
    lower = (
        read.entries[-1].created_us if read.entries and (read.more or not read.complete) else None
    )
    posts, entries = _load(viewer=viewer, entries=read.entries, before=before, lower=lower)
    items, dropped, examined = _walk(viewer=viewer, posts=posts, entries=entries, size=size)
    # She may no longer see these: out of her feed, not only out of this page. Not when read
    # from a replica, which may not have replayed a post fan-out has already added.
    if dropped and reads_primary():
        store.feed_entries_remove(member_ids=[member_id], entries=dropped)
    page = page_from_items(viewer=viewer, tab=TEAM, items=items[:size], size=size)
    if len(items) > size:
        page.next_cursor = cursor_of(_entry_of(items[size - 1]))
    elif examined and (read.more or not read.complete):
        # Everything read was looked at: go on after the last entry, in Redis or past the
        # cap in SQL (a short page when many were filtered out, never a skipped item).
        page.next_cursor = cursor_of(entries[examined - 1])
    return page


def _entry_of(item: FeedItem) -> Entry:
    return Entry.at(created_at=item.created_at, kind=item.kind[0], id=item.pk)


def _load(
    *, viewer: User, entries: list[Entry], before: Cursor | None, lower: int | None
) -> tuple[dict[tuple[str, int], Any], list[Entry]]:
    """The posts behind the entries, by (kind, id), through the visibility rule and the
    registered sources; and the entries with her own pending updates in (lower, before]
    merged in, newest first. Two queries at most."""
    viewer_id = int(viewer.pk)
    update_ids = [e.id for e in entries if e.kind == "u"]
    question_ids = [e.id for e in entries if e.kind == "q"]
    pending = Update.objects.filter(author_id=viewer_id, moderation_state=ModerationState.PENDING)
    pending = before_filter(pending, before=before)
    if lower is not None:
        pending = pending.filter(created_at__gte=EPOCH + timedelta(microseconds=lower))
    rows = updates_shown(update_list_visible(viewer=viewer))
    # One id list, a UNION of two index scans: an OR of the two conditions made PostgreSQL
    # read every update of the site (11 ms at 10 000 updates, growing with the table).
    wanted = Update.objects.filter(pk__in=update_ids).order_by().values("pk")
    rows = rows.filter(pk__in=wanted.union(pending.order_by().values("pk"), all=True))
    posts: dict[tuple[str, int], Any] = {("u", u.pk): u for u in rows}
    merged = list(entries)
    known = set(update_ids)
    merged += [
        Entry.at(created_at=u.created_at, kind="u", id=pk)
        for (_, pk), u in posts.items()
        if pk not in known
    ]
    for source in team_feed_sources():
        if source.name == "question" and question_ids:
            posts.update((("q", p.pk), p) for p in source.by_ids(ids=question_ids))
    return posts, sorted(merged, reverse=True)


def _walk(
    *, viewer: User, posts: dict[tuple[str, int], Any], entries: list[Entry], size: int
) -> tuple[list[FeedItem], list[Entry], int]:
    """The feed items for these entries, newest first, up to size + 1 of them; the entries
    looked at that she may no longer see; and how many entries were looked at."""
    viewer_id = int(viewer.pk)
    template = next((s.template for s in team_feed_sources() if s.name == "question"), "")
    authors = {post.author_id for post in posts.values()} - {viewer_id}
    mates = set()
    if authors:  # still on her team now: a removed team mate's posts are gone at once
        mates = set(
            TeamLink.objects.filter(member_id=viewer_id, mate_id__in=authors).values_list(
                "mate_id", flat=True
            )
        )
    items: list[FeedItem] = []
    dropped: list[Entry] = []
    examined = 0
    for entry in entries:
        examined += 1
        post = posts.get((entry.kind, entry.id))
        if post is None or not _shown(entry=entry, post=post, viewer_id=viewer_id, mates=mates):
            dropped.append(entry)
            continue
        item = FeedItem(
            kind=KIND_OF[entry.kind], created_at=post.created_at, pk=entry.id, post=post
        )
        if entry.kind == "q":
            item.template = template
        items.append(item)
        if len(items) > size:
            break
    return items, dropped, examined


def _shown(*, entry: Entry, post: Any, viewer_id: int, mates: set[int]) -> bool:
    """Her own updates, and posts by members on her team who are still members."""
    if entry.kind == "u" and post.author_id == viewer_id:
        return True
    author = post.author
    return post.author_id in mates and author.is_active and author.erased_at is None


def _rebuild(*, viewer: User, before: Cursor | None, size: int) -> FeedPage | None:
    """Fill her missing feed from SQL with the newest FEED_CAP items she may see, and answer
    the first page from what was read; a later page is left to SQL (None)."""
    member_id = int(viewer.pk)
    # Marked first: fan-out writes to a feed being built, so nothing committed meanwhile is lost.
    if not store.feed_build_start(member_ids=[member_id]):
        return None
    # From the primary: fan-out skipped the missing feed, so a post a replica has not replayed
    # yet would be missing from the rebuilt feed for good.
    with reading_primary():
        built = team_page_sql(viewer=viewer, before=None, size=store.FEED_CAP)
    store.feed_build_finish(
        member_id=member_id,
        entries=[_entry_of(item) for item in built.items],
        complete=built.next_cursor is None,
    )
    if before is not None:
        return None
    shown = built.items[:size]
    next_cursor = None
    if len(built.items) > size or built.next_cursor:
        next_cursor = cursor_of(_entry_of(shown[-1]))
    return FeedPage(tab=TEAM, items=shown, next_cursor=next_cursor)
