"""The "My team" feeds in Redis: one sorted set per member, capped, failing soft.

Each member's feed is a sorted set under `<FEED_KEY_PREFIX>:team:<member id>`. Its members are
entries `u:<id>` (an update) and `q:<id>` (a question), the id zero-padded so that entries
with the same score sort by kind, then id, in Redis exactly as in SQL; the score is the
entry's creation time in integer microseconds since the epoch (exact in a double until the
year 2255). One more member, a sentinel at score 0, says the feed was built: a feed whose key
is missing (never built, expired, evicted, or Redis restarted empty) is rebuilt from
PostgreSQL by the reader, and fan-out only writes to feeds that exist, as Mastodon does for
home feeds, so members who stopped coming cost nothing.

Every call fails soft like core.cache: Redis unreachable reads as "no store" (None) and the
caller answers from SQL; after one failure core.outage skips Redis for a pause, so a request
waits on Redis for one socket timeout at most (the cache's own timeout, settings.CACHES).
"""

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import redis
from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.outage import redis_outage_note, redis_outage_recent

logger = logging.getLogger(__name__)

T = TypeVar("T")
_OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)

# Entries kept per feed. 120 is under Redis's zset-max-listpack-entries (128), so a feed stays
# one compact listpack (3.7 KB full, measured in benchmarks/RESULTS.md) rather than a skiplist
# (48 KB at 400 entries); 120 entries are six pages of 20, more than members scroll at once.
# Older pages continue from SQL with the same cursor, so the cap never ends a feed.
FEED_CAP = 120
# A feed nobody read for this long expires; the next read rebuilds it from SQL. Fan-out skips
# missing feeds, so its cost follows the members who come back, not every member ever.
FEED_TTL_SECONDS = 14 * 24 * 3600
# The id padding: ids up to 10^15 sort as numbers.
ID_DIGITS = 15
KINDS = ("u", "q")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Entries read past the page: ties on the cursor's score, and room for read-time filtering.
OVERSCAN = 8

# The sentinels sit at score 0, below every entry (reads start above 0). BUILT says the feed
# exists; COMPLETE that it holds her whole history (built from fewer than FEED_CAP items and
# never trimmed since), so a reader at its end knows SQL has nothing older.
BUILT = "~built"
BUILDING = "~building"
COMPLETE = "~complete"

# Trim a feed to the cap, keeping its sentinels; a trimmed feed is no longer complete.
_TRIM = """
local function trim(key, cap)
  local sentinels = redis.call('ZCOUNT', key, 0, 0)
  local extra = redis.call('ZCARD', key) - sentinels - cap
  if extra > 0 then
    redis.call('ZREMRANGEBYRANK', key, sentinels, sentinels + extra - 1)
    redis.call('ZREM', key, '~complete')
  end
end
"""

# ZADD to each existing feed then trim it, in one round trip for a whole batch of feeds.
# KEYS: the feeds; ARGV: cap, then score, member pairs. Returns how many feeds took them.
_ADD_IF_BUILT = (
    _TRIM
    + """
local cap = tonumber(ARGV[1])
local written = 0
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    for j = 2, #ARGV, 2 do
      redis.call('ZADD', key, ARGV[j], ARGV[j + 1])
    end
    trim(key, cap)
    written = written + 1
  end
end
return written
"""
)

# Finish a rebuild: KEYS[1] the feed; ARGV: cap, ttl, complete (1/0), then score, member pairs.
_FINISH = (
    _TRIM
    + """
local key, cap = KEYS[1], tonumber(ARGV[1])
for j = 4, #ARGV, 2 do
  redis.call('ZADD', key, ARGV[j], ARGV[j + 1])
end
redis.call('ZREM', key, '~building')
redis.call('ZADD', key, 0, '~built')
if ARGV[3] == '1' then
  redis.call('ZADD', key, 0, '~complete')
end
trim(key, cap)
redis.call('EXPIRE', key, tonumber(ARGV[2]))
return 1
"""
)


def micros_of(moment: datetime) -> int:
    """Microseconds since the epoch, exactly (a float timestamp can be one off)."""
    delta = moment - EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    """One feed entry; ordered like the feed (time, then kind, then id)."""

    created_us: int
    kind: str
    id: int

    @property
    def member(self) -> str:
        return f"{self.kind}:{self.id:0{ID_DIGITS}d}"

    @property
    def cursor(self) -> tuple[int, int]:
        """Where the page after this entry starts: (microseconds, id), as SQL pages."""
        return self.created_us, self.id

    @property
    def created_at(self) -> datetime:
        return EPOCH + timedelta(microseconds=self.created_us)

    @classmethod
    def at(cls, *, created_at: datetime, kind: str, id: int) -> "Entry":
        """The entry for an item created at `created_at` (an aware datetime)."""
        if kind not in KINDS:
            raise ValueError(f"unknown feed entry kind {kind!r}")
        return cls(created_us=micros_of(created_at), kind=kind, id=id)

    @classmethod
    def parse(cls, member: str | bytes, score: float) -> "Entry":
        text = member.decode() if isinstance(member, bytes) else member
        kind, _, digits = text.partition(":")
        return cls(created_us=int(score), kind=kind, id=int(digits))


@dataclass(frozen=True, slots=True)
class FeedRead:
    """What a feed read found: `built` False means the key is missing (rebuild it);
    `more` whether entries older than the last one are in Redis; `complete` whether the feed
    holds her whole history (if not, it goes on in SQL past its oldest entry)."""

    built: bool
    entries: list[Entry]
    more: bool
    complete: bool


_clients: dict[str, redis.Redis] = {}
_clients_lock = threading.Lock()


