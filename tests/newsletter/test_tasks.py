"""The newsletter's Celery tasks: ids in, counts out, each safe to run again."""

from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.utils import timezone

from newsletter import services, tasks
from newsletter.models import Delivery, Send, Subscriber

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def _fanned_out_issue(count: int) -> Send:
    """An issue send whose deliveries exist in chunk 0 and were never dispatched."""
    SubscriberFactory.create_batch(count)
    send = services.send_create_issue(issue=IssueFactory.create())
    Delivery.objects.bulk_create(
        Delivery(send=send, subscriber=s, chunk=0) for s in Subscriber.objects.all()
    )
    Send.objects.filter(id=send.id).update(state=Send.State.SENDING)
    return send


def test_newsletter_fan_out_creates_the_deliveries_of_the_send_it_is_given_once():
    SubscriberFactory.create_batch(3)
    send = services.send_create_issue(issue=IssueFactory.create())
    untouched = services.send_create_issue(issue=IssueFactory.create())

    first = tasks.newsletter_fan_out(send.id)
    second = tasks.newsletter_fan_out(send.id)

    assert (first, second) == (3, 0)
    assert Delivery.objects.filter(send=send).count() == 3
    assert not Delivery.objects.filter(send=untouched).exists()
    assert len(mail.outbox) == 3  # in-process Celery sent the chunk it dispatched


def test_newsletter_chunk_send_sends_its_chunk_once_and_counts():
    send = _fanned_out_issue(2)

    first = tasks.newsletter_chunk_send(send.id, 0)
    second = tasks.newsletter_chunk_send(send.id, 0)

    assert first == {"sent": 2, "failed": 0, "skipped": 0}
    assert second == {"sent": 0, "failed": 0, "skipped": 0}
    assert len(mail.outbox) == 2


def test_newsletter_chunk_send_transient_failure_asks_celery_to_retry_with_backoff(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard port: nothing listens
    settings.EMAIL_TIMEOUT = 2
    send = _fanned_out_issue(1)

    with (
        mock.patch.object(tasks.newsletter_chunk_send, "retry", side_effect=Retry()) as retry,
        pytest.raises(Retry),
    ):
        tasks.newsletter_chunk_send(send.id, 0)

    assert retry.call_args.kwargs["countdown"] == services.retry_countdown(retries=0)
    assert isinstance(retry.call_args.kwargs["exc"], services.TransientSendError)
    assert Delivery.objects.get().state == Delivery.State.QUEUED


def test_newsletter_sweep_requeues_a_dead_workers_claim_once():
    send = _fanned_out_issue(1)
    Delivery.objects.update(
        state=Delivery.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )

    first = tasks.newsletter_sweep()
    second = tasks.newsletter_sweep()

    assert first["reclaimed"] == 1
    assert second["reclaimed"] == 0
    assert services.send_progress(send_id=send.id)["sent"] == 1  # re-dispatched in-process


def test_newsletter_digest_start_creates_a_digest_send_and_fans_it_out():
    SubscriberFactory.create()

    send_id = tasks.newsletter_digest_start()

    assert send_id is not None
    send = Send.objects.get(id=send_id)
    assert send.kind == Send.Kind.DIGEST
    assert send.state != Send.State.FANNING_OUT  # the fan-out task ran (in-process Celery)
