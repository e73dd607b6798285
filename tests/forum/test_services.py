from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.mail.models import OutboxMessage
from forum import services
from forum.models import (
    Answer,
    FollowFrequency,
    Question,
    QuestionFollow,
    QuestionHug,
)
from forum.urgent import urgent_symptoms_found
from moderation import services as moderation_services
from moderation.models import ModerationCase, ModerationState
from notifications.delivery import digest_batch_send
from notifications.models import Notification
from tests.factories import TopicFactory, UserFactory

from .factories import AnswerFactory, QuestionFactory, answers_fill_first_page


def _ask(author, topic, **extra: Any) -> Question:
    fields: dict[str, Any] = {
        "title": "How long did your chemo last?",
        "body": "Starting soon.",
        "topics": [topic],
    }
    fields.update(extra)
    return services.question_create(author=author, **fields)


def test_question_create_author_follows_and_html_is_sanitised(member, topic):
    question = _ask(member, topic, body="<script>alert(1)</script> **bold**")

    assert question.moderation_state == ModerationState.VISIBLE
    assert "<script>" not in question.body_html
    assert "<strong>bold</strong>" in question.body_html
    assert QuestionFollow.objects.filter(member=member, question=question).exists()


def test_question_create_refuses_unverified_member(unverified_member, topic):
    with pytest.raises(PermissionDenied):
        _ask(unverified_member, topic)

    assert not Question.objects.exists()


@pytest.mark.parametrize("count", [0, 4])
def test_question_create_needs_one_to_three_topics(member, count):
    topics = [TopicFactory.create() for _ in range(count)]

    with pytest.raises(ValidationError):
        services.question_create(author=member, title="What now then?", body="", topics=topics)


def test_question_create_rejects_nul_bytes(member, topic):
    with pytest.raises(ValidationError):
        _ask(member, topic, body="bad\x00byte")


def test_answer_create_counts_and_activity(question, member):
    before = question.last_activity_at

    answer = services.answer_create(question=question, author=member, body="Hang in there.")

    question.refresh_from_db()
    assert question.answer_count == 1
    assert question.last_activity_at >= before
    assert question.last_activity_at == answer.created_at
    assert QuestionFollow.objects.filter(member=member, question=question).exists()


def test_answer_create_reply_to_reply_stays_one_level(question, member, other_member):
    root = services.answer_create(question=question, author=member, body="Root")
    reply = services.answer_create(question=question, author=other_member, body="R1", parent=root)

    deeper = services.answer_create(question=question, author=member, body="R2", parent=reply)

    assert deeper.parent_id == root.pk


def test_answer_create_refuses_parent_of_other_question(question, member):
    foreign = AnswerFactory.create()

    with pytest.raises(ValidationError):
        services.answer_create(question=question, author=member, body="x", parent=foreign)


def test_question_hug_set_double_submit_counts_once(question, member):
    services.question_hug_set(member=member, target=question, hugged=True)
    services.question_hug_set(member=member, target=question, hugged=True)

    question.refresh_from_db()
    assert question.hug_count == 1
    assert QuestionHug.objects.count() == 1


def test_question_hug_set_unhug_twice_never_goes_negative(question, member):
    services.question_hug_set(member=member, target=question, hugged=True)

    services.question_hug_set(member=member, target=question, hugged=False)
    services.question_hug_set(member=member, target=question, hugged=False)

    question.refresh_from_db()
    assert question.hug_count == 0


def test_answer_hug_set_double_submit_counts_once(answer, member):
    services.answer_hug_set(member=member, target=answer, hugged=True)
    services.answer_hug_set(member=member, target=answer, hugged=True)

    answer.refresh_from_db()
    assert answer.hug_count == 1


def test_hugs_need_a_confirmed_email_as_on_article_comments(question, answer, unverified_member):
    with pytest.raises(PermissionDenied, match="confirm"):
        services.question_hug_set(member=unverified_member, target=question, hugged=True)
    with pytest.raises(PermissionDenied, match="confirm"):
        services.answer_hug_set(member=unverified_member, target=answer, hugged=True)

    question.refresh_from_db()
    assert question.hug_count == 0
    assert not QuestionHug.objects.exists()


def test_answer_mark_helpful_only_by_asker(answer, member):
    with pytest.raises(PermissionDenied):
        services.answer_mark_helpful(answer=answer, member=member, helpful=True)

    services.answer_mark_helpful(answer=answer, member=answer.question.author, helpful=True)

    answer.refresh_from_db()
    assert answer.is_helpful


def test_answer_edit_refused_after_window(answer, settings):
    answer.created_at = timezone.now() - timedelta(minutes=settings.EDIT_WINDOW_MINUTES + 1)
    answer.save()

    with pytest.raises(PermissionDenied):
        services.answer_edit(answer=answer, editor=answer.author, body="Changed")


