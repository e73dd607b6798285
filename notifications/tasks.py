"""Thin Celery wrappers around the notifications' delivery."""

from celery import shared_task

from core.queue import task_enqueue

from . import delivery


@shared_task(acks_late=True)
def notifications_digest_send(batch_size: int = 200) -> int:
    """One batch of the daily digests due (written before today's digest hour), then queue the
    next batch until every member due one has it. Beat also runs it every few minutes, so a
    broker outage between batches only delays the rest; a run with nothing due costs a query."""
    sent, more = delivery.digest_batch_send(batch_size=batch_size)
    if more:
        task_enqueue(notifications_digest_send, batch_size)
    return sent
