"""The outbox's Celery tasks: thin messengers that pass their ids to the outbox services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.mail import services, tasks
from core.mail.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _queued(to: str) -> OutboxMessage:
    # Written outside a captured commit, so nothing dispatches it: only the task under test sends.
    return services.email_enqueue_rendered(
        kind="test/hello", to=to, subject="Hello", body_text="Plain", body_html="<p>Rich</p>"
    )


def test_outbox_send_sends_exactly_the_message_it_is_given():
    wanted = _queued("wanted@example.org")
    other = _queued("other@example.org")

    sent = tasks.outbox_send(wanted.id)

    assert sent is True
    assert [m.to for m in mail.outbox] == [["wanted@example.org"]]
    wanted.refresh_from_db()
    other.refresh_from_db()
    assert (wanted.state, other.state) == (OutboxMessage.State.SENT, OutboxMessage.State.QUEUED)


def test_outbox_send_run_twice_sends_once():
    message = _queued("reader@example.org")

    first = tasks.outbox_send(message.id)
    second = tasks.outbox_send(message.id)

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1


def test_outbox_send_for_a_missing_row_sends_nothing():
    assert tasks.outbox_send(987654) is False
    assert mail.outbox == []


def test_outbox_sweep_dispatches_due_rows_and_resends_lapsed_claims_once():
    due = _queued("due@example.org")
    abandoned = _queued("abandoned@example.org")
    OutboxMessage.objects.filter(id=abandoned.id).update(
        state=OutboxMessage.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
        lease_expires_at=timezone.now() - timedelta(minutes=59),
    )

    first = tasks.outbox_sweep()
    second = tasks.outbox_sweep()

    assert first == {"dispatched": 2, "reclaimed": 1, "failed": 0}
    assert second == {"dispatched": 0, "reclaimed": 0, "failed": 0}
    # in-process Celery: both sent now, the abandoned one with the Message-ID it always had
    assert sorted(m.to[0] for m in mail.outbox) == ["abandoned@example.org", "due@example.org"]
    abandoned.refresh_from_db()
    assert abandoned.state == OutboxMessage.State.SENT
    due.refresh_from_db()
    assert due.state == OutboxMessage.State.SENT