def test_answer_edit_by_other_member_refused(answer, member):
    with pytest.raises(PermissionDenied):
        services.answer_edit(answer=answer, editor=member, body="Changed")


def test_answer_delete_recounts_and_keeps_replies(question, member, other_member):
    root = services.answer_create(question=question, author=member, body="Root")
    services.answer_create(question=question, author=other_member, body="Reply", parent=root)

    services.answer_delete(answer=root, member=member)

    root.refresh_from_db()
    question.refresh_from_db()
    assert root.moderation_state == ModerationState.REMOVED
    assert root.body == ""
    assert question.answer_count == 0  # the reply stays, under a placeholder: not an answer
    assert root.replies.count() == 1


def test_question_recount_after_moderation_hide(question, answer):
    answer.moderation_state = ModerationState.HIDDEN
    answer.save()

    services.question_recount(question_id=question.pk)

    question.refresh_from_db()
    assert question.answer_count == 0


def test_answer_notify_followers_once_after_commit_never_self(
    question, member, other_member, django_capture_on_commit_callbacks
):
    services.question_follow_set(question=question, member=other_member, follow=True)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        answer = services.answer_create(question=question, author=member, body="Answer")
        assert OutboxMessage.objects.filter(kind="forum/new_answer").count() == 0

    recipients = sorted(
        OutboxMessage.objects.filter(kind="forum/new_answer").values_list("to_email", flat=True)
    )
    assert len(callbacks) >= 1
    assert recipients == sorted([question.author.email, other_member.email])
    assert member.email not in recipients
    # a second delivery of the same task sends nothing new
    services.answer_notify_followers(answer_id=answer.pk)
    assert OutboxMessage.objects.filter(kind="forum/new_answer").count() == 2


def test_answer_notify_followers_email_has_no_answer_text_and_an_unfollow_link(
    question, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=question, author=member, body="Secret words here")

    message = OutboxMessage.objects.get(kind="forum/new_answer")
    assert "Secret words" not in message.body_text + message.body_html
    assert "/questions/unfollow/" in message.body_text
    assert message.headers["List-Unsubscribe"].startswith("<")


def test_answer_notify_followers_daily_preference_waits_for_the_notifications_digest(
    question, member, other_member, django_capture_on_commit_callbacks
):
    services.question_follow_set(question=question, member=other_member, follow=True)
    services.follow_preference_set(member=other_member, frequency="daily")

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=question, author=member, body="One")
        services.answer_create(question=question, author=member, body="Two")

    assert not OutboxMessage.objects.filter(to_email=other_member.email).exists()
    later = timezone.now() + timedelta(days=1)
    assert digest_batch_send(cutoff=later) == (1, False)
    digest = OutboxMessage.objects.get(to_email=other_member.email)
    assert digest.kind == "notifications/digest"
    assert "New answers on questions you follow: 2" in digest.body_text
    assert digest_batch_send(cutoff=later) == (0, False)


def test_answer_notify_followers_never_preference_sends_no_email_but_rings_the_bell(
    question, member, other_member, django_capture_on_commit_callbacks
):
    services.question_follow_set(question=question, member=other_member, follow=True)
    services.follow_preference_set(member=other_member, frequency=FollowFrequency.NEVER)

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=question, author=member, body="One")

    assert not OutboxMessage.objects.filter(to_email=other_member.email).exists()
    assert Notification.objects.filter(recipient=other_member, kind="followed_answer").exists()
    other_member.refresh_from_db()
    assert other_member.notifications_unread == 1


def test_answer_notify_followers_tells_the_question_author_as_hers(
    question, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_create(question=question, author=member, body="One")

    kinds = list(Notification.objects.values_list("recipient_id", "kind"))
    assert kinds == [(question.author_id, "question_answer")]


def test_unfollow_by_token_removes_follow_and_rejects_forgery(question):
    follow = QuestionFollow.objects.get(member=question.author, question=question)
    token = services.unfollow_token(follow=follow)

    assert services.unfollow_by_token(token=token + "x") is None
    assert services.unfollow_by_token(token=token) == question

    assert not QuestionFollow.objects.filter(pk=follow.pk).exists()


def test_anonymous_reveal_requires_moderator_and_logs(question, member, moderator):
    question.is_anonymous = True
    question.save()

    with pytest.raises(PermissionDenied):
        services.anonymous_reveal(moderator=member, item=question, reason="Report")
    author = services.anonymous_reveal(moderator=moderator, item=question, reason="Report 12")

    assert author == question.author
    try:
        from moderation.models import ModerationLogEntry
    except ImportError:
        from forum.models import AnonymousReveal

        assert AnonymousReveal.objects.filter(moderator=moderator, object_id=question.pk).exists()
    else:
        assert ModerationLogEntry.objects.filter(action="reveal", reason="Report 12").exists()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I have a fever of 38.5 after TCHP", ["fever"]),
        ("Shortness   of breath on Herceptin", ["shortness of breath"]),
        ("feverfew tea and a push-up bra", []),
        ("Is this bleeding normal? Also chest pain.", ["bleeding", "chest pain"]),
    ],
)
def test_urgent_symptoms_found_matches_whole_words(text, found):
    assert urgent_symptoms_found(text) == found


