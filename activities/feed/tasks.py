"""Thin Celery wrappers around the feed jobs."""

from celery import shared_task

from . import jobs


@shared_task(acks_late=True)
def feed_job_run(job_id: int) -> bool:
    """Do one feed job (fan-out or removal) and delete its row; idempotent, safe to run twice."""
    return jobs.feed_job_run(job_id=job_id)


@shared_task(acks_late=True)
def feed_jobs_sweep() -> int:
    """Periodic (beat, every 15 s): queue again the feed jobs a broker or Redis outage left."""
    return jobs.feed_jobs_sweep()
