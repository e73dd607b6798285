"""Moderation works on comments through the registry: recounts, approval emails, admin."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.services import comment_create, comment_update
from moderation.models import ModerationCase, ModerationState
from moderation.services import content_approve, content_hide, content_restore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_hiding_and_restoring_a_comment_recounts_and_refreshes_the_public_page(
    client, article, member, moderator
):
    comment = comment_create(article=article, author=member, body="Under review soon")
    assert "Comments (1)" in client.get(article.get_absolute_url()).content.decode()

    content_hide(item=comment, moderator=moderator, reason="Medical misinformation")
    article.refresh_from_db()
    hidden_page = client.get(article.get_absolute_url()).content.decode()
    content_restore(item=comment, moderator=moderator)
    article.refresh_from_db()

    assert "Comments (0)" in hidden_page
    assert article.comment_count == 1


def test_held_comment_joins_the_queue_and_approval_makes_it_visible(
    article, moderator, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())
    comment = comment_create(article=article, author=newcomer, body="My first words here")
    case = ModerationCase.objects.get(object_id=comment.pk, kind="comment")
    assert case.held_reason.startswith("New member")

    with django_capture_on_commit_callbacks(execute=True):
        content_approve(item=comment, moderator=moderator)

    comment.refresh_from_db()
    article.refresh_from_db()
    assert comment.moderation_state == ModerationState.VISIBLE
    assert article.comment_count == 1


def test_comment_create_self_harm_opens_an_urgent_case_and_stays_visible(article, member):
    comment = comment_create(article=article, author=member, body="Some nights I want to die")

    case = ModerationCase.objects.get(object_id=comment.pk, kind="comment")
    assert case.urgent is True
    assert comment.moderation_state == ModerationState.VISIBLE


def test_comment_create_visible_comment_opens_no_case(article, member):
    comment_create(article=article, author=member, body="Thinking of you all today")

    assert not ModerationCase.objects.exists()


def test_comment_update_adding_a_link_opens_a_case_saying_it_was_edited(article, member):
    comment = comment_create(article=article, author=member, body="Hello all")

    comment_update(comment=comment, editor=member, body="Read https://example.org/cure")

    case = ModerationCase.objects.get(object_id=comment.pk, kind="comment")
    assert case.held_reason == "Edited: Contains a link from a member with few posts yet."


def test_moderators_comment_admin_lists_comments(client, article, member, moderator, settings):
    settings.STAFF_REQUIRE_2FA = False
    comment_create(article=article, author=member, body="Listed for moderators")
    client.force_login(moderator)

    response = client.get(reverse("admin:articles_comment_changelist"))

    assert response.status_code == HTTPStatus.OK


def test_members_can_report_others_comments_but_not_their_own(
    client, article, member, other_member
):
    comment = comment_create(article=article, author=member, body="Reported later")
    report_url = reverse("moderation:report", kwargs={"kind": "comment", "pk": comment.pk})

    client.force_login(other_member)
    as_other = client.get(article.get_absolute_url()).content.decode()
    client.force_login(member)
    as_author = client.get(article.get_absolute_url()).content.decode()

    assert report_url in as_other
    assert report_url not in as_author
