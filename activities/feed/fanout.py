"""Fan-out on write: what the feed jobs do to the Redis feeds, by what the database says now.

Every function here is idempotent and answers whether Redis took the work (False: Redis was
not there, keep the job for the sweeper). Each reads the state of the item when it runs, not
when the job was written, so jobs may run late, twice or out of order and still leave the
feeds right.
"""

from collections.abc import Iterator, Sequence

from django.utils import timezone

from core.team_feed_registry import team_feed_sources
from moderation.models import ModerationState

from ..models import TeamLink, Update
from . import store
from .store import Entry

# Feeds written per round trip. A batch costs one indexed SQL read of 1 000 ids (about 2 ms
# on the team_link_mate_idx) and one Redis script that adds the entry to each existing feed
# and trims it (about 3 ms for 1 000 listpacks of 120), so a team of 5 000 is written in
# about 25 ms and one task carries teams far larger than any we have (measured in
# benchmarks/RESULTS.md); batches keep each SQL result and Redis call small.
FANOUT_BATCH = 1000


def _mates_of(author_id: int) -> Iterator[list[int]]:
    """Ids of the members who have the author on their team, in batches (keyset on id)."""
    last = 0
    while True:
        batch = list(
            TeamLink.objects.filter(mate_id=author_id, member_id__gt=last)
            .order_by("member_id")
            .values_list("member_id", flat=True)[:FANOUT_BATCH]
        )
        if batch:
            yield batch
        if len(batch) < FANOUT_BATCH:
            return
        last = batch[-1]


def _to_feeds(*, member_batches: Iterator[list[int]], entry: Entry, add: bool) -> bool:
    done = True
    for batch in member_batches:
        if add:
            done = store.feed_entries_add(member_ids=batch, entries=[entry]) is not None and done
        else:
            done = store.feed_entries_remove(member_ids=batch, entries=[entry]) and done
        if not done:
            return False  # Redis is away: the job stays for the sweeper, which redoes it all
    return done


def feed_update_sync(*, update_id: int, author_id: int | None) -> bool:
    """Put an update in its author's feed and her team's (visible; her own pending one only
    in hers), or take it out of them (hidden, removed, deleted, author gone)."""
    row = (
        Update.objects.filter(pk=update_id)
        .values("author_id", "created_at", "moderation_state")
        .filter(author__is_active=True, author__erased_at__isnull=True)
        .first()
    )
    author_id = row["author_id"] if row else author_id
    if author_id is None:  # deleted before its author was known: reads filter it out
        return True
    entry = Entry.at(
        created_at=row["created_at"] if row else timezone.now(), kind="u", id=update_id
    )
    state = row["moderation_state"] if row else None
    own = _to_feeds(
        member_batches=iter([[author_id]]),
        entry=entry,
        add=state in (ModerationState.VISIBLE, ModerationState.PENDING),
    )
    return own and _to_feeds(
        member_batches=_mates_of(author_id), entry=entry, add=state == ModerationState.VISIBLE
    )


def feed_question_sync(*, question_id: int, author_id: int) -> bool:
    """Put a question in its author's team's feeds while its source says it is visible and
    signed (never an anonymous one), or take it out of them."""
    posts: list[object] = []
    for source in team_feed_sources():
        if source.name == "question":
            posts = list(source.by_ids(ids=[question_id]))
    post = posts[0] if posts else None
    created_at = getattr(post, "created_at", None) or timezone.now()
    entry = Entry.at(created_at=created_at, kind="q", id=question_id)
    return _to_feeds(member_batches=_mates_of(author_id), entry=entry, add=post is not None)


def feed_pair_forget(*, member_ids: Sequence[int]) -> bool:
    """Drop these members' feeds (a team link or a block changed between them): each is
    rebuilt from SQL on her next read, with exactly what she may see then."""
    return store.feed_drop(member_ids=member_ids)


def feed_member_forget(*, member_id: int, mate_ids: Sequence[int]) -> bool:
    """An erased member: drop her feed and take her newest posts out of her (former) team's
    feeds. A capped feed can only hold her newest FEED_CAP posts of each kind, so those are
    the ones to remove."""
    update_ids = list(
        Update.objects.filter(author_id=member_id)
        .order_by("-created_at", "-id")
        .values_list("id", flat=True)[: store.FEED_CAP]
    )
    question_ids: list[int] = []
    for source in team_feed_sources():
        if source.name == "question":
            posts = source.recent(author_ids=[member_id], before=None, limit=store.FEED_CAP)
            question_ids = [post.pk for post in posts]
    done = store.feed_drop(member_ids=[member_id])
    for start in range(0, len(mate_ids), FANOUT_BATCH):
        batch = list(mate_ids[start : start + FANOUT_BATCH])
        done = store.feed_items_remove(member_ids=batch, kind="u", ids=update_ids) and done
        done = store.feed_items_remove(member_ids=batch, kind="q", ids=question_ids) and done
    return done
