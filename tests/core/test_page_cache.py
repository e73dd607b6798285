"""The anonymous page cache: fast for visitors, never shared with members, never stale on
privacy, never holding a CSRF token, and never a reason for a page to fail."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client, RequestFactory

from articles.services import comment_create
from core import page_cache
from core.cache import FailSoftRedisCache
from core.models import ContentVersion
from core.page_cache import csrf_placeholder, page_cache_forget_local
from core.public_pages import PUBLIC_PAGES, public_pages_changed
from forum.models import Question
from forum.services import answer_create, question_delete
from moderation.services import content_hide
from newsletter.models import Subscriber
from tests.articles.factories import ArticleFactory
from tests.factories import TopicFactory, UserFactory
from tests.forum.factories import QuestionFactory

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _established_members(settings: Any) -> None:
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_REPLIES_PER_HOUR = 1000


@pytest.fixture
def topic(db: None) -> Any:
    return TopicFactory.create(name="HER2-positive", slug="her2-positive")


@pytest.fixture
def question(topic: Any) -> Question:
    return QuestionFactory.create(title="Did anyone keep working during chemo?", topics=[topic])


@pytest.fixture
def article(topic: Any) -> Any:
    return ArticleFactory.create(topics=[topic])


def _served(response: Any) -> str:
    return str(response.get("X-Page-Cache", "render"))


def test_page_cache_second_anonymous_visit_is_served_without_rendering(
    client, question, django_assert_max_num_queries
):
    first = client.get("/questions/")

    with django_assert_max_num_queries(1):
        second = client.get("/questions/")

    assert (_served(first), _served(second)) == ("miss", "hit")
    assert second.status_code == HTTPStatus.OK
    assert question.title in second.content.decode()


@pytest.mark.parametrize("path", ["/", "/articles/", "/guidelines/", "/privacy/"])
def test_page_cache_public_pages_are_cached_for_visitors(client, article, path):
    client.get(path)

    assert _served(client.get(path)) == "hit"


def test_page_cache_article_topic_and_question_pages_are_cached(client, article, question, topic):
    for path in (
        article.get_absolute_url(),
        f"/articles/topics/{topic.slug}/",
        question.get_absolute_url(),
        "/questions/?tab=unanswered",
        f"/questions/?topic={topic.slug}",
    ):
        client.get(path)
        assert _served(client.get(path)) == "hit", path


def test_page_cache_query_string_is_part_of_the_key(client, question):
    client.get("/questions/")

    other_tab = client.get("/questions/?tab=popular")

    assert _served(other_tab) == "miss"


def test_page_cache_unknown_query_parameters_render_normally(client, question):
    client.get("/questions/?utm_source=x")

    assert _served(client.get("/questions/?utm_source=x")) == "render"


def test_page_cache_member_never_gets_nor_populates_the_anonymous_copy(
    client, member_client, member, question
):
    client.get("/questions/")

    as_member = member_client.get("/questions/")
    member_client.get("/articles/")
    visitor = Client().get("/articles/")

    assert _served(as_member) == "render"
    assert member.display_name in as_member.content.decode()
    assert _served(visitor) == "miss"
    assert member.display_name not in visitor.content.decode()


def test_page_cache_hidden_question_leaves_the_cached_list_at_once(client, question):
    moderator = UserFactory.create(is_staff=True)
    client.get("/questions/")
    assert question.title in client.get("/questions/").content.decode()

    content_hide(item=question, moderator=moderator, reason="Spam")

    after = client.get("/questions/")
    assert question.title not in after.content.decode()
    assert client.get(question.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_page_cache_hidden_question_gone_after_commit_too(
    client, question, django_capture_on_commit_callbacks
):
    moderator = UserFactory.create(is_staff=True)
    client.get("/questions/")

    with django_capture_on_commit_callbacks(execute=True):
        content_hide(item=question, moderator=moderator, reason="Spam")
    page_cache_forget_local()  # as another process that reads the version again

    assert question.title not in client.get("/questions/").content.decode()


def test_page_cache_hide_while_redis_is_down_is_never_undone_when_it_returns(
    client, question, monkeypatch
):
    # given: the list is cached; then Redis stops answering while a moderator hides
    moderator = UserFactory.create(is_staff=True)
    client.get("/questions/")
    assert _served(client.get("/questions/")) == "hit"
    working = page_cache.cache
    monkeypatch.setattr(page_cache, "cache", _BrokenCache("broken", {}))
    content_hide(item=question, moderator=moderator, reason="Spam")

    # when: Redis answers again, with the old page still stored in it
    monkeypatch.setattr(page_cache, "cache", working)
    page_cache_forget_local()  # every process, a second later

    # then: the old page is never served again
    after = client.get("/questions/")
    assert _served(after) == "miss"
    assert question.title not in after.content.decode()


def test_page_cache_question_deleted_by_its_author_leaves_the_list(client, question):
    client.get("/questions/")

    question_delete(question=question, member=question.author)

    assert question.title not in client.get("/questions/").content.decode()


def test_page_cache_new_comment_updates_the_anonymous_comment_count(client, article, member):
    page = article.get_absolute_url()
    assert "0 comments" in client.get(page).content.decode()

    comment_create(article=article, author=member, body="Thinking of you all.")

    after = client.get(page)
    assert _served(after) == "miss"
    assert "1 comment" in after.content.decode()


def test_page_cache_article_unpublished_is_gone_for_visitors(client, article):
    client.get(article.get_absolute_url())

    article.status = "draft"
    article.save()

    assert client.get(article.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_page_cache_text_size_has_its_own_copy(client, question):
    client.get("/questions/")
    client.cookies["text_size"] = "large"

    large = client.get("/questions/")

    assert _served(large) == "miss"
    assert b'<html lang="en" class="text-large">' in large.content
    assert _served(client.get("/questions/")) == "hit"


def test_page_cache_messages_and_htmx_requests_are_not_cached(client, question):
    client.get("/questions/")
    client.cookies["messages"] = "anything"

    with_messages = client.get("/questions/")
    del client.cookies["messages"]
    htmx = client.get("/questions/", headers={"HX-Request": "true"})

    assert _served(with_messages) == "render"
    assert _served(htmx) == "render"
    assert b"<html" not in htmx.content  # the rows fragment, not the cached page


def test_page_cache_any_session_cookie_means_no_cache(client, question, settings):
    client.get("/questions/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"

    assert _served(client.get("/questions/")) == "render"


def test_page_cache_never_stores_a_csrf_token(client, question):
    client.get("/questions/")

    entry = _stored_entry()

    assert csrf_placeholder().encode() in entry["body"]
    assert not TOKEN.search(entry["body"].replace(csrf_placeholder().encode(), b""))
    assert all(name.lower() != "set-cookie" for name, _ in entry["headers"])


def test_page_cache_each_visitor_gets_their_own_token_and_cookie(client, question):
    Client().get("/questions/")

    first = Client().get("/questions/")
    second = Client().get("/questions/")

    assert _served(first) == _served(second) == "hit"
    tokens = [TOKEN.search(r.content).group(1) for r in (first, second)]  # type: ignore[union-attr]
    assert tokens[0] != tokens[1]
    assert csrf_placeholder().encode() not in first.content
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "Cookie" in first["Vary"]


def test_page_cache_visitor_can_subscribe_from_a_cached_page(db, question):
    Client().get("/questions/")
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get("/questions/")
    token = TOKEN.search(page.content).group(1).decode()  # type: ignore[union-attr]
    response = visitor.post(
        "/newsletter/subscribe/",
        {"email": "visitor@example.org", "source": "/questions/", "csrfmiddlewaretoken": token},
    )

    assert _served(page) == "hit"
    assert response.status_code == HTTPStatus.OK
    assert Subscriber.objects.filter(email="visitor@example.org").exists()


def test_page_cache_hit_still_carries_the_security_headers(client, question):
    client.get("/questions/")

    hit = client.get("/questions/")

    assert _served(hit) == "hit"
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Content-Type"].startswith("text/html")


def test_page_cache_head_request_is_served_from_the_cache(client, question):
    client.get("/questions/")

    head = client.head("/questions/")

    assert head.status_code == HTTPStatus.OK
    assert _served(head) == "hit"


def test_page_cache_version_bump_makes_every_page_stale(client, question):
    client.get("/questions/")
    client.get("/")

    public_pages_changed()

    assert _served(client.get("/questions/")) == "miss"
    assert _served(client.get("/")) == "miss"


def test_page_cache_lost_version_never_revives_old_pages(client, question, settings):
    settings.PAGE_CACHE_VERSION_SECONDS = 0
    client.get("/questions/")

    ContentVersion.objects.filter(name=PUBLIC_PAGES).delete()

    assert _served(client.get("/questions/")) == "miss"


def test_page_cache_bump_by_another_process_makes_local_copies_stale(client, question, settings):
    settings.PAGE_CACHE_VERSION_SECONDS = 0  # production reads the shared version every 1 s
    client.get("/questions/")
    assert _served(client.get("/questions/")) == "hit"

    ContentVersion.objects.filter(name=PUBLIC_PAGES).update(token="set-by-another-process")

    assert _served(client.get("/questions/")) == "miss"


def test_page_cache_process_that_bumps_sees_the_change_at_once(client, question, settings):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # even with a long-lived copy of the version
    client.get("/questions/")

    public_pages_changed()

    assert _served(client.get("/questions/")) == "miss"


class _BrokenCache(LocMemCache):
    """A cache backend whose every call fails, as a misconfigured or broken server would."""

    def get(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("cache down")

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("cache down")

    def set(self, *args: Any, **kwargs: Any) -> None:
        raise RuntimeError("cache down")

    def add(self, *args: Any, **kwargs: Any) -> bool:
        raise RuntimeError("cache down")


def test_page_cache_broken_backend_still_renders_pages(client, question, monkeypatch):
    broken = _BrokenCache("broken", {})
    monkeypatch.setattr(page_cache, "cache", broken)

    first = client.get("/questions/")
    public_pages_changed()
    second = client.get("/questions/")

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert _served(second) == "render"
    assert question.title in second.content.decode()
    assert csrf_placeholder().encode() not in second.content


def test_page_cache_redis_outage_still_renders_pages(client, question, monkeypatch):
    down = FailSoftRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )
    monkeypatch.setattr(page_cache, "cache", down)

    response = client.get("/questions/")
    public_pages_changed()

    assert response.status_code == HTTPStatus.OK
    assert question.title in response.content.decode()
    assert TOKEN.search(response.content)
    assert csrf_placeholder().encode() not in response.content


def _stored_entry() -> dict[str, Any]:
    key = page_cache.page_key(_request_for("/questions/"))
    entry = cache.get(key)
    assert entry is not None
    return dict(entry)


def _request_for(path: str) -> Any:
    return RequestFactory().get(path)


def test_page_cache_expired_copies_are_never_served(client, question, monkeypatch):
    monkeypatch.setattr(page_cache, "TTL_SECONDS", -1)
    client.get("/questions/")

    assert _served(client.get("/questions/")) != "hit"


def test_page_cache_new_answer_updates_the_counts_visitors_see(client, question, member):
    assert "0 answers" in client.get("/questions/").content.decode()
    client.get(question.get_absolute_url())

    answer_create(question=question, author=member, body="Yes, part time, and it helped.")

    assert "1 answer" in client.get("/questions/").content.decode()
    assert "1 answer" in client.get(question.get_absolute_url()).content.decode()


def test_page_cache_hidden_answer_lowers_the_count_at_once(client, question, member):
    answer = answer_create(question=question, author=member, body="Yes, part time.")
    assert "1 answer" in client.get("/questions/").content.decode()

    content_hide(item=answer, moderator=UserFactory.create(is_staff=True), reason="Off topic")

    assert "0 answers" in client.get("/questions/").content.decode()
