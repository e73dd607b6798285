"""The sending engine: a Send, one Delivery per subscriber, chunks sent at least once.

Life of a send:
1. `send_create_*` writes the Send row; `send_fan_out` creates Delivery rows in batches of
   FANOUT_BATCH (one INSERT each, ~2 000 rows: a few milliseconds on PostgreSQL, so 100 000
   subscribers cost 50 round trips) and, after each batch commits, enqueues one task per
   chunk of CHUNK_SIZE deliveries.
2. `chunk_send` claims the chunk's queued rows under a lease (core.mail.delivery: only rows
   still `queued`, so a duplicate task or a re-run finds nothing to do), renders them and
   sends through ONE transport (one reused SMTP connection, SMTP commands pipelined when the
   server allows it; see transport.py), marking rows `sent` in batches after the server's
   250 (every MARK_BATCH emails or MARK_WITHIN, and at the end of the chunk) and renewing
   the lease as it goes.
3. A transient failure (4xx, lost connection) puts the unsent rows of the chunk back to
   `queued` and the task retries with exponential backoff. A 5xx fails that one delivery;
   a 5xx on RCPT is a hard bounce and marks the subscriber bounced.
4. `deliveries_sweep` (every 10 s from beat) puts rows whose lease lapsed (a dead worker's)
   back to `queued` and dispatches their chunks at once, and re-dispatches chunks whose
   queued rows nobody has touched for a while.

The guarantee is the project's one (core.mail.delivery): at least once, same Message-ID.
A worker killed after the server said 250 and before the batch holding that `sent` mark
committed leaves those rows `sending`; they are sent again once the lease lapses, so at
most MARK_BATCH subscribers (20: the last ~0.25 s of that worker's sending) may get the
email twice, with the same Message-ID.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from core.mail.delivery import Lease, lease_claim, leases_expired, leases_reclaim
from core.queue import task_enqueue

from ..models import Delivery, Issue, Send, Subscriber
from ..selectors import Recipient, chunk_recipients, subscriber_list_eligible
from .rendering import ChunkRenderer
from .transport import (
    DeliveryTransport,
    SendOutcome,
    SendResult,
    TransportUnavailable,
    transport_open,
)

logger = logging.getLogger(__name__)

# 200 emails are ~0.2 s of work at full speed: small enough that a killed worker redoes
# little and a pause takes effect quickly, large enough that one SMTP connection and one
# claim UPDATE are shared by many emails.
CHUNK_SIZE = 200
FANOUT_BATCH = 2000
# Queued rows no task touched for this long lost their task (with the broker): dispatch again.
# Dead workers' claims are not waited for this long: their lease lapses within a minute.
REDISPATCH_AFTER = timedelta(
    seconds=getattr(settings, "NEWSLETTER_REDISPATCH_SECONDS", settings.CELERY_TASK_TIME_LIMIT + 60)
)
RETRY_BASE_SECONDS = getattr(settings, "NEWSLETTER_RETRY_BASE_SECONDS", 30)


class TransientSendError(Exception):
    """The SMTP server or the network said "try later"; the chunk task retries."""


def retry_countdown(*, retries: int) -> int:
    """Exponential backoff, capped below the broker's visibility timeout."""
    from core.mail.tasks import MAX_COUNTDOWN_SECONDS

    return int(min(RETRY_BASE_SECONDS * 2**retries, MAX_COUNTDOWN_SECONDS - 60))


# --- creating sends -----------------------------------------------------------------------


def send_create_digest(*, now: datetime | None = None) -> Send:
    """A digest send covering the last week (each subscriber's own window is narrower)."""
    now = now or timezone.now()
    return Send.objects.create(kind=Send.Kind.DIGEST, since=now - timedelta(days=7))


def send_create_issue(*, issue: Issue) -> Send:
    """A send of a newsletter issue to its segment; refuses a second live send of it."""
    live = Send.objects.filter(issue=issue).exclude(state=Send.State.CANCELLED)
    if live.exists():
        raise ValueError("This issue has already been sent (or is sending).")
    return Send.objects.create(kind=Send.Kind.ISSUE, issue=issue)