def test_question_delete_by_author_hides_it(question):
    services.question_delete(question=question, member=question.author)

    question.refresh_from_db()
    assert question.moderation_state == ModerationState.REMOVED


def test_question_edit_changes_slug_within_window(question, topic):
    services.question_edit(
        question=question,
        editor=question.author,
        title="What helped your nausea after TCHP?",
        body="",
        topics=[topic],
    )

    question.refresh_from_db()
    assert question.slug == "what-helped-your-nausea-after-tchp"


def test_answer_create_reply_is_activity_but_not_an_answer(question, member, other_member):
    root = services.answer_create(question=question, author=member, body="What helped me.")

    reply = services.answer_create(
        question=question, author=other_member, body="Thank you!", parent=root
    )

    question.refresh_from_db()
    assert question.answer_count == 1
    assert question.last_activity_at == reply.created_at


def test_question_recount_counts_answers_without_their_replies(question, member, other_member):
    root = services.answer_create(question=question, author=member, body="What helped me.")
    services.answer_create(question=question, author=other_member, body="Same!", parent=root)
    services.answer_create(question=question, author=other_member, body="Mine too.")
    Question.objects.filter(pk=question.pk).update(answer_count=99)

    services.question_recount(question_id=question.pk)

    question.refresh_from_db()
    assert question.answer_count == 2


def test_question_factory_smoke(db):
    """Factories build consistent counts (guards the other tests)."""
    question = QuestionFactory.create()
    AnswerFactory.create(question=question)
    question.refresh_from_db()
    assert question.answer_count == 1


@pytest.fixture
def _db(db):
    return db


def test_member_forum_counts(question):
    user = UserFactory.create()
    AnswerFactory.create(question=question, author=user)

    assert services.member_forum_counts(member=user) == {"questions": 0, "answers": 1}


def test_member_export_includes_forum_parts_and_erasure_stops_follows(question, member):
    from accounts.export import member_export
    from forum.privacy import erase_member

    AnswerFactory.create(question=question, author=member, body="My own words")
    services.question_follow_set(question=question, member=member, follow=True)

    data = member_export(user=member)
    erase_member(member)

    assert data["forum_answers"][0]["answer"] == "My own words"
    assert data["forum_activity"]["following"] == [question.title]
    assert not QuestionFollow.objects.filter(member=member).exists()


def test_answer_state_changed_approval_notifies_followers_once(
    question, member, django_capture_on_commit_callbacks
):
    answer = AnswerFactory.create(
        question=question, author=member, moderation_state=ModerationState.PENDING
    )
    answer.moderation_state = ModerationState.VISIBLE
    answer.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_state_changed(answer)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_state_changed(answer)

    question.refresh_from_db()
    assert question.answer_count == 1
    sent = OutboxMessage.objects.filter(kind="forum/new_answer")
    assert list(sent.values_list("to_email", flat=True)) == [question.author.email]


# --- question_edit, answer_edit, answer_create, answer_notify_*: rules, replies, emails ---


LINK = "See https://example.org/cure for more."


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


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.REMOVED, "pending"])
def test_answer_create_refuses_reply_to_an_answer_closed_for_replies(question, state):
    parent = AnswerFactory.create(question=question, moderation_state=state)
    member = UserFactory.create()

    with pytest.raises(ValidationError, match="no longer open for replies"):
        services.answer_create(question=question, author=member, body="Me too.", parent=parent)


def test_answer_create_lets_a_member_reply_under_her_own_pending_answer(question):
    member = UserFactory.create()
    parent = AnswerFactory.create(
        question=question, author=member, moderation_state=ModerationState.PENDING
    )

    reply = services.answer_create(question=question, author=member, body="Also...", parent=parent)

    assert reply.parent_id == parent.pk


def test_answer_notify_followers_email_links_the_page_that_shows_the_answer(question):
    answers_fill_first_page(question)
    answer = AnswerFactory.create(question=question)

    services.answer_notify_followers(answer_id=answer.pk)

    email = OutboxMessage.objects.get(kind="forum/new_answer")
    assert f"{question.get_absolute_url()}?page=2#answer-{answer.pk}" in email.body_text
