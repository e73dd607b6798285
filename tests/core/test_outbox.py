"""The email outbox: written with the change, sent after commit, at most once."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from core.mail import services
from core.mail.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _enqueue(to: str = "reader@example.com") -> OutboxMessage:
    return services.email_enqueue_rendered(
        kind="test/hello", to=to, subject="Hello", body_text="Plain", body_html="<p>Rich</p>"
    )


def test_email_enqueue_sends_once_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _enqueue()
        assert mail.outbox == []

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENT
    assert [m.to for m in mail.outbox] == [["reader@example.com"]]
    sent = mail.outbox[0]
    assert isinstance(sent, EmailMultiAlternatives)
    assert sent.alternatives[0][1] == "text/html"


def test_email_enqueue_sends_nothing_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
):
    def change_that_fails() -> None:
        with transaction.atomic():
            _enqueue()
            raise RuntimeError("the change that caused the email failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        change_that_fails()

    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []


def test_email_send_claimed_twice_sends_once():
    message = _enqueue()

    first = services.email_send_claimed(message_id=message.id)
    second = services.email_send_claimed(message_id=message.id)

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1


class _FailingConnection:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def send_messages(self, messages: list) -> int:
        raise self.exc


def test_transient_smtp_error_requeues_with_backoff():
    message = _enqueue()

    sent = services.email_send_claimed(
        message_id=message.id, connection=_FailingConnection(smtplib.SMTPServerDisconnected("gone"))
    )

    message.refresh_from_db()
    assert sent is False
    assert message.state == OutboxMessage.State.QUEUED
    assert message.attempts == 1
    assert message.next_attempt_at > timezone.now()


def test_permanent_smtp_error_marks_the_message_failed():
    message = _enqueue()
    refused = smtplib.SMTPRecipientsRefused({"reader@example.com": (550, b"no such user")})

    services.email_send_claimed(message_id=message.id, connection=_FailingConnection(refused))

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.FAILED
    assert "550" in message.last_error


def test_outbox_sweep_sends_rows_left_queued_and_marks_abandoned_claims_unknown():
    # given one row whose dispatch never happened (broker down) and one a dead worker claimed
    left = _enqueue("left@example.com")
    abandoned = _enqueue("abandoned@example.com")
    OutboxMessage.objects.filter(id=abandoned.id).update(
        state=OutboxMessage.State.SENDING, claimed_at=timezone.now() - timedelta(hours=1)
    )

    result = services.outbox_sweep()

    assert result == {"dispatched": 1, "abandoned": 1}
    left.refresh_from_db()
    abandoned.refresh_from_db()
    assert left.state == OutboxMessage.State.SENT
    assert abandoned.state == OutboxMessage.State.UNKNOWN
    assert [m.to for m in mail.outbox] == [["left@example.com"]]


def test_outbox_dispatch_survives_an_unreachable_broker(monkeypatch):
    message = _enqueue()

    def broker_down(*args: object, **kwargs: object) -> None:
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr("core.mail.tasks.outbox_send.delay", broker_down)

    services.outbox_dispatch(message_ids=[message.id])

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.QUEUED
