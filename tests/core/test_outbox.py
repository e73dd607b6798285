"""The email outbox: written with the change, sent after commit, at least once, one Message-ID."""

import re
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from core.mail import services
from core.mail.delivery import LEASE, RENEW_EVERY, lease_claim, leases_reclaim
from core.mail.models import OutboxMessage

from .lease_clock import lease_clock_install

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


def test_outbox_sweep_sends_rows_left_queued_and_resends_lapsed_claims():
    # given one row whose dispatch never happened (broker down) and one a dead worker claimed
    left = _enqueue("left@example.com")
    abandoned = _enqueue("abandoned@example.com")
    OutboxMessage.objects.filter(id=abandoned.id).update(
        state=OutboxMessage.State.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=1),
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )

    result = services.outbox_sweep()

    assert result == {"dispatched": 2, "reclaimed": 1, "failed": 0}
    left.refresh_from_db()
    abandoned.refresh_from_db()
    assert (left.state, abandoned.state) == (OutboxMessage.State.SENT, OutboxMessage.State.SENT)
    assert sorted(m.to[0] for m in mail.outbox) == ["abandoned@example.com", "left@example.com"]
    resent = next(m for m in mail.outbox if m.to == ["abandoned@example.com"])
    assert resent.extra_headers["Message-ID"] == abandoned.message_id


def test_outbox_sweep_leaves_a_live_claim_alone():
    claimed = _enqueue()
    OutboxMessage.objects.filter(id=claimed.id).update(
        state=OutboxMessage.State.SENDING,
        claimed_at=timezone.now(),
        lease_expires_at=timezone.now() + LEASE,
    )

    result = services.outbox_sweep()

    assert result == {"dispatched": 0, "reclaimed": 0, "failed": 0}
    assert mail.outbox == []


def test_outbox_sweep_fails_a_message_whose_worker_died_max_attempts_times():
    poison = _enqueue()
    OutboxMessage.objects.filter(id=poison.id).update(
        state=OutboxMessage.State.SENDING,
        attempts=services.MAX_ATTEMPTS,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )

    result = services.outbox_sweep()

    assert result == {"dispatched": 0, "reclaimed": 0, "failed": 1}
    poison.refresh_from_db()
    assert poison.state == OutboxMessage.State.FAILED
    assert mail.outbox == []


def test_email_enqueue_stores_a_message_id_that_every_attempt_sends():
    message = _enqueue()
    assert re.fullmatch(r"<mail\.[0-9a-f]{32}@mybcteam\.example>", message.message_id)

    services.email_send_claimed(
        message_id=message.id, connection=_FailingConnection(smtplib.SMTPServerDisconnected("x"))
    )
    OutboxMessage.objects.filter(id=message.id).update(next_attempt_at=timezone.now())
    sent = services.email_send_claimed(message_id=message.id)

    message.refresh_from_db()
    assert sent is True
    assert message.attempts == 2
    assert mail.outbox[0].extra_headers["Message-ID"] == message.message_id
    assert mail.outbox[0].message()["Message-ID"] == message.message_id


def test_email_enqueue_keeps_a_message_id_the_caller_chose():
    message = services.email_enqueue_rendered(
        kind="test/hello",
        to="reader@example.com",
        subject="Hello",
        body_text="Plain",
        headers={"Message-ID": "<chosen@example.com>", "X-Kind": "hello"},
    )

    assert message.message_id == "<chosen@example.com>"
    assert message.headers == {"X-Kind": "hello"}


class _SlowToConnect:
    """Opens so slowly that the lease lapses and another worker takes the message over."""

    def __init__(self, clock, message_id: int) -> None:
        self.clock = clock
        self.message_id = message_id
        self.sent: list[object] = []

    def open(self) -> bool:
        self.clock.advance(LEASE.total_seconds() + RENEW_EVERY.total_seconds())
        rows = OutboxMessage.objects.filter(id=self.message_id)
        assert leases_reclaim(rows=rows, now=self.clock.now()) == 1  # the sweeper
        assert lease_claim(rows=rows) is not None  # the other worker
        return True

    def close(self) -> None:
        pass

    def send_messages(self, messages: list) -> int:
        self.sent.extend(messages)
        return len(messages)


def test_email_send_claimed_that_lost_its_lease_sends_nothing(monkeypatch):
    clock = lease_clock_install(monkeypatch)
    message = _enqueue()
    slow = _SlowToConnect(clock, message.id)

    sent = services.email_send_claimed(message_id=message.id, connection=slow)

    assert sent is False
    assert slow.sent == []
    message.refresh_from_db()
    assert message.state == OutboxMessage.State.SENDING  # the other worker's now


def test_outbox_dispatch_survives_an_unreachable_broker(monkeypatch):
    message = _enqueue()

    def broker_down(*args: object, **kwargs: object) -> None:
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr("core.mail.tasks.outbox_send.delay", broker_down)

    services.outbox_dispatch(message_ids=[message.id])

    message.refresh_from_db()
    assert message.state == OutboxMessage.State.QUEUED


def _aged(message: OutboxMessage, *, days: int, state: str) -> OutboxMessage:
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=state, created_at=timezone.now() - timedelta(days=days)
    )
    return message


def test_outbox_prune_sent_deletes_only_sent_emails_past_the_retention(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    old_sent = _aged(_enqueue(), days=31, state=OutboxMessage.State.SENT)
    recent_sent = _aged(_enqueue(), days=29, state=OutboxMessage.State.SENT)
    old_failed = _aged(_enqueue(), days=90, state=OutboxMessage.State.FAILED)
    old_queued = _aged(_enqueue(), days=90, state=OutboxMessage.State.QUEUED)
    old_sending = _aged(_enqueue(), days=90, state=OutboxMessage.State.SENDING)

    assert services.outbox_prune_sent() == 1

    left = set(OutboxMessage.objects.values_list("pk", flat=True))
    assert old_sent.pk not in left
    assert {recent_sent.pk, old_failed.pk, old_queued.pk, old_sending.pk} <= left


def test_outbox_prune_sent_works_through_a_backlog_in_batches(settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 30
    for _ in range(5):
        _aged(_enqueue(), days=40, state=OutboxMessage.State.SENT)

    assert services.outbox_prune_sent(batch_size=2, max_batches=2) == 4
    assert services.outbox_prune_sent(batch_size=2) == 1
    assert services.outbox_prune_sent(batch_size=2) == 0
