"""Ordinary members share one rendering of the whole article page (articles.member_pages):
never stale, never someone else's."""

import re

import pytest
from django.test import Client

from articles import member_pages, services
from articles.models import ArticleStatus
from core.db_routing import REPLICA, reads_from
from moderation.models import ModerationState
from moderation.services import content_hide
from tests.factories import UserFactory
from tests.replica_cursors import replica_cursors_record

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(article):
    return [CommentFactory.create(article=article, body=f"Comment number {i}.") for i in range(8)]


def _reader(user=None) -> Client:
    client = Client()
    client.force_login(user or UserFactory.create())
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_article_page_shared_copy_is_the_page_she_would_have_had(article, thread):
    reader = UserFactory.create()
    own = _page(_reader(reader), article.get_absolute_url())

    shared = _page(_reader(reader), article.get_absolute_url())

    def tokens_out(html: str) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)
        html = re.sub(r'"X-CSRFToken": "[^"]+"', "TOKEN", html)
        return re.sub(r'name="idempotency_key" value="[^"]+"', "KEY", html)

    assert tokens_out(shared) == tokens_out(own)


def test_article_page_one_members_hugs_never_show_for_another(article, thread):
    hugger = UserFactory.create(display_name="Hugging Heron")
    services.comment_hug_set(member=hugger, target=thread[2], hugged=True)
    _page(_reader(hugger), article.get_absolute_url())

    other = _page(_reader(), article.get_absolute_url())
    hers = _page(_reader(hugger), article.get_absolute_url())

    assert 'aria-pressed="true"' not in other
    assert "Hugging Heron" not in other
    assert hers.count(">Hugged<") == 1


def test_article_page_hidden_comment_disappears_for_members_at_once(article, thread, moderator):
    reader = _reader()
    assert "Comment number 3." in _page(reader, article.get_absolute_url())

    content_hide(item=thread[3], moderator=moderator, reason="Medical misinformation")

    assert "Comment number 3." not in _page(_reader(), article.get_absolute_url())


def test_article_page_held_comment_shows_only_to_its_author(article, thread):
    author = UserFactory.create()
    CommentFactory.create(
        article=article,
        author=author,
        body="Held for review.",
        moderation_state=ModerationState.PENDING,
    )
    _page(_reader(), article.get_absolute_url())

    assert "Held for review." in _page(_reader(author), article.get_absolute_url())
    assert "Held for review." not in _page(_reader(), article.get_absolute_url())


def test_article_page_unpublished_article_is_404_for_members_at_once(article, thread):
    _page(_reader(), article.get_absolute_url())

    article.status = ArticleStatus.DRAFT
    article.save()

    assert _reader().get(article.get_absolute_url()).status_code == 404


def _rendered(client: Client, url: str) -> bool:
    response = client.get(url)
    return "articles/article_detail.html" in [t.name for t in response.templates]


def test_article_page_past_the_last_page_is_never_stored(article, thread):
    url = article.get_absolute_url()
    assert _rendered(_reader(), url) is True
    assert _rendered(_reader(), url) is False  # the first page: stored and shared

    assert _rendered(_reader(), f"{url}?page=7") is True
    assert _rendered(_reader(), f"{url}?page=7") is True  # shows page 1: not stored as page 7


def test_article_page_facts_read_the_database_the_page_is_rendered_from(monkeypatch, article):
    """The comments' aggregate keys a copy rendered from the request's reads: read from the
    primary while the page came from a lagging replica, it would store the replica's older hug
    counts under the newer aggregate, served until the next change."""
    cursors = replica_cursors_record(monkeypatch, member_pages)

    with reads_from(REPLICA):
        member_pages.article_page_facts(slug=article.slug, viewer=UserFactory.create())

    assert cursors == [REPLICA]
