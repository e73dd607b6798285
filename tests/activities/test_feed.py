"""The SQL feed: what each tab holds, keyset pagination, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.blocks import member_block
from activities.feed import feed_page
from activities.models import Audience, UpdateHug
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

from .factories import UpdateCommentFactory, UpdateFactory, team_link

pytestmark = pytest.mark.django_db


def _keys(page):
    return [item.key for item in page.items]


def test_feed_page_team_tab_holds_team_updates_her_own_and_team_questions(author, mate, stranger):
    now = timezone.now()
    theirs = UpdateFactory.create(author=mate, created_at=now - timedelta(minutes=3))
    mine = UpdateFactory.create(author=author, created_at=now - timedelta(minutes=2))
    UpdateFactory.create(author=stranger, created_at=now - timedelta(minutes=1))
    question = QuestionFactory.create(author=mate, created_at=now)
    QuestionFactory.create(author=mate, is_anonymous=True, created_at=now)

    page = feed_page(viewer=author, tab="team")

    assert _keys(page) == [f"q:{question.pk}", f"u:{mine.pk}", f"u:{theirs.pk}"]


def test_feed_page_everyone_tab_holds_members_updates_only(author, mate, stranger):
    shared = UpdateFactory.create(author=stranger)
    UpdateFactory.create(author=mate, audience=Audience.TEAM)

    page = feed_page(viewer=author, tab="everyone")

    assert _keys(page) == [f"u:{shared.pk}"]


def test_feed_page_drops_an_update_at_once_when_a_block_is_made(author, mate):
    UpdateFactory.create(author=author, audience=Audience.TEAM)
    assert len(feed_page(viewer=mate, tab="team").items) == 1

    member_block(blocker=author, blocked=mate)

    assert feed_page(viewer=mate, tab="team").items == []
    assert feed_page(viewer=mate, tab="everyone").items == []


def test_feed_page_keyset_pages_walk_every_update_once(author, mate):
    now = timezone.now()
    made = [
        UpdateFactory.create(author=mate, created_at=now - timedelta(seconds=n % 3))
        for n in range(7)
    ]

    seen, before = [], None
    while True:
        page = feed_page(viewer=author, tab="team", before=before, size=3)
        seen += [item.pk for item in page.items]
        if page.next_cursor is None:
            break
        before = page.next_cursor

    assert sorted(seen) == sorted(u.pk for u in made)
    assert len(seen) == len(set(seen))


def test_feed_page_ignores_a_malformed_cursor(author, mate):
    UpdateFactory.create(author=mate)

    assert len(feed_page(viewer=author, tab="team", before="not-a-cursor").items) == 1


def test_feed_page_marks_her_hugs(author, mate):
    hugged = UpdateFactory.create(author=mate)
    UpdateFactory.create(author=mate)
    UpdateHug.objects.create(update=hugged, member=author)

    page = feed_page(viewer=author, tab="team")

    assert {item.pk: item.hugged for item in page.items}[hugged.pk] is True
    assert sum(item.hugged for item in page.items) == 1


def _world(*, team: int, history: int):
    viewer = UserFactory.create()
    for _ in range(team):
        mate = UserFactory.create()
        team_link(viewer, mate)
        for _ in range(history):
            update = UpdateFactory.create(author=mate)
            UpdateCommentFactory.create(update=update, author=viewer)
            UpdateHug.objects.create(update=update, member=viewer)
        QuestionFactory.create(author=mate)
    return viewer


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


@pytest.mark.parametrize("tab", ["team", "everyone"])
def test_feed_page_costs_the_same_queries_whatever_the_team_size_and_history(tab):
    small = _world(team=1, history=1)
    large = _world(team=12, history=6)

    assert _queries(lambda: feed_page(viewer=small, tab=tab)) == _queries(
        lambda: feed_page(viewer=large, tab=tab)
    )


@pytest.mark.parametrize("tab", ["team", "everyone"])
def test_feed_view_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries, tab):
    small, large = _world(team=1, history=1), _world(team=12, history=6)
    client.force_login(small)
    client.get(f"/activities/?tab={tab}")  # with Redis, her feed is built on this first read
    small_count = _queries(lambda: client.get(f"/activities/?tab={tab}"))
    client.force_login(large)
    client.get(f"/activities/?tab={tab}")

    with django_assert_max_num_queries(small_count):
        client.get(f"/activities/?tab={tab}")
    # Her session and user, the page's posts (updates; questions on "My team"; from Redis,
    # which of their authors are still on her team), her hugs, her posting rights and
    # review notice (one) and the newsletter box of the base page.
    # (PostgreSQL's "Everyone" page asks one more than SQLite's.)
    assert small_count <= (7 if tab == "team" else 6)


def test_member_activities_view_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    viewer = UserFactory.create()
    few, many = UserFactory.create(), UserFactory.create()
    for author, count in ((few, 1), (many, 30)):
        author.profile.show_posts_on_activities = True
        author.profile.save()
        for _ in range(count):
            UpdateFactory.create(author=author)
            QuestionFactory.create(author=author)
        team_link(author, UserFactory.create())
    client.force_login(viewer)
    small_count = _queries(lambda: client.get(f"/members/{few.handle}/activities/"))

    with django_assert_max_num_queries(small_count):
        client.get(f"/members/{many.handle}/activities/")
    # The team standing is asked once for the count and the team controls together.
    assert small_count == 11


def test_update_detail_view_runs_a_fixed_number_of_queries(
    client, author, mate, django_assert_max_num_queries
):
    short = UpdateFactory.create(author=author)
    long = UpdateFactory.create(author=author)
    UpdateCommentFactory.create(update=short, author=mate)
    for _ in range(25):
        parent = UpdateCommentFactory.create(update=long, author=UserFactory.create())
        UpdateCommentFactory.create(update=long, author=UserFactory.create(), parent=parent)
    client.force_login(mate)
    small_count = _queries(lambda: client.get(short.get_absolute_url()))

    with django_assert_max_num_queries(small_count):
        client.get(long.get_absolute_url())


def test_team_view_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    from activities.models import TeamRequest

    small, large = UserFactory.create(), UserFactory.create()
    for viewer, size in ((small, 1), (large, 15)):
        viewer.profile.region = "Ohio"
        viewer.profile.save()
        for _ in range(size):
            team_link(viewer, UserFactory.create())
            TeamRequest.objects.create(sender=UserFactory.create(), recipient=viewer)
            TeamRequest.objects.create(sender=viewer, recipient=UserFactory.create())
            other = UserFactory.create()
            other.profile.region, other.profile.region_visibility = "Ohio", "members"
            other.profile.save()
    client.force_login(small)
    small_count = _queries(lambda: client.get("/team/"))
    client.force_login(large)

    with django_assert_max_num_queries(small_count):
        client.get("/team/")


@pytest.mark.parametrize(
    "cursor",
    ["", "abc", "1.2.3", "9" * 39, "1." + "9" * 30, "99999999999999999999.1", "١٢.٣", "-5.1"],
)
def test_feed_page_treats_any_malformed_cursor_as_the_first_page(author, mate, cursor):
    UpdateFactory.create(author=mate)

    assert len(feed_page(viewer=author, tab="team", before=cursor).items) == 1
