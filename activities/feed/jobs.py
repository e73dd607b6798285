"""Feed jobs: written by the hooks in the change's transaction, run by a task, swept if lost."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.queue import task_enqueue

from ..models import FeedJob
from . import fanout

# A job the sweeper finds older than this was lost with the broker (or Redis was away).
SWEEP_GRACE = timedelta(seconds=30)
# A job queued again and still there after this was not done either (Redis still away).
SWEEP_RETRY = timedelta(seconds=60)
# Jobs queued per sweep: an outage of a busy hour leaves a few thousand; each sweep queues
# 500 (one SELECT, one UPDATE and 500 publishes, well under a second), every 15 s.
SWEEP_BATCH = 500


def feed_job_add(*, kind: str, target_id: int, other_ids: list[int] | None = None) -> FeedJob:
    """Write a job in the current transaction and queue it once that commits (at once when
    there is none). Never holds the request on a broker that is down: the sweeper catches up."""
    job = FeedJob.objects.create(kind=kind, target_id=target_id, other_ids=other_ids or [])
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from .tasks import feed_job_run  # the task module wraps this one

    task_enqueue(feed_job_run, job_id)


def feed_job_run(*, job_id: int) -> bool:
    """Do one job and delete it; keep it for the sweeper when Redis is away. Idempotent."""
    job = FeedJob.objects.filter(pk=job_id).first()
    if job is None:  # done already (a sweep queued it twice)
        return True
    others = [int(other) for other in job.other_ids]
    if job.kind == FeedJob.Kind.UPDATE:
        done = fanout.feed_update_sync(update_id=job.target_id, author_id=next(iter(others), None))
    elif job.kind == FeedJob.Kind.QUESTION:
        done = fanout.feed_question_sync(question_id=job.target_id, author_id=others[0])
    elif job.kind == FeedJob.Kind.PAIR:
        done = fanout.feed_pair_forget(member_ids=[job.target_id, *others])
    else:
        done = fanout.feed_member_forget(member_id=job.target_id, mate_ids=others)
    if done:
        FeedJob.objects.filter(pk=job.pk).delete()
    return done


def feed_jobs_sweep() -> int:
    """Queue again the jobs left behind (broker or Redis outage); how many were queued."""
    now = timezone.now()
    job_ids = list(
        FeedJob.objects.filter(created_at__lte=now - SWEEP_GRACE)
        .exclude(attempted_at__gt=now - SWEEP_RETRY)
        .order_by("created_at", "id")
        .values_list("id", flat=True)[:SWEEP_BATCH]
    )
    FeedJob.objects.filter(pk__in=job_ids).update(attempted_at=now)
    from .tasks import feed_job_run

    queued = 0
    for job_id in job_ids:
        if not task_enqueue(feed_job_run, job_id):
            break  # the broker is away: the next sweep tries again
        queued += 1
    return queued
