"""The one way to send email: write an outbox row now, send it after commit, at least once.

Each row is claimed under a lease and sent with the Message-ID chosen when it was written
(core.mail.delivery). A worker that dies mid-send leaves the row `sending`; once its lease
lapses the sweeper queues it again, so the email goes late rather than never. The one copy
that can arrive twice is a message the server accepted in the instant before the kill,
and it carries the same Message-ID both times.
"""

import logging
import smtplib
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils import timezone

from ..queue import task_enqueue
from .delivery import Lease, lease_claim, leases_expired, leases_reclaim, message_id_make
from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def email_render(*, template: str, context: Mapping[str, Any]) -> tuple[str, str, str]:
    """Render `emails/<template>.subject.txt`, `.txt` and `.html` into (subject, text, html)."""
    full_context = {"SITE_URL": settings.SITE_URL, "SITE_NAME": settings.SITE_NAME, **context}
    subject = _render_plain_text(f"emails/{template}.subject.txt", full_context)
    text = _render_plain_text(f"emails/{template}.txt", full_context)
    html = render_to_string(f"emails/{template}.html", full_context)
    return " ".join(subject.split()), text, html


def _render_plain_text(name: str, context: Mapping[str, Any]) -> str:
    """A subject or text part: HTML escaping would show a title's `'` as `&#x27;`.

    Nothing here is ever read as HTML (the HTML part is rendered escaped, separately).
    """
    engine = Engine.get_default()
    return engine.get_template(name).render(Context(dict(context), autoescape=False))


def email_enqueue(
    *,
    template: str,
    to: str,
    context: Mapping[str, Any],
    headers: Mapping[str, str] | None = None,
    from_email: str | None = None,
) -> OutboxMessage:
    """Write a queued outbox row in the caller's transaction; dispatch it after commit."""
    subject, text, html = email_render(template=template, context=context)
    return email_enqueue_rendered(
        kind=template,
        to=to,
        subject=subject,
        body_text=text,
        body_html=html,
        headers=headers,
        from_email=from_email,
    )


def email_enqueue_rendered(
    *,
    kind: str,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    headers: Mapping[str, str] | None = None,
    from_email: str | None = None,
) -> OutboxMessage:
    """Like email_enqueue, for a message already rendered (allauth's own emails)."""
    sender = from_email or settings.DEFAULT_FROM_EMAIL
    extra = dict(headers or {})
    # A caller's own Message-ID wins; either way it is stored, and every attempt sends it.
    given = next((extra.pop(k) for k in list(extra) if k.lower() == "message-id"), "")
    message = OutboxMessage.objects.create(
        kind=kind,
        to_email=to,
        from_email=sender,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        headers=extra,
        message_id=given or message_id_make(kind="mail", key=uuid.uuid4().hex, from_email=sender),
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: outbox_dispatch(message_ids=[message.id]))
    return message


def email_enqueue_many(
    *, template: str, messages: Sequence[tuple[str, Mapping[str, Any], str | None]]
) -> int:
    """Queue one rendered email per (to, context, from_email) in a single insert (a daily
    digest's batch); dispatched after commit like email_enqueue. Returns how many."""
    now = timezone.now()
    rows = []
    for to, context, from_email in messages:
        subject, text, html = email_render(template=template, context=context)
        sender = from_email or settings.DEFAULT_FROM_EMAIL
        rows.append(
            OutboxMessage(
                kind=template,
                to_email=to,
                from_email=sender,
                subject=subject[:255],
                body_text=text,
                body_html=html,
                headers={},
                message_id=message_id_make(kind="mail", key=uuid.uuid4().hex, from_email=sender),
                next_attempt_at=now,
            )
        )
    if not rows:
        return 0
    created = OutboxMessage.objects.bulk_create(rows)
    ids = [m.id for m in created if m.id is not None]
    if ids:
        transaction.on_commit(lambda: outbox_dispatch(message_ids=ids))
    return len(rows)


