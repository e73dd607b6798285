"""The one way to send email: write an outbox row now, send it after commit, at most once.

The remaining window: a worker that dies after the SMTP server accepted a message but before
the row is marked `sent` leaves it `sending`; the sweeper then marks it `unknown` rather than
sending it again. The window is one UPDATE long, because the row is claimed immediately before
the SMTP transaction and marked immediately after it.
"""

import logging
import smtplib
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils import timezone

from ..queue import task_enqueue
from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# A worker holding a claim longer than the task hard time limit has died.
STALE_CLAIM = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


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
    message = OutboxMessage.objects.create(
        kind=kind,
        to_email=to,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        headers=dict(headers or {}),
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(lambda: outbox_dispatch(message_ids=[message.id]))
    return message


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
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(
        id=message_id, state=OutboxMessage.State.QUEUED, next_attempt_at__lte=now
    ).update(state=OutboxMessage.State.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return False
    message = OutboxMessage.objects.get(id=message_id)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        from_email=message.from_email,
        to=[message.to_email],
        headers=message.headers,
        connection=connection or get_connection(),
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    try:
        email.send()
    except Exception as exc:
        _record_failure(message, exc)
        return False
    OutboxMessage.objects.filter(id=message_id).update(
        state=OutboxMessage.State.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def _record_failure(message: OutboxMessage, exc: Exception) -> None:
    error = f"{type(exc).__name__}: {exc}"[:500]
    if _is_permanent(exc) or message.attempts >= MAX_ATTEMPTS:
        state = OutboxMessage.State.FAILED
    else:
        state = OutboxMessage.State.QUEUED
    logger.warning("outbox: message %s %s after attempt %s", message.id, state, message.attempts)
    OutboxMessage.objects.filter(id=message.id).update(
        state=state, last_error=error, next_attempt_at=timezone.now() + _backoff(message.attempts)
    )


def outbox_sweep(*, batch_size: int = 500) -> dict[str, int]:
    """Re-dispatch due queued rows and mark abandoned claims `unknown`. Idempotent."""
    now = timezone.now()
    abandoned = OutboxMessage.objects.filter(
        state=OutboxMessage.State.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(state=OutboxMessage.State.UNKNOWN, last_error="Worker stopped while sending.")
    due = list(
        OutboxMessage.objects.filter(state=OutboxMessage.State.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("id", flat=True)[:batch_size]
    )
    outbox_dispatch(message_ids=due)
    return {"dispatched": len(due), "abandoned": abandoned}
