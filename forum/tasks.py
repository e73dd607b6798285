"""Thin Celery wrappers around the forum's notification services."""

from celery import shared_task

# The module, not the services package: posts (in the package) queues these tasks.
from .services import notifications as services


@shared_task(acks_late=True)
def answer_notify_followers(answer_id: int) -> int:
    """Tell who cares about one answer (notifications); safe to run twice (one row per pair)."""
    return services.answer_notify_followers(answer_id=answer_id)


@shared_task(acks_late=True)
def answer_notify_sweep() -> int:
    """Every few minutes: announce visible answers whose emails were never queued."""
    return services.answer_notify_sweep()
