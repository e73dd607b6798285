"""Review fixes: edits meet the trust rules, hidden answers, durable follower emails, activity."""

from datetime import timedelta
from http import HTTPStatus
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.mail.models import OutboxMessage
from forum import services
from forum.models import Answer, Question
from moderation import services as moderation_services
from moderation.models import ModerationCase, ModerationState
from moderation.roles import moderators_group_sync
from tests.factories import UserFactory

from .factories import AnswerFactory

LINK = "See https://example.org/cure for more."


@pytest.fixture
def forum_moderator(db: None) -> Any:
    user = UserFactory.create(is_staff=True)
    user.groups.add(moderators_group_sync())
    return user


# --- 1. Edits -------------------------------------------------------------------------------


def test_question_edit_refuses_suspended_member(question, forum_moderator, topic):
    moderation_services.member_suspend(
        member=question.author, moderator=forum_moderator, days=3, reason="Cool off"
    )

    with pytest.raises(PermissionDenied):
        services.question_edit(
            question=question, editor=question.author, title="Changed", body="x", topics=[topic]
        )

    question.refresh_from_db()
    assert question.title != "Changed"


def test_answer_edit_refuses_suspended_member(answer, forum_moderator):
    moderation_services.member_suspend(
        member=answer.author, moderator=forum_moderator, days=3, reason="Cool off"
    )

    with pytest.raises(PermissionDenied):
        services.answer_edit(answer=answer, editor=answer.author, body="Changed")

    answer.refresh_from_db()
    assert answer.body != "Changed"


def test_answer_edit_adding_link_by_low_trust_member_goes_back_to_review(question):
    answer = AnswerFactory.create(question=question)
    services.question_recount(question_id=question.pk)

    edited = services.answer_edit(answer=answer, editor=answer.author, body=LINK)

    assert edited.moderation_state == ModerationState.PENDING
    answer.refresh_from_db()
    assert answer.moderation_state == ModerationState.PENDING
    assert ModerationCase.objects.filter(object_id=answer.pk, urgent=False).exists()
    question.refresh_from_db()
    assert question.answer_count == 0


def test_question_edit_adding_link_goes_back_to_review(question, topic):
    services.question_edit(
        question=question, editor=question.author, title="Same", body=LINK, topics=[topic]
    )

    question.refresh_from_db()
    assert question.moderation_state == ModerationState.PENDING


def test_answer_edit_mentioning_self_harm_opens_urgent_case(answer):
    services.answer_edit(answer=answer, editor=answer.author, body="I want to end my life.")

    answer.refresh_from_db()
    assert answer.moderation_state == ModerationState.VISIBLE
    assert ModerationCase.objects.filter(object_id=answer.pk, urgent=True).exists()


# --- 3. Hidden answers ----------------------------------------------------------------------


def _hide(item: Any, moderator: Any) -> None:
    moderation_services.content_hide(item=item, moderator=moderator, reason="Harmful advice")


def test_question_page_hidden_answer_with_reply_shows_placeholder_to_members(
    client, question, member, forum_moderator
):
    root = AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    AnswerFactory.create(
        question=question, parent=root, body="Please do not", body_html="<p>Please do not</p>"
    )
    lone = AnswerFactory.create(
        question=question, body="Lonely hidden words", body_html="<p>Lonely hidden words</p>"
    )
    _hide(root, forum_moderator)
    _hide(lone, forum_moderator)
    client.force_login(member)

    body = client.get(question.get_absolute_url()).content.decode()

    assert "removed by a moderator" in body
    assert "Wombat smoothie" not in body
    assert "Lonely hidden words" not in body
    assert "Please do not" in body
    assert "1 answer" in body  # the visible reply only


def test_question_page_moderator_sees_hidden_answers_marked(
    client, question, forum_moderator, django_assert_max_num_queries
):
    AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    for answer in Answer.objects.filter(question=question):
        _hide(answer, forum_moderator)
    client.force_login(forum_moderator)

    with django_assert_max_num_queries(40):
        body = client.get(question.get_absolute_url()).content.decode()

    assert "Wombat smoothie" in body
    assert "Hidden by a moderator" in body