def outbox_dispatch(*, message_ids: list[int]) -> None:
    """Hand messages to Celery; a broker outage only delays them until the next sweep."""
    from .tasks import outbox_send

    for message_id in message_ids:
        if not task_enqueue(outbox_send, message_id):
            return  # broker down: the rows stay queued and the sweeper sends them


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2**attempts, 3600))


def _is_permanent(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPResponseException):
        return 500 <= exc.smtp_code < 600
    return False


def email_send_claimed(*, message_id: int, connection: Any = None) -> bool:
    """Claim a queued row and send it; returns True when this call sent it. Safe to repeat."""
    lease = lease_claim(
        rows=OutboxMessage.objects.filter(id=message_id, next_attempt_at__lte=timezone.now())
    )
    if lease is None:
        return False
    message = OutboxMessage.objects.get(id=message_id)
    conn = connection or get_connection()
    opened = False
    try:
        opened = bool(conn.open()) if hasattr(conn, "open") else False
        # A connect slower than RENEW_EVERY renews the lease here, and a worker whose
        # row was taken over meanwhile sends nothing.
        if not lease.held():
            logger.warning("outbox: lost the lease on message %s; not sending it", message.id)
            return False
        _email_for(message, conn).send()
    except Exception as exc:
        _record_failure(lease, message, exc)
        return False
    finally:
        if opened:
            conn.close()
    lease.mark_sent(message.id)
    return True


def _email_for(message: OutboxMessage, connection: Any) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=message.from_email,
        to=[message.to_email],
        headers={**message.headers, "Message-ID": message.message_id},
        connection=connection,
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    return email


def _record_failure(lease: Lease, message: OutboxMessage, exc: Exception) -> None:
    error = f"{type(exc).__name__}: {exc}"[:500]
    attempts = message.attempts
    if _is_permanent(exc) or attempts >= MAX_ATTEMPTS:
        state = OutboxMessage.State.FAILED
    else:
        state = OutboxMessage.State.QUEUED
    logger.warning("outbox: message %s %s after attempt %s", message.id, state, attempts)
    lease.mark(
        message.id,
        state=state,
        last_error=error,
        next_attempt_at=timezone.now() + _backoff(attempts),
    )


def outbox_sweep(*, batch_size: int = 500, now: datetime | None = None) -> dict[str, int]:
    """Re-queue rows of dead workers (lease lapsed), dispatch every due row. Idempotent.

    A row whose worker died MAX_ATTEMPTS times fails instead: it may be what kills them.
    """
    now = now or timezone.now()
    rows = OutboxMessage.objects.all()
    failed = (
        leases_expired(rows=rows, now=now)
        .filter(attempts__gte=MAX_ATTEMPTS)
        .update(state=OutboxMessage.State.FAILED, last_error="Worker stopped while sending.")
    )
    reclaimed = leases_reclaim(
        rows=rows,
        now=now,
        next_attempt_at=now,
        last_error="Worker stopped while sending; sent again with the same Message-ID.",
    )
    due = list(
        OutboxMessage.objects.filter(state=OutboxMessage.State.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:batch_size]
    )
    outbox_dispatch(message_ids=due)
    return {"dispatched": len(due), "reclaimed": reclaimed, "failed": failed}


def outbox_prune_sent(
    *, now: datetime | None = None, batch_size: int = 5_000, max_batches: int = 40
) -> int:
    """Delete emails sent more than OUTBOX_KEEP_SENT_DAYS ago, oldest first; how many went.

    A sent email's only use is answering "did it go?" for a while; kept for ever it was half
    of the database's growth (docs/scaling.md) and a copy of every member's notifications.
    Queued, sending and failed rows stay whatever their age. Walking the primary key from the
    oldest row needs no index of its own, and each batch is one short DELETE; a backlog
    larger than one run's bound goes on the next run.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    old = OutboxMessage.objects.filter(state=OutboxMessage.State.SENT, created_at__lt=cutoff)
    deleted = 0
    for _ in range(max_batches):
        ids = list(old.order_by("id").values_list("id", flat=True)[:batch_size])
        if not ids:
            break
        deleted += OutboxMessage.objects.filter(id__in=ids).delete()[0]
        if len(ids) < batch_size:
            break
    return deleted
