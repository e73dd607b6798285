"""activities.feed.store: capped per-member sorted sets that fail soft."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from activities.feed import store
from activities.feed.store import FEED_CAP, Entry
from core.outage import redis_outage_forget, redis_outage_recent
from tests.core.test_redis_outage import OwnRedis

T0 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def _entries(count: int, *, kind: str = "u", start: int = 1) -> list[Entry]:
    return [
        Entry.at(created_at=T0 + timedelta(minutes=i), kind=kind, id=start + i)
        for i in range(count)
    ]


def _built(member_id: int, entries: list[Entry]) -> None:
    assert store.feed_build_start(member_ids=[member_id])
    assert store.feed_build_finish(
        member_id=member_id, entries=entries, complete=len(entries) < FEED_CAP
    )


def test_entry_round_trips_its_time_to_the_microsecond():
    created = datetime(2026, 12, 6, 7, 8, 9, 123456, tzinfo=UTC)

    entry = Entry.at(created_at=created, kind="q", id=42)

    assert entry.created_at == created
    assert entry.member == "q:000000000000042"
    assert Entry.parse(entry.member.encode(), float(entry.created_us)) == entry


def test_entry_orders_by_time_then_kind_then_id():
    a = Entry.at(created_at=T0, kind="q", id=99)
    b = Entry.at(created_at=T0, kind="u", id=3)
    c = Entry.at(created_at=T0, kind="u", id=12)
    d = Entry.at(created_at=T0 + timedelta(microseconds=1), kind="q", id=1)

    assert sorted([d, c, b, a]) == [a, b, c, d]


def test_feed_store_is_off_without_redis(settings):
    settings.REDIS_URL = ""

    assert not store.feed_store_enabled()
    assert store.feed_read(member_id=1, before=None, count=20) is None
    assert store.feed_entries_add(member_ids=[1], entries=_entries(1)) is None


def test_feed_store_answers_none_at_once_when_redis_refuses(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    redis_outage_forget()

    started = time.monotonic()
    read = store.feed_read(member_id=1, before=None, count=20)
    added = store.feed_entries_add(member_ids=[1], entries=_entries(1))

    assert read is None
    assert added is None
    assert time.monotonic() - started < 0.5
    assert redis_outage_recent()
    redis_outage_forget()


@pytest.mark.redis
def test_feed_read_of_a_missing_feed_says_so(feed_redis):
    read = store.feed_read(member_id=7, before=None, count=20)

    assert read is not None
    assert read.built is False
    assert read.entries == []


@pytest.mark.redis
def test_feed_read_pages_newest_first_with_an_exclusive_cursor(feed_redis):
    _built(7, _entries(50))

    first = store.feed_read(member_id=7, before=None, count=20)
    assert first is not None
    second = store.feed_read(member_id=7, before=first.entries[-1].cursor, count=20)
    assert second is not None
    last = store.feed_read(member_id=7, before=second.entries[-1].cursor, count=20)
    assert last is not None

    assert [e.id for e in first.entries] == list(range(50, 30, -1))
    assert [e.id for e in second.entries] == list(range(30, 10, -1))
    assert [e.id for e in last.entries] == list(range(10, 0, -1))
    assert (first.more, second.more, last.more) == (True, True, False)


@pytest.mark.redis
def test_feed_read_orders_ties_by_kind_then_id_and_pages_them_like_sql(feed_redis):
    same_time = [
        Entry.at(created_at=T0, kind=kind, id=item_id)
        for kind, item_id in [("u", 9), ("u", 10), ("q", 1), ("u", 2)]
    ]
    _built(7, [*same_time, Entry.at(created_at=T0 - timedelta(seconds=1), kind="u", id=1)])

    page = store.feed_read(member_id=7, before=None, count=2)
    assert page is not None
    rest = store.feed_read(member_id=7, before=page.entries[-1].cursor, count=10)
    assert rest is not None

    # the SQL keyset's rule: after (t, 9) come entries older than t, or at t with a lower id
    assert [(e.kind, e.id) for e in page.entries] == [("u", 10), ("u", 9)]
    assert [(e.kind, e.id) for e in rest.entries] == [("u", 2), ("q", 1), ("u", 1)]


@pytest.mark.redis
def test_feed_build_keeps_the_newest_entries_up_to_the_cap(feed_redis):
    _built(7, _entries(FEED_CAP + 30))

    read = store.feed_read(member_id=7, before=None, count=FEED_CAP + 50)

    assert read is not None
    assert len(read.entries) == FEED_CAP
    assert read.entries[0].id == FEED_CAP + 30
    assert read.entries[-1].id == 31
    assert read.complete is False
    assert feed_redis.object("encoding", store.feed_key(7)) == b"listpack"


@pytest.mark.redis
def test_feed_entries_add_writes_only_to_built_feeds_and_trims_to_the_cap(feed_redis):
    _built(1, _entries(FEED_CAP))
    _built(2, [])
    newest = Entry.at(created_at=T0 + timedelta(days=1), kind="u", id=5000)

    taken = store.feed_entries_add(member_ids=[1, 2, 3], entries=[newest])

    assert taken == 2
    one = store.feed_read(member_id=1, before=None, count=FEED_CAP + 5)
    two = store.feed_read(member_id=2, before=None, count=5)
    assert one is not None
    assert two is not None
    assert len(one.entries) == FEED_CAP
    assert one.entries[0] == newest
    assert one.entries[-1].id == 2  # the oldest (id 1) made room
    assert two.entries == [newest]
    assert one.complete is False  # trimmed: older items are in SQL only
    assert two.complete is True
    assert not feed_redis.exists(store.feed_key(3))


@pytest.mark.redis
def test_feed_entries_add_is_idempotent(feed_redis):
    _built(1, [])
    entry = _entries(1)[0]

    store.feed_entries_add(member_ids=[1], entries=[entry])
    store.feed_entries_add(member_ids=[1], entries=[entry])

    read = store.feed_read(member_id=1, before=None, count=5)
    assert read is not None
    assert read.entries == [entry]


@pytest.mark.redis
def test_feed_build_keeps_what_fan_out_added_while_it_read_sql(feed_redis):
    # given a rebuild that has started (the feed is marked) but not yet written
    assert store.feed_build_start(member_ids=[1])
    during = Entry.at(created_at=T0 + timedelta(hours=1), kind="u", id=77)
    # when fan-out runs meanwhile, then the rebuild writes what SQL said before it
    assert store.feed_entries_add(member_ids=[1], entries=[during]) == 1
    store.feed_build_finish(member_id=1, entries=_entries(3), complete=True)

    read = store.feed_read(member_id=1, before=None, count=10)
    assert read is not None
    assert [e.id for e in read.entries] == [77, 3, 2, 1]


@pytest.mark.redis
def test_feed_read_of_a_feed_still_building_says_missing(feed_redis):
    store.feed_build_start(member_ids=[1])

    read = store.feed_read(member_id=1, before=None, count=10)

    assert read is not None
    assert read.built is False


@pytest.mark.redis
def test_feed_items_remove_takes_them_out_of_every_feed_by_id(feed_redis):
    _built(1, _entries(3))
    _built(2, _entries(3))

    assert store.feed_items_remove(member_ids=[1, 2, 3], kind="u", ids=[2])

    for member_id in (1, 2):
        read = store.feed_read(member_id=member_id, before=None, count=10)
        assert read is not None
        assert [e.id for e in read.entries] == [3, 1]


@pytest.mark.redis
def test_feed_drop_makes_the_feed_missing(feed_redis):
    _built(1, _entries(3))

    assert store.feed_drop(member_ids=[1])

    read = store.feed_read(member_id=1, before=None, count=10)
    assert read is not None
    assert read.built is False


@pytest.mark.redis
def test_feed_read_keeps_a_read_feed_alive(feed_redis):
    _built(1, _entries(1))
    feed_redis.expire(store.feed_key(1), 60)

    store.feed_read(member_id=1, before=None, count=10)

    assert feed_redis.ttl(store.feed_key(1)) > 60


def test_feed_store_waits_one_timeout_at_most_on_a_hung_redis(settings):
    server = OwnRedis()
    server.start()
    try:
        with override_settings(REDIS_URL=server.url, FEED_KEY_PREFIX="feedtest-hung"):
            redis_outage_forget()
            _built(1, _entries(3))
            server.freeze()

            started = time.monotonic()
            reads = [store.feed_read(member_id=1, before=None, count=10) for _ in range(5)]
            added = store.feed_entries_add(member_ids=[1], entries=_entries(1, start=9))
            waited = time.monotonic() - started

            assert reads == [None] * 5
            assert added is None
            assert waited < 0.6  # one socket timeout (0.25 s) and nothing more
            assert redis_outage_recent()
    finally:
        server.stop()
        redis_outage_forget()