def send_fan_out(*, send_id: int) -> int:
    """Create the deliveries of a send in batches and dispatch their chunks. Idempotent."""
    send = Send.objects.select_related("issue").get(id=send_id)
    if send.state != Send.State.FANNING_OUT:
        return 0
    chunks_per_batch = FANOUT_BATCH // CHUNK_SIZE
    eligible = subscriber_list_eligible(send=send).order_by("id")
    last_id = 0
    batch_no = 0
    created = 0
    while True:
        ids = list(eligible.filter(id__gt=last_id).values_list("id", flat=True)[:FANOUT_BATCH])
        if not ids:
            break
        rows = [
            Delivery(
                send_id=send.id,
                subscriber_id=sub_id,
                chunk=batch_no * chunks_per_batch + i // CHUNK_SIZE,
            )
            for i, sub_id in enumerate(ids)
        ]
        # ignore_conflicts: a re-run after a crash keeps the rows (and chunks) it had.
        Delivery.objects.bulk_create(rows, ignore_conflicts=True)
        created += len(rows)
        first = batch_no * chunks_per_batch
        _dispatch(send_id=send.id, chunks=range(first, first + (len(ids) - 1) // CHUNK_SIZE + 1))
        last_id = ids[-1]
        batch_no += 1
    Send.objects.filter(id=send.id, state=Send.State.FANNING_OUT).update(
        state=Send.State.SENDING, chunk_count=batch_no * chunks_per_batch
    )
    send_finish_if_done(send_id=send.id)
    return created


def _dispatch(*, send_id: int, chunks: range | list[int]) -> None:
    from ..tasks import newsletter_chunk_send

    for chunk in chunks:
        if not task_enqueue(newsletter_chunk_send, send_id, chunk):
            return  # broker down: the sweeper re-dispatches queued chunks later
        # Stamp the dispatch (one UPDATE per chunk of 200): the sweeper re-dispatches a chunk
        # only when nothing touched it for REDISPATCH_AFTER, not every sweep of a long backlog.
        Delivery.objects.filter(send_id=send_id, chunk=chunk, state=Delivery.State.QUEUED).update(
            claimed_at=timezone.now()
        )


# --- sending a chunk ----------------------------------------------------------------------


@dataclass
class ChunkResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    released: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _ChunkRun:
    """What one chunk_send has done so far: its lease (the rows not yet resolved), who got mail."""

    send: Send
    lease: Lease
    result: ChunkResult = field(default_factory=ChunkResult)
    sent_subscribers: list[int] = field(default_factory=list)

    def release(self, error: str) -> None:
        self.result.released += self.lease.release(
            claimed_at=timezone.now(), last_error=error[:300]
        )


def chunk_send(*, send_id: int, chunk: int, connection: object = None) -> ChunkResult:
    """Claim, render and send one chunk over one transport. Safe to run twice.

    `connection` (a Django email backend, already usable) replaces the EMAIL_BACKEND one.
    Raises TransientSendError (after putting unsent rows back) when the task should retry.
    """
    send = Send.objects.select_related("issue").get(id=send_id)
    if send.state not in (Send.State.SENDING, Send.State.FANNING_OUT):
        return ChunkResult()
    lease = lease_claim(rows=Delivery.objects.filter(send_id=send_id, chunk=chunk))
    if lease is None:
        return ChunkResult()
    deliveries = chunk_recipients(delivery_ids=lease.pending)
    renderer = ChunkRenderer(send=send, subscribers=[r for _, r in deliveries])
    run = _ChunkRun(send=send, lease=lease)
    _fast_commits(on=True)
    try:
        with transport_open(connection=connection) as transport:
            finished = _deliveries_send(run, deliveries, renderer, transport)
    except TransportUnavailable as exc:
        run.release(str(exc))
        raise TransientSendError(str(exc)) from exc
    finally:
        lease.flush_sent()  # the emails the server took in this chunk's last batch
        _fast_commits(on=False)
        if run.sent_subscribers and send.kind == Send.Kind.DIGEST:
            Subscriber.objects.filter(id__in=run.sent_subscribers).update(
                last_digest_at=send.created_at
            )
    if finished:
        send_finish_if_done(send_id=send_id)
    return run.result


def _deliveries_send(
    run: _ChunkRun,
    deliveries: list[tuple[int, Recipient]],
    renderer: ChunkRenderer,
    transport: DeliveryTransport,
) -> bool:
    """Send each claimed delivery in order; False when paused, cancelled or the lease was lost."""
    for index, (delivery_id, subscriber) in enumerate(deliveries):
        if not run.lease.held():
            # Our rows lapsed and went back to the queue (we were too slow): another worker
            # sends them now, and going on would send them twice.
            logger.warning("newsletter: send %s chunk lost its lease; stopping", run.send.id)
            return False
        if index and index % 50 == 0 and _stopped(run.send.id):
            run.release("send paused or cancelled")
            _cancel_if_cancelled(run.send.id)
            return False
        email = (
            renderer.email_for(subscriber=subscriber, delivery_id=delivery_id)
            if subscriber.state == Subscriber.State.CONFIRMED
            else None
        )
        if email is None:  # left, or a digest with nothing new for them
            run.lease.mark(delivery_id, state=Delivery.State.SKIPPED)
            run.result.skipped += 1
            continue
        _outcome_record(run, delivery_id, subscriber.id, transport.send(email))
    return True


def _outcome_record(
    run: _ChunkRun, delivery_id: int, subscriber_id: int, outcome: SendResult
) -> None:
    if outcome.outcome == SendOutcome.SENT:
        # Marked with the next batch: only a kill before that UPDATE repeats the batch.
        run.lease.mark_sent_soon(delivery_id)
        run.sent_subscribers.append(subscriber_id)
        run.result.sent += 1
        return
    if outcome.outcome == SendOutcome.TRANSIENT_FAILURE:
        run.release(outcome.detail)
        raise TransientSendError(outcome.detail)
    run.lease.mark(delivery_id, state=Delivery.State.FAILED, last_error=outcome.detail)
    run.result.failed += 1
    if outcome.hard_bounce:
        Subscriber.objects.filter(id=subscriber_id).update(
            state=Subscriber.State.BOUNCED, bounced_at=timezone.now()
        )


def _fast_commits(*, on: bool) -> None:
    """PostgreSQL: don't wait for the WAL flush on the per-email `sent` commits of a chunk.

    A killed *worker* loses nothing (the commit is in PostgreSQL's hands); only a crash of
    the *database server* itself could lose the last ~0.6 s of `sent` marks, and those rows
    would be re-sent by the sweeper. That trade buys several times the throughput on a slow
    disk (see docs/newsletter.md). No-op on SQLite.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO %s" % ("off" if on else "DEFAULT"))


def _stopped(send_id: int) -> bool:
    state = Send.objects.filter(id=send_id).values_list("state", flat=True).first()
    return state in (Send.State.PAUSED, Send.State.CANCELLED)


def _cancel_if_cancelled(send_id: int) -> None:
    if Send.objects.filter(id=send_id, state=Send.State.CANCELLED).exists():
        Delivery.objects.filter(send_id=send_id, state=Delivery.State.QUEUED).update(
            state=Delivery.State.CANCELLED
        )


# --- progress, pause, cancel, sweep -------------------------------------------------------


def send_progress(*, send_id: int) -> dict[str, int]:
    """Deliveries of a send counted by state (one grouped query)."""
    counts = dict.fromkeys(Delivery.State.values, 0)
    for row in Delivery.objects.filter(send_id=send_id).values("state").annotate(n=Count("id")):
        counts[row["state"]] = row["n"]
    return counts


def send_finish_if_done(*, send_id: int) -> bool:
    """Mark the send done once no delivery is queued or sending; digest windows move on."""
    unresolved = Delivery.objects.filter(
        send_id=send_id, state__in=[Delivery.State.QUEUED, Delivery.State.SENDING]
    ).exists()
    if unresolved:
        return False
    finished = Send.objects.filter(id=send_id, state=Send.State.SENDING).update(
        state=Send.State.DONE, finished_at=timezone.now()
    )
    if finished:
        send = Send.objects.get(id=send_id)
        if send.kind == Send.Kind.DIGEST:
            Subscriber.objects.filter(
                deliveries__send_id=send_id, deliveries__state=Delivery.State.SENT
            ).filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lt=send.created_at)).update(
                last_digest_at=send.created_at
            )
    return bool(finished)


def send_pause(*, send_id: int) -> bool:
    """Stop handing out chunks; running chunks stop within 50 emails. Resume re-dispatches."""
    return bool(
        Send.objects.filter(
            id=send_id, state__in=[Send.State.SENDING, Send.State.FANNING_OUT]
        ).update(state=Send.State.PAUSED)
    )


def send_resume(*, send_id: int) -> bool:
    """Continue a paused send: re-dispatch every chunk that still has queued rows."""
    resumed = Send.objects.filter(id=send_id, state=Send.State.PAUSED).update(
        state=Send.State.SENDING
    )
    if resumed:
        _dispatch(send_id=send_id, chunks=_queued_chunks(send_id=send_id))
    return bool(resumed)


def send_cancel(*, send_id: int) -> int:
    """Cancel a send: queued deliveries become cancelled; already-sent mail stays sent."""
    Send.objects.filter(id=send_id).exclude(state=Send.State.DONE).update(
        state=Send.State.CANCELLED, finished_at=timezone.now()
    )
    return Delivery.objects.filter(send_id=send_id, state=Delivery.State.QUEUED).update(
        state=Delivery.State.CANCELLED
    )


def _queued_chunks(*, send_id: int) -> list[int]:
    return list(
        Delivery.objects.filter(send_id=send_id, state=Delivery.State.QUEUED)
        .values_list("chunk", flat=True)
        .distinct()
        .order_by("chunk")
    )


def deliveries_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Re-queue and re-dispatch dead workers' claims; re-dispatch chunks left queued. Idempotent."""
    now = now or timezone.now()
    cutoff = now - REDISPATCH_AFTER
    live_sends = Send.objects.filter(state=Send.State.SENDING)
    rows = Delivery.objects.filter(send__in=live_sends)
    lapsed = list(
        leases_expired(rows=rows, now=now).values_list("send_id", "chunk").distinct()[:10000]
    )
    reclaimed = leases_reclaim(rows=rows, now=now, last_error="Worker stopped while sending.")
    stale_queued = (
        rows.filter(state=Delivery.State.QUEUED)
        .filter(Q(claimed_at__lt=cutoff) | Q(claimed_at__isnull=True, send__created_at__lt=cutoff))
        .values_list("send_id", "chunk")
        .distinct()
    )
    chunks = dict.fromkeys([*lapsed, *stale_queued[:10000]])
    for send_id, chunk in chunks:
        _dispatch(send_id=send_id, chunks=[chunk])
    for send_id in live_sends.values_list("id", flat=True):
        send_finish_if_done(send_id=send_id)
    # A fan-out interrupted by a dead worker is simply run again (it is idempotent).
    for send_id in Send.objects.filter(
        state=Send.State.FANNING_OUT, created_at__lt=cutoff
    ).values_list("id", flat=True):
        from ..tasks import newsletter_fan_out

        task_enqueue(newsletter_fan_out, send_id)  # broker down: the next sweep tries again
    return {"reclaimed": reclaimed, "dispatched": len(chunks)}


def issue_send_test(*, issue: Issue, to: str) -> None:
    """Email an editor exactly what subscribers would get (through the outbox)."""
    from core.mail.services import email_enqueue_rendered

    from .rendering import build_message, render_preview

    send = Send(kind=Send.Kind.ISSUE, issue=issue, created_at=timezone.now(), id=0)
    # An unsaved subscriber: its links lead to a polite "this link does not work" page.
    preview_subscriber = Subscriber(id=0, email=to, state=Subscriber.State.CONFIRMED)
    rendered = render_preview(send=send, subscriber=preview_subscriber)
    assert rendered is not None
    message = build_message(
        rendered=rendered, subscriber=preview_subscriber, message_id=f"<nl.test.{issue.id}@test>"
    )
    headers = {k: v for k, v in message.extra_headers.items() if k != "Message-ID"}
    html = next((body for body, mime in message.alternatives if mime == "text/html"), "")
    email_enqueue_rendered(
        kind="newsletter/issue-test",
        to=to,
        subject=f"[Test] {message.subject}",
        body_text=str(message.body),
        body_html=str(html),
        headers=headers,
    )
