"""Ordinary members share one rendering of a comment page; nobody ever sees a stale or
someone else's version of it."""

import re

import pytest
from django.test import Client

from accounts.services import member_erase
from articles import services
from articles import views as article_views
from articles.thread_cache import THREAD_TEMPLATE
from moderation.services import content_hide
from tests.factories import UserFactory

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(article):
    """Two comments by other members, one with a reply."""
    first = CommentFactory.create(
        article=article, body="First: the infusion was easier than I feared."
    )
    second = CommentFactory.create(article=article, body="Second: bring warm socks.")
    CommentFactory.create(article=article, parent=first, body="Reply: same for me.")
    return first, second


def _reader() -> Client:
    client = Client()
    client.force_login(UserFactory.create())
    return client


def _page(client: Client, article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _rendered_thread(client: Client, article) -> bool:
    response = client.get(article.get_absolute_url())
    return THREAD_TEMPLATE in [t.name for t in response.templates]


def test_a_second_member_gets_the_first_members_rendering_of_the_thread(article, thread):
    assert _rendered_thread(_reader(), article) is True

    assert _rendered_thread(_reader(), article) is False


def test_each_member_sees_their_own_hugs_on_the_shared_thread(article, thread):
    _first, second = thread
    hugger = UserFactory.create()
    services.comment_hug_set(member=hugger, target=second, hugged=True)
    _page(_reader(), article)  # fills the shared copy
    client = Client()
    client.force_login(hugger)

    page = _page(client, article)

    assert page.count('aria-pressed="true"') == 1
    hugged_form = page[page.index(f"/comments/{second.pk}/hug/") :][:600]
    assert 'aria-pressed="true"' in hugged_form
    assert "Hugged" in hugged_form
    assert 'aria-pressed="true"' not in _page(_reader(), article)


def test_a_member_can_hug_from_the_shared_thread_with_their_own_csrf_token(article, thread):
    first, _ = thread
    _page(_reader(), article)
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create())
    page = _page(client, article)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    assert "placeholder" not in page

    response = client.post(
        f"{article.get_absolute_url()}comments/{first.pk}/hug/",
        {"hug": "on", "csrfmiddlewaretoken": token.group(1)},
    )

    assert response.status_code == 302
    first.refresh_from_db()
    assert first.hug_count == 1


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("reply", "A new reply from today."),
        ("edit", "Edited: it was fine in the end."),
        ("hug", '<span class="meta hug-count">1 hug</span>'),
    ],
)
def test_the_shared_thread_follows_every_change(article, thread, change, expected):
    first, _ = thread
    reader = _reader()
    assert expected not in _page(reader, article)

    if change == "reply":
        services.comment_create(
            article=article, author=UserFactory.create(), body=expected, parent=first
        )
    elif change == "edit":
        services.comment_update(comment=first, editor=first.author, body=expected)
    else:
        services.comment_hug_set(member=UserFactory.create(), target=first, hugged=True)

    assert expected in _page(reader, article)


def test_a_comment_hidden_by_a_moderator_leaves_the_shared_thread_at_once(
    article, thread, moderator
):
    _, second = thread
    reader = _reader()
    assert "bring warm socks" in _page(reader, article)

    content_hide(item=second, moderator=moderator, reason="Medical misinformation")

    assert "bring warm socks" not in _page(reader, article)


def test_a_renamed_or_erased_author_is_never_shown_under_the_old_name(article, thread):
    first, second = thread
    reader = _reader()
    old_name = first.author.display_name
    assert old_name in _page(reader, article)

    first.author.display_name = "Brave Lark"
    first.author.save()
    page = _page(reader, article)
    assert "Brave Lark" in page
    assert old_name not in page

    member_erase(user=second.author)
    assert "Former member" in _page(reader, article)


def test_authors_and_moderators_get_their_own_view_not_the_shared_one(article, thread, moderator):
    first, second = thread
    _page(_reader(), article)
    content_hide(item=second, moderator=moderator, reason="Spam")
    _page(_reader(), article)  # the shared copy without the hidden comment
    author = Client()
    author.force_login(first.author)
    mod = Client()
    mod.force_login(moderator)

    author_page = _page(author, article)
    moderator_page = _page(mod, article)

    assert f"/comments/{first.pk}/delete/" in author_page
    assert "bring warm socks" in moderator_page
    assert "Hidden by a moderator" in moderator_page


def test_a_member_who_may_not_post_gets_no_reply_boxes_from_the_shared_thread(article, thread):
    _page(_reader(), article)
    client = Client()
    client.force_login(UserFactory.create(verified=False))

    page = _page(client, article)

    assert 'name="parent"' not in page


def test_a_comment_hidden_while_a_page_renders_is_gone_for_the_next_reader(
    article, thread, moderator, monkeypatch
):
    """The shared thread's key is read before the comments it describes, so a copy built
    before a hide is never stored under the key that already counts the hide."""
    _, second = thread
    real_list = article_views.selectors.comment_list_for_article

    def comments_then_a_hide(**kwargs):
        comments = real_list(**kwargs)
        monkeypatch.setattr(article_views.selectors, "comment_list_for_article", real_list)
        content_hide(item=second, moderator=moderator, reason="Medical misinformation")
        return comments

    monkeypatch.setattr(article_views.selectors, "comment_list_for_article", comments_then_a_hide)
    # An unknown parameter: her own page around the shared thread.
    url = article.get_absolute_url() + "?ref=digest"
    first = _reader().get(url).content.decode()

    second_reader = _reader().get(url).content.decode()

    assert "bring warm socks" in first
    assert "bring warm socks" not in second_reader
