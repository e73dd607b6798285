"""Thin Celery wrappers around core's periodic housekeeping."""

from celery import shared_task

from .content_versions import content_versions_prune
from .idempotency import posting_keys_prune


@shared_task
def content_versions_prune_old() -> int:
    """Periodic (beat, hourly): drop content-version rows no longer current. Idempotent."""
    return content_versions_prune()


@shared_task
def posting_keys_prune_old() -> int:
    """Periodic (beat, hourly): drop idempotency keys older than a day. Idempotent."""
    return posting_keys_prune()