def test_question_page_anonymous_sees_no_hidden_answer_or_placeholder(
    client, question, forum_moderator
):
    root = AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    AnswerFactory.create(
        question=question, parent=root, body="Please do not", body_html="<p>Please do not</p>"
    )
    _hide(root, forum_moderator)

    response = client.get(question.get_absolute_url())

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Wombat smoothie" not in body
    assert "removed by a moderator" not in body
    assert "Please do not" not in body


# --- 4. Follower emails survive a broker outage ---------------------------------------------


def test_answer_notify_sweep_sends_once_after_enqueue_failure(
    question, member, django_capture_on_commit_callbacks
):
    with (
        mock.patch("forum.tasks.answer_notify_followers.delay", side_effect=OSError("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        answer = services.answer_create(question=question, author=member, body="It helped me.")
    assert not OutboxMessage.objects.filter(kind="forum/new_answer").exists()
    assert services.answer_notify_sweep() == 0  # too fresh: its own task may still come
    Answer.objects.filter(pk=answer.pk).update(created_at=timezone.now() - timedelta(minutes=5))

    first = services.answer_notify_sweep()
    second = services.answer_notify_sweep()

    assert (first, second) == (1, 0)
    sent = OutboxMessage.objects.filter(kind="forum/new_answer")
    assert list(sent.values_list("to_email", flat=True)) == [question.author.email]
    answer.refresh_from_db()
    assert answer.followers_notified_at is not None


def test_answer_notify_sweep_sends_approved_answer_after_enqueue_failure(
    question, member, forum_moderator, django_capture_on_commit_callbacks
):
    answer = AnswerFactory.create(
        question=question,
        author=member,
        moderation_state=ModerationState.PENDING,
        created_at=timezone.now() - timedelta(days=5),
    )
    with (
        mock.patch("forum.tasks.answer_notify_followers.delay", side_effect=OSError("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        moderation_services.content_approve(item=answer, moderator=forum_moderator)
    assert not OutboxMessage.objects.filter(kind="forum/new_answer").exists()

    assert services.answer_notify_sweep() == 1

    assert OutboxMessage.objects.filter(kind="forum/new_answer").count() == 1


def test_answer_notify_sweep_ignores_old_and_hidden_answers(question):
    AnswerFactory.create(question=question, created_at=timezone.now() - timedelta(days=3))
    AnswerFactory.create(
        question=question,
        moderation_state=ModerationState.HIDDEN,
        created_at=timezone.now() - timedelta(hours=1),
    )

    assert services.answer_notify_sweep() == 0


# --- 5. Approval moves the question's activity ----------------------------------------------


def test_answer_approval_moves_question_last_activity(question, member, forum_moderator):
    old = timezone.now() - timedelta(days=3)
    Question.objects.filter(pk=question.pk).update(last_activity_at=old)
    answer = AnswerFactory.create(
        question=question, author=member, moderation_state=ModerationState.PENDING
    )

    moderation_services.content_approve(item=answer, moderator=forum_moderator)

    question.refresh_from_db()
    assert question.last_activity_at > old + timedelta(days=2)
    assert question.answer_count == 1


# --- 2. Admins ------------------------------------------------------------------------------


@pytest.mark.parametrize("model_name", ["question", "answer"])
def test_forum_admin_changelist_has_moderation_filters_and_bounded_queries(
    client, question, forum_moderator, model_name, django_assert_max_num_queries
):
    from django.urls import reverse

    for _ in range(30):
        AnswerFactory.create(question=question)
    admin_user = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    url = reverse(f"admin:forum_{model_name}_changelist")

    with django_assert_max_num_queries(15):
        response = client.get(url)
    filtered = client.get(url, {"moderation_state__exact": "visible", "reported": "open"})

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["cl"].result_list) >= 1
    assert filtered.status_code == HTTPStatus.OK
    actions = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert {"hide", "approve", "warn_author"} <= actions
    assert "delete_selected" not in actions
