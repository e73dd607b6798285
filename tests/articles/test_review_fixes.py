"""Behaviour a reviewer found missing: held comments stay private, erased authors are not
linked, members who may not post see counts instead of buttons, links reach the right page."""

from http import HTTPStatus

import pytest
from django.test import Client

from accounts.services import member_erase
from articles import services
from articles.selectors import COMMENTS_PER_PAGE
from moderation.models import ModerationState
from tests.factories import UserFactory

from .factories import CommentFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_comment_held_for_review_shows_other_members_only_a_placeholder(article):
    held = CommentFactory.create(
        article=article, body="Buy cheap pills here", moderation_state=ModerationState.PENDING
    )
    CommentFactory.create(article=article, parent=held, body="A visible reply.")

    page = _client(UserFactory.create()).get(article.get_absolute_url()).content.decode()
    own = _client(held.author).get(article.get_absolute_url()).content.decode()

    assert "Buy cheap pills here" not in page
    assert "waiting for a moderator" in page
    assert "A visible reply." in page
    assert "Buy cheap pills here" in own


def test_an_erased_members_comment_is_credited_without_a_link(article):
    comment = CommentFactory.create(article=article)
    profile_url = comment.author.get_absolute_url()
    member_erase(user=comment.author)

    page = _client(UserFactory.create()).get(article.get_absolute_url()).content.decode()

    assert "Former member" in page
    assert f'href="{profile_url}"' not in page
    comment.author.refresh_from_db()
    assert f'href="{comment.author.get_absolute_url()}"' not in page


def test_a_member_who_may_not_post_sees_hug_counts_not_hug_buttons(article):
    comment = CommentFactory.create(article=article)

    page = (
        _client(UserFactory.create(verified=False)).get(article.get_absolute_url()).content.decode()
    )

    assert f"/comments/{comment.pk}/hug/" not in page
    assert "0 hugs" in page


def test_a_comments_address_leads_to_the_thread_page_that_shows_it(article):
    CommentFactory.create_batch(COMMENTS_PER_PAGE, article=article)
    late = CommentFactory.create(article=article)

    response = _client(UserFactory.create()).get(late.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(f"?page=2#comment-{late.pk}")


def test_a_failed_reply_on_page_two_comes_back_on_page_two_with_the_text_kept(article):
    CommentFactory.create_batch(COMMENTS_PER_PAGE, article=article)
    late = CommentFactory.create(article=article)
    client = _client(UserFactory.create())

    response = client.post(
        f"{article.get_absolute_url()}comments/new/",
        {"parent": late.pk, "body": "x" * 6000},
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f'id="comment-{late.pk}"' in page
    assert "x" * 100 in page


def test_a_reply_to_an_absurd_parent_id_is_refused_without_a_crash(article):
    response = _client(UserFactory.create()).post(
        f"{article.get_absolute_url()}comments/new/", {"parent": "9" * 30, "body": "Hello"}
    )

    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND)


def test_reply_emails_link_to_the_replys_own_address(
    article, mailoutbox, django_capture_on_commit_callbacks
):
    commenter = UserFactory.create()
    comment = services.comment_create(article=article, author=commenter, body="Any tips?")

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_create(
            article=article, author=UserFactory.create(), body="Bring socks.", parent=comment
        )

    assert len(mailoutbox) == 1
    assert f"{article.get_absolute_url()}comments/" in mailoutbox[0].body
