"""Thin Celery wrappers around newsletter.services (ids in, counts out)."""

from typing import Any

from celery import shared_task

# The module, not the services package: the package imports sending, which queues these tasks.
from .services import sending as services


@shared_task
def newsletter_digest_start() -> int | None:
    """Periodic (beat, weekly): create this week's digest send and fan it out."""
    send = services.send_create_digest()
    newsletter_fan_out.delay(send.id)
    return send.id


@shared_task(acks_late=True)
def newsletter_fan_out(send_id: int) -> int:
    """Create the deliveries of a send and enqueue its chunks. Idempotent."""
    return services.send_fan_out(send_id=send_id)


@shared_task(bind=True, acks_late=True, max_retries=10)
def newsletter_chunk_send(self: Any, send_id: int, chunk: int) -> dict[str, int]:
    """Send one chunk; a transient SMTP error retries the chunk with exponential backoff."""
    try:
        result = services.chunk_send(send_id=send_id, chunk=chunk)
    except services.TransientSendError as exc:
        raise self.retry(
            exc=exc, countdown=services.retry_countdown(retries=self.request.retries)
        ) from exc
    return {"sent": result.sent, "failed": result.failed, "skipped": result.skipped}


@shared_task
def newsletter_sweep() -> dict[str, int]:
    """Periodic (beat, every 10 s): recover claims of dead workers and stalled chunks."""
    return services.deliveries_sweep()