def feed_store_enabled() -> bool:
    """Whether this deployment keeps feeds in Redis (the embedded default does not)."""
    return bool(settings.REDIS_URL)


def _client() -> redis.Redis:
    """One client per Redis URL and process, with the cache's timeouts (redis-py's pool is
    thread-safe and reconnects after a fork)."""
    url = settings.REDIS_URL
    client = _clients.get(url)
    if client is None:
        options = settings.CACHES.get("default", {}).get("OPTIONS", {})
        with _clients_lock:
            client = _clients.get(url) or redis.Redis.from_url(
                url,
                socket_connect_timeout=float(options.get("socket_connect_timeout", 0.25)),
                socket_timeout=float(options.get("socket_timeout", 0.25)),
            )
            _clients[url] = client
    return client


def _call(operation: str, call: Callable[[redis.Redis], T]) -> T | None:
    """`call(client)`, or None when Redis is absent, paused after a failure, or failing now."""
    if not feed_store_enabled() or redis_outage_recent():
        return None
    try:
        return call(_client())
    except _OUTAGE:
        redis_outage_note()
        logger.warning("feed %s skipped: Redis unreachable", operation)
        return None


def feed_key(member_id: int) -> str:
    return f"{settings.FEED_KEY_PREFIX}:team:{member_id}"


def feed_read(*, member_id: int, before: tuple[int, int] | None, count: int) -> FeedRead | None:
    """Up to `count` entries newest first, strictly older than `before` = (microseconds, id)
    by the SQL keyset's rule (older, or as old with a lower id); None when Redis is not there.
    Refreshes the feed's expiry: reading is what keeps a feed alive."""
    key = feed_key(member_id)
    wanted = count + 1 + OVERSCAN  # one more tells whether a next page exists

    def read(client: redis.Redis) -> list[Any]:
        pipe = client.pipeline(transaction=False)
        pipe.zscore(key, BUILT)
        pipe.zrevrangebyscore(
            key, before[0] if before else "+inf", "(0", 0, wanted, withscores=True
        )
        pipe.zscore(key, COMPLETE)
        pipe.expire(key, FEED_TTL_SECONDS)
        return pipe.execute()

    result = _call("read", read)
    if result is None:
        return None
    built, rows, complete, _ = result
    if built is None:
        return FeedRead(built=False, entries=[], more=False, complete=False)
    entries = [Entry.parse(member, score) for member, score in rows]
    if before is not None:
        entries = [entry for entry in entries if (entry.created_us, entry.id) < before]
    return FeedRead(
        built=True,
        entries=entries[:count],
        more=len(entries) > count,
        complete=complete is not None,
    )


def feed_build_start(*, member_ids: Sequence[int]) -> bool:
    """Mark feeds as being built, before reading SQL: fan-out from then on writes to them
    too, so an item committed during the rebuild is not lost between the two."""

    def start(client: redis.Redis) -> bool:
        pipe = client.pipeline(transaction=False)
        for member_id in member_ids:
            key = feed_key(member_id)
            pipe.zadd(key, {BUILDING: 0})
            pipe.expire(key, FEED_TTL_SECONDS)
        pipe.execute()
        return True

    return not member_ids or _call("build start", start) is not None


def feed_build_finish(*, member_id: int, entries: Iterable[Entry], complete: bool) -> bool:
    """Write the rebuilt entries (a union with what fan-out added meanwhile), trim to the
    cap and mark the feed built; `complete` when SQL had nothing older than these."""
    # Only the newest that fit: a sorted set that once grew past 128 stays a skiplist.
    newest = sorted(entries, reverse=True)[:FEED_CAP]
    args: list[Any] = [FEED_CAP, FEED_TTL_SECONDS, "1" if complete else "0"]
    for entry in newest:
        args += [entry.created_us, entry.member]
    key = feed_key(member_id)
    return _call("build finish", lambda client: client.eval(_FINISH, 1, key, *args)) is not None


def feed_entries_add(*, member_ids: Sequence[int], entries: Sequence[Entry]) -> int | None:
    """Add entries to those of the feeds that exist, trimming each to the cap; how many
    feeds took them, or None when Redis is not there. One round trip per call."""
    if not member_ids or not entries:
        return 0
    args: list[Any] = [FEED_CAP]
    for entry in entries:
        args += [entry.created_us, entry.member]
    keys = [feed_key(member_id) for member_id in member_ids]
    return _call("add", lambda client: int(client.eval(_ADD_IF_BUILT, len(keys), *keys, *args)))


def feed_entries_remove(*, member_ids: Sequence[int], entries: Sequence[Entry]) -> bool:
    """Take entries out of these feeds (missing ones are fine); False when Redis is not
    there. One round trip per call."""
    if not member_ids or not entries:
        return True
    members = [entry.member for entry in entries]

    def remove(client: redis.Redis) -> bool:
        pipe = client.pipeline(transaction=False)
        for member_id in member_ids:
            pipe.zrem(feed_key(member_id), *members)
        pipe.execute()
        return True

    return _call("remove", remove) is not None


def feed_items_remove(*, member_ids: Sequence[int], kind: str, ids: Sequence[int]) -> bool:
    """Take items out of feeds knowing only their ids (an entry's time plays no part in
    removing it), e.g. after an update is gone from the database."""
    entries = [Entry(created_us=0, kind=kind, id=item_id) for item_id in ids]
    return feed_entries_remove(member_ids=member_ids, entries=entries)


def feed_drop(*, member_ids: Sequence[int]) -> bool:
    """Delete these feeds; each is rebuilt from SQL on its owner's next read."""
    if not member_ids:
        return True
    keys = [feed_key(member_id) for member_id in member_ids]
    return _call("drop", lambda client: client.delete(*keys)) is not None
