"""The sending engine in-process: claims, retries, failures, pause, cancel, sweep, issues."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from core.mail.delivery import LEASE, RENEW_EVERY
from core.mail.models import OutboxMessage
from newsletter import services
from newsletter.models import Delivery, Send, Subscriber
from tests.factories import TopicFactory

from ..core.lease_clock import lease_clock_install
from .factories import ArticleFactory, IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class FlakyConnection:
    """Fails the n-th message with `exc`; records what it sent."""

    def __init__(self, exc: Exception | None = None, fail_on: set[int] | None = None) -> None:
        self.exc = exc
        self.fail_on = fail_on or set()
        self.sent: list[str] = []
        self.calls = 0

    def send_messages(self, messages: list[mail.EmailMessage]) -> int:
        self.calls += 1
        if self.exc is not None and self.calls in self.fail_on:
            raise self.exc
        self.sent.extend(m.to[0] for m in messages)
        return len(messages)


def _queued_send(count: int = 3) -> Send:
    """An issue send whose deliveries exist but were never dispatched (a broker outage)."""
    for _ in range(count):
        SubscriberFactory.create()
    send = services.send_create_issue(issue=IssueFactory.create())
    Delivery.objects.bulk_create(
        Delivery(send=send, subscriber=s, chunk=0) for s in Subscriber.objects.all()
    )
    Send.objects.filter(id=send.id).update(state=Send.State.SENDING)
    return send


def test_chunk_send_twice_sends_each_email_once():
    send = _queued_send()
    connection = FlakyConnection()

    first = services.chunk_send(send_id=send.id, chunk=0, connection=connection)
    second = services.chunk_send(send_id=send.id, chunk=0, connection=connection)

    assert (first.sent, second.sent) == (3, 0)
    assert len(connection.sent) == len(set(connection.sent)) == 3
    send.refresh_from_db()
    assert send.state == Send.State.DONE


def test_delivery_unique_per_send_and_subscriber():
    send = _queued_send(1)

    with pytest.raises(IntegrityError):
        Delivery.objects.create(send=send, subscriber=Subscriber.objects.get(), chunk=1)


def test_chunk_send_transient_error_puts_unsent_rows_back_and_asks_for_retry():
    send = _queued_send()
    connection = FlakyConnection(smtplib.SMTPServerDisconnected("gone"), fail_on={2})

    with pytest.raises(services.TransientSendError):
        services.chunk_send(send_id=send.id, chunk=0, connection=connection)

    progress = services.send_progress(send_id=send.id)
    assert (progress["sent"], progress["queued"], progress["sending"]) == (1, 2, 0)
    retry = services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection())
    assert retry.sent == 2


def test_chunk_send_4xx_recipient_is_transient():
    send = _queued_send(1)
    refused = smtplib.SMTPRecipientsRefused({"a@example.org": (451, b"later")})

    with pytest.raises(services.TransientSendError):
        services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection(refused, {1}))

    assert Delivery.objects.get().state == Delivery.State.QUEUED


def test_chunk_send_5xx_recipient_fails_delivery_and_bounces_subscriber():
    send = _queued_send(2)
    refused = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")})

    result = services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection(refused, {1}))

    assert (result.sent, result.failed) == (1, 1)
    failed = Delivery.objects.get(state=Delivery.State.FAILED)
    assert failed.subscriber.state == Subscriber.State.BOUNCED


def test_chunk_send_5xx_data_fails_without_bouncing():
    send = _queued_send(1)
    rejected = smtplib.SMTPDataError(554, b"content rejected")

    services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection(rejected, {1}))

    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.FAILED
    assert delivery.subscriber.state == Subscriber.State.CONFIRMED


def test_retry_countdown_grows_and_stays_below_the_broker_limit():
    from core.mail.tasks import MAX_COUNTDOWN_SECONDS

    countdowns = [services.retry_countdown(retries=n) for n in range(12)]

    assert countdowns == sorted(countdowns)
    assert countdowns[1] == 2 * countdowns[0]
    assert max(countdowns) < MAX_COUNTDOWN_SECONDS


def test_paused_send_sends_nothing_until_resumed():
    send = _queued_send()
    services.send_pause(send_id=send.id)

    paused = services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection())

    assert paused.sent == 0
    services.send_resume(send_id=send.id)  # eager Celery: re-dispatched chunks run now
    assert services.send_progress(send_id=send.id)["sent"] == 3


def test_cancelled_send_cancels_queued_deliveries():
    send = _queued_send()

    services.send_cancel(send_id=send.id)

    assert services.send_progress(send_id=send.id)["cancelled"] == 3
    assert services.chunk_send(send_id=send.id, chunk=0, connection=FlakyConnection()).sent == 0


def test_deliveries_sweep_requeues_dead_claims_and_redispatches():
    send = _queued_send()
    Delivery.objects.update(
        state=Delivery.State.SENDING,
        claimed_at=timezone.now() - timedelta(minutes=1),
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )

    result = services.deliveries_sweep()

    assert result["reclaimed"] == 3
    assert services.send_progress(send_id=send.id)["sent"] == 3  # eager Celery re-dispatch


def test_deliveries_sweep_leaves_fresh_claims_alone():
    send = _queued_send()
    Delivery.objects.update(
        state=Delivery.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),  # claimed long ago, lease renewed
        lease_expires_at=timezone.now() + timedelta(seconds=30),
    )

    result = services.deliveries_sweep()

    assert result["reclaimed"] == 0
    assert services.send_progress(send_id=send.id)["sending"] == 3


def test_issue_send_reaches_only_its_topic_segment():
    topic = TopicFactory.create()
    inside = SubscriberFactory.create(email="inside@example.org")
    inside.topics.set([topic])
    SubscriberFactory.create(email="outside@example.org")
    SubscriberFactory.create(email="no-issues@example.org", newsletter_enabled=False)
    issue = IssueFactory.create(segment_topic=topic)
    issue.articles.set([ArticleFactory.create(title="Chosen article")])

    services.send_fan_out(send_id=services.send_create_issue(issue=issue).id)

    assert [m.to for m in mail.outbox] == [["inside@example.org"]]
    assert "Chosen article" in mail.outbox[0].body
    assert "<strong>what is new</strong>" in str(mail.outbox[0].alternatives[0][0])  # type: ignore[attr-defined]


def test_issue_cannot_be_sent_twice():
    issue = IssueFactory.create()
    services.send_create_issue(issue=issue)

    with pytest.raises(ValueError, match="already"):
        services.send_create_issue(issue=issue)


def test_issue_send_test_goes_to_the_editor_only_through_the_outbox(
    django_capture_on_commit_callbacks,
):
    SubscriberFactory.create()
    issue = IssueFactory.create()

    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send_test(issue=issue, to="editor@example.org")

    assert [m.to for m in mail.outbox] == [["editor@example.org"]]
    assert mail.outbox[0].subject.startswith("[Test] ")
    assert OutboxMessage.objects.get().state == OutboxMessage.State.SENT


def test_chunk_send_smtp_server_down_releases_the_claim_and_asks_for_retry(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard port: nothing listens
    settings.EMAIL_TIMEOUT = 2
    send = _queued_send(2)

    with pytest.raises(services.TransientSendError):
        services.chunk_send(send_id=send.id, chunk=0)

    assert services.send_progress(send_id=send.id)["queued"] == 2


def test_deliveries_sweep_redispatches_queued_chunks_only_when_untouched_for_a_while():
    send = _queued_send()
    Send.objects.filter(id=send.id).update(created_at=timezone.now() - timedelta(hours=2))
    Delivery.objects.update(claimed_at=timezone.now())  # just dispatched

    fresh = services.deliveries_sweep()
    Delivery.objects.update(claimed_at=timezone.now() - timedelta(hours=1))
    stale = services.deliveries_sweep()

    assert (fresh["dispatched"], stale["dispatched"]) == (0, 1)
    assert services.send_progress(send_id=send.id)["sent"] == 3


class _Stalls:
    """A connection whose every email takes `seconds` on the lease clock; runs a hook first."""

    def __init__(self, clock, seconds: float, hook=None) -> None:
        self.clock = clock
        self.seconds = seconds
        self.hook = hook
        self.sent: list[str] = []

    def send_messages(self, messages: list[mail.EmailMessage]) -> int:
        self.clock.advance(self.seconds)
        if self.hook is not None:
            self.hook(len(self.sent))
        self.sent.extend(m.to[0] for m in messages)
        return len(messages)


def test_chunk_send_slow_but_alive_keeps_its_chunk_while_the_sweeper_runs(monkeypatch):
    clock = lease_clock_install(monkeypatch)
    send = _queued_send(10)
    reclaimed: list[int] = []

    def beat_sweeps(_: int) -> None:
        reclaimed.append(services.deliveries_sweep(now=clock.now())["reclaimed"])

    # each email a little slower than RENEW_EVERY: the chunk outlives its first lease twice
    slow = _Stalls(clock, RENEW_EVERY.total_seconds() + 1, hook=beat_sweeps)
    result = services.chunk_send(send_id=send.id, chunk=0, connection=slow)

    assert result.sent == 10
    assert set(reclaimed) == {0}
    assert len(slow.sent) == len(set(slow.sent)) == 10
    assert mail.outbox == []  # nobody else sent any of them


def test_chunk_send_that_lost_its_lease_stops_and_the_next_worker_sends_the_rest(monkeypatch):
    clock = lease_clock_install(monkeypatch)
    send = _queued_send(4)

    def stalls_past_the_lease_on_the_second_email(sent_so_far: int) -> None:
        if sent_so_far == 1:
            clock.advance(LEASE.total_seconds())
            # beat's sweep: the chunk's lease lapsed; in-process Celery sends it again now.
            # The first email's `sent` mark was waiting for its batch: it is reclaimed too.
            assert services.deliveries_sweep(now=clock.now())["reclaimed"] == 4

    stalled = _Stalls(clock, 1, hook=stalls_past_the_lease_on_the_second_email)
    result = services.chunk_send(send_id=send.id, chunk=0, connection=stalled)

    everyone = sorted(Subscriber.objects.values_list("email", flat=True))
    taken_over = [m.to[0] for m in mail.outbox]  # the next worker: the default backend
    assert result.sent == 2  # the stalled one, then it saw the lost lease and stopped
    assert sorted(set(stalled.sent + taken_over)) == everyone
    # only the email in flight during the stall and the one whose mark was not yet written
    # (the documented window: at most MARK_BATCH) went twice, with the same Message-ID
    assert [e for e in stalled.sent if e in taken_over] == stalled.sent[:2]
    assert services.send_progress(send_id=send.id)["sent"] == 4
