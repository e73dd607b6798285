"""The "My team" tab from Redis: rebuilt when missing, filtered on read, SQL when Redis is away."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.blocks import Block
from activities.feed import EVERYONE, TEAM, feed_page, store
from activities.feed.sql import feed_page_sql
from activities.feed.store import Entry
from activities.models import Audience, TeamLink, Update
from core.outage import redis_outage_forget
from moderation.models import ModerationState
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

from .conftest import posted, team_of

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def _keys(page) -> list[str]:
    return [item.key for item in page.items]


def _all_pages(viewer, *, size: int) -> list[str]:
    keys, before = [], None
    for _ in range(100):
        page = feed_page(viewer=viewer, tab=TEAM, before=before, size=size)
        keys += _keys(page)
        before = page.next_cursor
        if before is None:
            return keys
    raise AssertionError("the feed never ended")


def _in_redis(member) -> list[str]:
    read = store.feed_read(member_id=member.pk, before=None, count=500)
    assert read is not None
    return [f"{e.kind}:{e.id}" for e in read.entries]


def test_feed_page_rebuilds_a_missing_feed_from_sql_with_the_same_items(feed_redis, member):
    mates = team_of(member, 3)
    for i, mate in enumerate(mates):
        posted(mate, minutes_ago=10 + i)
    posted(member, minutes_ago=5)
    question = QuestionFactory.create(author=mates[0])
    expected = _keys(feed_page_sql(viewer=member, tab=TEAM, before=None, size=20))

    page = feed_page(viewer=member, tab=TEAM)

    assert _keys(page) == expected
    assert f"q:{question.pk}" in expected
    assert _in_redis(member) == expected


def test_feed_page_reads_her_feed_from_redis_once_built(feed_redis, member):
    mate = team_of(member, 1)[0]
    shown = posted(mate, minutes_ago=10)
    feed_page(viewer=member, tab=TEAM)  # builds it
    # an update that reached SQL but was never fanned out is not in the Redis feed
    posted(mate, minutes_ago=1)

    page = feed_page(viewer=member, tab=TEAM)

    assert _keys(page) == [f"u:{shown.pk}"]


def test_feed_page_hides_a_hidden_update_at_once_and_forgets_it(feed_redis, member):
    mate = team_of(member, 1)[0]
    kept, hidden = posted(mate, minutes_ago=10), posted(mate, minutes_ago=5)
    feed_page(viewer=member, tab=TEAM)
    # hidden with no job run yet: only the read can keep it off her screen
    Update.objects.filter(pk=hidden.pk).update(moderation_state=ModerationState.HIDDEN)

    page = feed_page(viewer=member, tab=TEAM)

    assert _keys(page) == [f"u:{kept.pk}"]
    assert _in_redis(member) == [f"u:{kept.pk}"]


def test_feed_page_drops_a_removed_team_mate_at_once(feed_redis, member):
    stays, leaves = team_of(member, 2)
    kept, gone = posted(stays, minutes_ago=10), posted(leaves, minutes_ago=5)
    feed_page(viewer=member, tab=TEAM)
    TeamLink.objects.filter(member__in=[member, leaves], mate__in=[member, leaves]).delete()

    page = feed_page(viewer=member, tab=TEAM)

    assert _keys(page) == [f"u:{kept.pk}"]
    assert f"u:{gone.pk}" not in _in_redis(member)


def test_feed_page_drops_a_blocked_member_at_once_even_on_her_team(feed_redis, member):
    mate = team_of(member, 1)[0]
    posted(mate, minutes_ago=5, audience=Audience.MEMBERS)
    feed_page(viewer=member, tab=TEAM)
    Block.objects.create(blocker=mate, blocked=member)  # no service, no hook: only the read

    assert _keys(feed_page(viewer=member, tab=TEAM)) == []


def test_feed_page_drops_an_erased_member_at_once(feed_redis, member):
    mate = team_of(member, 1)[0]
    posted(mate, minutes_ago=5)
    QuestionFactory.create(author=mate)
    feed_page(viewer=member, tab=TEAM)
    type(mate).objects.filter(pk=mate.pk).update(erased_at=mate.date_joined)

    assert _keys(feed_page(viewer=member, tab=TEAM)) == []


def test_feed_page_never_shows_a_team_only_update_to_a_stranger_whose_feed_holds_it(
    feed_redis, member
):
    stranger = UserFactory.create()
    secret = posted(member, minutes_ago=1, audience=Audience.TEAM)
    store.feed_build_start(member_ids=[stranger.pk])
    store.feed_build_finish(
        member_id=stranger.pk,
        entries=[Entry.at(created_at=secret.created_at, kind="u", id=secret.pk)],
        complete=True,
    )

    assert _keys(feed_page(viewer=stranger, tab=TEAM)) == []


def test_feed_pages_run_on_from_redis_into_sql_past_the_cap(feed_redis, member, monkeypatch):
    monkeypatch.setattr(store, "FEED_CAP", 7)
    mates = team_of(member, 2)
    for i in range(12):
        posted(mates[i % 2], minutes_ago=100 - i)
    for _ in range(3):
        QuestionFactory.create(author=mates[0])
    expected = _keys(feed_page_sql(viewer=member, tab=TEAM, before=None, size=100))

    assert _all_pages(member, size=3) == expected
    assert len(_in_redis(member)) == 7


def test_feed_pages_fill_past_filtered_entries_without_skipping_any(feed_redis, member):
    mate = team_of(member, 1)[0]
    updates = [posted(mate, minutes_ago=50 - i) for i in range(30)]
    feed_page(viewer=member, tab=TEAM)
    hidden = [u.pk for u in updates[5:25]]
    Update.objects.filter(pk__in=hidden).update(moderation_state=ModerationState.HIDDEN)

    keys = _all_pages(member, size=4)

    assert keys == [f"u:{u.pk}" for u in reversed(updates) if u.pk not in hidden]


def test_feed_page_answers_from_sql_at_once_when_redis_is_down(member, settings):
    mate = team_of(member, 1)[0]
    update = posted(mate, minutes_ago=1)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    redis_outage_forget()

    started = time.monotonic()
    page = feed_page(viewer=member, tab=TEAM)

    assert _keys(page) == [f"u:{update.pk}"]
    assert time.monotonic() - started < 0.5
    redis_outage_forget()


def test_feed_page_everyone_tab_comes_from_sql(feed_redis, member):
    other = UserFactory.create()
    update = posted(other, minutes_ago=1)

    page = feed_page(viewer=member, tab=EVERYONE)

    assert _keys(page) == [f"u:{update.pk}"]
    assert not feed_redis.exists(store.feed_key(member.pk))


def _queries_for_first_page(viewer) -> int:
    with CaptureQueriesContext(connection) as queries:
        feed_page(viewer=viewer, tab=TEAM)
    return len(queries)


def test_feed_page_from_redis_runs_the_same_queries_whatever_the_team_and_history(
    feed_redis, member, django_assert_num_queries
):
    small_reader, big_reader = member, UserFactory.create()
    for reader, team_size, per_mate in ((small_reader, 2, 1), (big_reader, 25, 4)):
        for mate in team_of(reader, team_size):
            QuestionFactory.create(author=mate)
            for i in range(per_mate):
                posted(mate, minutes_ago=i)
        feed_page(viewer=reader, tab=TEAM)  # built

    small = _queries_for_first_page(small_reader)
    big = _queries_for_first_page(big_reader)

    assert small == big
    with django_assert_num_queries(big):
        feed_page(viewer=big_reader, tab=TEAM)
    assert big <= 4  # updates, questions, who is still on her team, her hugs


def test_feed_page_rebuild_runs_the_same_queries_whatever_the_team_and_history(feed_redis, member):
    small_reader, big_reader = member, UserFactory.create()
    for reader, team_size, per_mate in ((small_reader, 2, 1), (big_reader, 25, 6)):
        for mate in team_of(reader, team_size):
            QuestionFactory.create(author=mate)
            for i in range(per_mate):
                posted(mate, minutes_ago=i)

    small = _queries_for_first_page(small_reader)  # both feeds missing: rebuilt from SQL
    big = _queries_for_first_page(big_reader)

    assert small == big <= 5  # her team, the candidates, updates, questions, her hugs


def test_feed_page_cursor_from_redis_carries_on_in_sql_when_redis_goes_away(
    feed_redis, member, settings
):
    mates = team_of(member, 2)
    for i in range(8):
        posted(mates[i % 2], minutes_ago=30 - i)
    first = feed_page(viewer=member, tab=TEAM, size=3)
    first = feed_page(viewer=member, tab=TEAM, size=3)  # from Redis now
    expected = _keys(feed_page_sql(viewer=member, tab=TEAM, before=None, size=8))

    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    redis_outage_forget()
    second = feed_page(viewer=member, tab=TEAM, before=first.next_cursor, size=5)
    redis_outage_forget()

    assert _keys(first) + _keys(second) == expected


def test_feed_view_from_redis_runs_the_same_queries_whatever_the_team_and_history(
    feed_redis, client
):
    counts = []
    for team_size, per_mate in ((2, 12), (30, 3)):
        reader = UserFactory.create()
        mates = team_of(reader, team_size)
        for mate in mates[:2]:  # both pages: two questions and eighteen updates
            QuestionFactory.create(author=mate)
        for mate in mates:
            for i in range(per_mate):
                posted(mate, minutes_ago=i + 1)
        client.force_login(reader)
        client.get("/activities/?tab=team")  # builds her feed
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/activities/?tab=team")
        assert len(response.context["page"].items) == 20
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_feed_page_from_redis_shows_her_own_update_waiting_for_review(feed_redis, member):
    mate = team_of(member, 1)[0]
    for i in range(6):
        posted(mate, minutes_ago=60 - i)
    feed_page(viewer=member, tab=TEAM)  # built before she posts
    held = posted(member, minutes_ago=55.5, moderation_state=ModerationState.PENDING)
    expected = _keys(feed_page_sql(viewer=member, tab=TEAM, before=None, size=20))

    assert f"u:{held.pk}" in expected
    assert _all_pages(member, size=2) == expected
    assert _keys(feed_page(viewer=mate, tab=TEAM)).count(f"u:{held.pk}") == 0
