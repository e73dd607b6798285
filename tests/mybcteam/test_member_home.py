"""The member home: what is new for her since her last visit; visitors keep the cached page."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile, User
from accounts.visits import FIRST_VISIT_LOOKBACK, SEEN_WRITE_INTERVAL, VISIT_GAP, member_visit_since
from core.idempotency import key_new
from forum.models import QuestionFollow
from moderation.models import ModerationState
from mybcteam.member_home import FEED_ITEMS_SHOWN
from tests.activities.factories import UpdateFactory, team_link
from tests.articles.factories import ArticleFactory
from tests.factories import TopicFactory, UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _seen(member: User, *, ago: timedelta, previous: timedelta | None = None) -> None:
    now = timezone.now()
    User.objects.filter(pk=member.pk).update(
        last_seen_at=now - ago, previous_visit_at=now - previous if previous else None
    )
    member.refresh_from_db()


def test_member_visit_since_first_visit_looks_back_a_week(member):
    now = timezone.now()

    since = member_visit_since(user=member, now=now)

    assert since == now - FIRST_VISIT_LOOKBACK
    member.refresh_from_db()
    assert member.last_seen_at == now


def test_member_visit_since_writes_nothing_within_the_interval(member, django_assert_num_queries):
    _seen(member, ago=SEEN_WRITE_INTERVAL / 2, previous=timedelta(days=2))

    with django_assert_num_queries(0):
        since = member_visit_since(user=member)

    assert since == member.previous_visit_at


def test_member_visit_since_new_visit_counts_from_where_the_last_one_ended(member):
    _seen(member, ago=VISIT_GAP * 3, previous=timedelta(days=5))
    last_seen = member.last_seen_at
    now = timezone.now()

    since = member_visit_since(user=member, now=now)

    assert since == last_seen
    member.refresh_from_db()
    assert (member.previous_visit_at, member.last_seen_at) == (last_seen, now)


def test_member_visit_since_same_visit_keeps_the_cutoff(member):
    _seen(member, ago=SEEN_WRITE_INTERVAL * 2, previous=timedelta(days=5))
    previous = member.previous_visit_at

    since = member_visit_since(user=member)

    assert since == previous


def test_home_member_shows_new_answers_on_followed_questions(member_client, member):
    _seen(member, ago=timedelta(hours=3), previous=timedelta(days=1))
    followed = QuestionFactory.create(title="Did anyone keep working during Herceptin?")
    QuestionFollow.objects.create(member=member, question=followed)
    AnswerFactory.create(question=followed, created_at=timezone.now() - timedelta(days=3))
    AnswerFactory.create(question=followed)
    AnswerFactory.create(question=followed)
    AnswerFactory.create(question=followed, author=member)  # her own: not news
    AnswerFactory.create(question=followed, moderation_state=ModerationState.PENDING)
    quiet = QuestionFactory.create(title="A followed question nobody answered lately")
    QuestionFollow.objects.create(member=member, question=quiet)

    content = member_client.get("/").content.decode()
    following = content.split('id="following-heading"')[1].split("</section>")[0]

    assert "Welcome back" in content
    assert "Did anyone keep working during Herceptin?" in following
    assert "2 new answers" in following
    assert "A followed question nobody answered lately" not in following
    assert "Join for free" not in content


def test_home_member_shows_articles_in_topics_from_her_profile(member_client, member):
    her2 = TopicFactory.create(slug="her2-positive", name="HER2-positive")
    other = TopicFactory.create(slug="chemotherapy", name="Chemotherapy")
    Profile.objects.filter(user=member).update(her2_status="positive")
    ArticleFactory.create(title="Living with HER2-positive cancer", topics=[her2])
    ArticleFactory.create(title="Chemo day, step by step", topics=[other])

    content = member_client.get("/").content.decode()

    assert "Articles in your topics" in content
    assert "Living with HER2-positive cancer" in content
    assert "Chemo day, step by step" not in content


def test_home_member_marks_articles_new_since_last_visit(member_client, member):
    topic = TopicFactory.create(slug="her2-positive", name="HER2-positive")
    Profile.objects.filter(user=member).update(her2_status="positive")
    _seen(member, ago=timedelta(days=2), previous=timedelta(days=9))
    ArticleFactory.create(
        title="Fresh", topics=[topic], published_at=timezone.now() - timedelta(hours=1)
    )

    content = member_client.get("/").content.decode()

    assert "New since your last visit" in content


def test_home_member_topics_from_her_questions(member_client, member):
    topic = TopicFactory.create(slug="side-effects", name="Side effects")
    QuestionFactory.create(author=member, topics=[topic])
    ArticleFactory.create(title="Managing tiredness", topics=[topic])

    content = member_client.get("/").content.decode()

    assert "Managing tiredness" in content
    assert "Side effects" in content


def test_home_member_offers_the_welcome_flow_until_finished(member_client, member):
    User.objects.filter(pk=member.pk).update(welcome_done_at=None, welcome_step="health")

    content = member_client.get("/").content.decode()

    assert "Finish setting up" in content
    assert "step 2 of 4" in content
    assert reverse("accounts:welcome") in content
    member_client.post(reverse("accounts:welcome_dismiss"))
    assert "Finish setting up" not in member_client.get("/").content.decode()


def test_home_member_bounded_queries(member_client, member, django_assert_max_num_queries):
    topic = TopicFactory.create(slug="her2-positive", name="HER2")
    Profile.objects.filter(user=member).update(her2_status="positive")
    for _ in range(12):
        question = QuestionFactory.create(topics=[topic])
        QuestionFollow.objects.create(member=member, question=question)
        AnswerFactory.create(question=question)
        ArticleFactory.create(topics=[topic])
    for _ in range(8):  # a team with a history: the feed reads one page, whatever its size
        mate = UserFactory.create()
        team_link(member, mate)
        UpdateFactory.create_batch(3, author=mate)
    member_client.get("/")  # the session and the visit, written once

    # 12 for the sections below the feed; 3 for the feed page (updates, team questions, her
    # hugs) and 1 for whether she may post and whether her post would wait for review.
    with django_assert_max_num_queries(14):
        response = member_client.get("/")

    assert response.status_code == HTTPStatus.OK


def test_home_visitor_page_still_cached(client):
    first = client.get("/")
    second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "Join for free" in second.content.decode()


def test_home_member_page_never_cached(member_client):
    response = member_client.get("/")

    assert "X-Page-Cache" not in response
    assert "Welcome back" in response.content.decode()


def test_home_member_another_member_sees_no_private_news(client, member):
    stranger = UserFactory.create()
    question = QuestionFactory.create()
    QuestionFollow.objects.create(member=member, question=question)
    AnswerFactory.create(question=question)
    client.force_login(stranger)

    content = client.get("/").content.decode()

    following = content.split('id="following-heading"')[1].split("</section>")[0]
    assert question.title not in following


def test_home_member_shows_the_top_of_her_team_feed_and_the_post_box(member_client, member):
    mate = UserFactory.create(display_name="Ines")
    team_link(member, mate)
    stranger = UserFactory.create(display_name="Paula")
    UpdateFactory.create(author=mate, body="Scan day went fine, thank you all")
    UpdateFactory.create(author=stranger, body="A stranger's update stays on Everyone")

    response = member_client.get("/")

    html = response.content.decode()
    assert "Scan day went fine, thank you all" in html
    assert "A stranger&#x27;s update" not in html
    assert "A stranger's update" not in html
    assert reverse("activities:feed") in html
    assert f'action="{reverse("activities:update_create")}"' in html
    assert 'name="next" value="/"' in html


def test_home_member_team_feed_shows_only_the_first_few(member_client, member):
    mate = UserFactory.create()
    team_link(member, mate)
    for n in range(FEED_ITEMS_SHOWN + 2):
        UpdateFactory.create(author=mate, body=f"Update number {n} from my mate")

    html = member_client.get("/").content.decode()

    assert html.count("update-card") == FEED_ITEMS_SHOWN
    assert "Older posts from your team" in html


def test_home_member_empty_team_feed_points_to_the_team_page(member_client):
    html = member_client.get("/").content.decode()

    assert "Nothing from your team yet" in html
    assert reverse("activities:team") in html


def test_home_member_posting_from_home_comes_back_home(member_client, member):
    response = member_client.post(
        reverse("activities:update_create"),
        {
            "body": "Feeling stronger this week",
            "audience": "members",
            "tag": "",
            "next": "/",
            "idempotency_key": key_new(),
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/"
    assert "Feeling stronger this week" in member_client.get("/").content.decode()
