"""activities.feed.team_sql: the "My team" tab from PostgreSQL, the same pages as the one-query
reader whatever the shape of her team."""

import pytest

from accounts.blocks import member_block
from activities.feed import EVERYONE, TEAM, everyone_sql, team_sql
from activities.feed.sql import feed_page_sql
from activities.feed.types import cursor_parse
from activities.models import Audience
from moderation.models import ModerationState
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

from .conftest import posted, team_of

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def _pages(read, viewer, *, size: int) -> list[list[str]]:
    pages, before = [], None
    for _ in range(50):
        page = read(viewer=viewer, before=cursor_parse(before), size=size)
        pages.append([item.key for item in page.items])
        before = page.next_cursor
        if before is None:
            return pages
    raise AssertionError("the feed never ended")


def _one_query_reader(*, viewer, before, size):
    return feed_page_sql(viewer=viewer, tab=TEAM, before=before, size=size)


def _history(member) -> None:
    mates = team_of(member, 4)
    stranger = UserFactory.create()
    for i in range(24):
        posted(mates[i % 4], minutes_ago=300 - i * 7, audience=[*Audience.values][i % 2])
    posted(member, minutes_ago=5)
    posted(member, minutes_ago=4, moderation_state=ModerationState.PENDING)
    posted(mates[0], minutes_ago=3, moderation_state=ModerationState.HIDDEN)
    posted(stranger, minutes_ago=2)
    gone = mates[3]
    type(gone).objects.filter(pk=gone.pk).update(is_active=False)
    for mate in mates[:2]:
        QuestionFactory.create(author=mate)
    QuestionFactory.create(author=mates[1], is_anonymous=True)


@pytest.mark.parametrize("small_team_limit", [200, 2])
def test_team_page_sql_pages_like_the_one_query_reader(member, monkeypatch, small_team_limit):
    # 200: her 4 mates are read one index range each; 2: she counts as a big team
    monkeypatch.setattr(team_sql, "SMALL_TEAM", small_team_limit)
    _history(member)

    pages = _pages(team_sql.team_page_sql, member, size=5)

    assert pages == _pages(_one_query_reader, member, size=5)
    assert sum(len(page) for page in pages) == 22  # 18 by active mates, her 2, 2 signed questions


def test_team_page_sql_runs_five_queries_whatever_the_team(
    member, django_assert_num_queries, monkeypatch
):
    _history(member)
    with django_assert_num_queries(5):
        team_sql.team_page_sql(viewer=member, before=None, size=10)
    monkeypatch.setattr(team_sql, "SMALL_TEAM", 2)
    with django_assert_num_queries(5):
        team_sql.team_page_sql(viewer=member, before=None, size=10)


def test_everyone_page_sql_pages_like_the_one_query_reader(member):
    _history(member)
    blocked = UserFactory.create()
    posted(blocked, minutes_ago=1)
    member_block(blocker=member, blocked=blocked)
    posted(member, minutes_ago=1, moderation_state=ModerationState.PENDING)

    def one_query(*, viewer, before, size):
        return feed_page_sql(viewer=viewer, tab=EVERYONE, before=before, size=size)

    pages = _pages(everyone_sql.everyone_page_sql, member, size=4)

    assert pages == _pages(one_query, member, size=4)
    assert sum(len(page) for page in pages) == 16  # 12 by mates, a stranger, hers (1 + 2 pending)


def test_everyone_page_sql_runs_three_queries_whatever_the_history(
    member, django_assert_num_queries
):
    _history(member)

    with django_assert_num_queries(3):
        everyone_sql.everyone_page_sql(viewer=member, before=None, size=10)
