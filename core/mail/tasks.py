"""Thin Celery wrappers around the outbox services."""

from celery import shared_task

from . import services

# Below the broker's visibility timeout, so a delayed task is never delivered twice.
MAX_COUNTDOWN_SECONDS = 3000


@shared_task(acks_late=True)
def outbox_send(message_id: int) -> bool:
    """Send one outbox message unless another worker already claimed it."""
    return services.email_send_claimed(message_id=message_id)


@shared_task
def outbox_sweep() -> dict[str, int]:
    """Periodic: re-dispatch rows left queued (broker outage, dead worker)."""
    return services.outbox_sweep()


@shared_task
def outbox_prune() -> int:
    """Periodic (beat, hourly): forget emails sent longer ago than the retention. Idempotent."""
    return services.outbox_prune_sent()
