"""The forum's Celery tasks: each passes its ids to a notification service and is safe to repeat."""

from datetime import timedelta

from django.utils import timezone

from core.mail.models import OutboxMessage
from forum import tasks
from forum.models import Answer, AnswerNotification

from .factories import AnswerFactory


def test_answer_notify_followers_emails_the_followers_of_the_answer_it_is_given(question):
    answer = AnswerFactory.create(question=question)
    AnswerFactory.create()  # an answer under another question, never announced here

    sent = tasks.answer_notify_followers(answer.pk)

    assert sent == 1
    emails = OutboxMessage.objects.filter(kind="forum/new_answer")
    assert list(emails.values_list("to_email", flat=True)) == [question.author.email]
    assert AnswerNotification.objects.get().answer_id == answer.pk


def test_answer_notify_followers_run_twice_emails_once(question):
    answer = AnswerFactory.create(question=question)

    first = tasks.answer_notify_followers(answer.pk)
    second = tasks.answer_notify_followers(answer.pk)

    assert (first, second) == (1, 0)
    assert OutboxMessage.objects.filter(kind="forum/new_answer").count() == 1


def test_answer_notify_sweep_announces_a_forgotten_answer_once(question):
    answer = AnswerFactory.create(question=question)
    Answer.objects.filter(pk=answer.pk).update(created_at=timezone.now() - timedelta(minutes=10))

    first = tasks.answer_notify_sweep()
    second = tasks.answer_notify_sweep()

    assert (first, second) == (1, 0)
    assert OutboxMessage.objects.filter(to_email=question.author.email).count() == 1
