"""Thin Celery wrappers around the figures services (stored aggregates of experiences)."""

from celery import shared_task

from .services import figures as services


@shared_task(acks_late=True)
def treatment_figures_refresh(treatment_id: int) -> int:
    """Recompute one treatment's stored figures after an experience changed. Idempotent."""
    return services.treatment_figures_refresh(treatment_ids=[treatment_id])


@shared_task(acks_late=True)
def treatment_figures_refresh_all() -> int:
    """Periodic (beat): recompute every treatment's figures. Idempotent.

    The sweeper behind the per-change task: a refresh the broker could not take, a profile
    fact shared or withdrawn, an erased member; all show within one period.
    """
    return services.treatment_figures_refresh()
