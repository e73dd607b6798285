"""Experiences in a member's data export and erasure (registered in TreatmentsConfig.ready)."""

from typing import Any

from accounts.models import User

from .models import Experience
from .services.experiences import experience_figures_refresh_later


def export_experiences(user: User) -> list[dict[str, Any]]:
    """Her experiences of treatments, every state, with the side effects she reported."""
    experiences = (
        Experience.objects.filter(author=user)
        .select_related("treatment")
        .prefetch_related("side_effect_rows__side_effect")
        .order_by("pk")
    )
    return [
        {
            "treatment": e.treatment.name,
            "started": e.started_on.strftime("%Y-%m"),
            "still_on": e.still_on,
            "how_it_is_going": e.get_going_display(),
            "tips": e.tips,
            "side_effects": [
                {
                    "side_effect": row.side_effect.name,
                    "bothered_me": row.get_bother_display(),
                    "what_helped": row.helped,
                }
                for row in e.side_effect_rows.all()
            ],
            "state": e.moderation_state,
            "created_at": e.created_at.isoformat(),
            "updated_at": e.updated_at.isoformat(),
        }
        for e in experiences
    ]


def erase_experiences(user: User) -> None:
    """Delete her experiences: a record of her health, not a conversation others replied to,
    so nothing stays behind as "Former member". Idempotent; the figures follow after commit."""
    experiences = Experience.objects.filter(author=user)
    treatment_ids = set(experiences.values_list("treatment_id", flat=True))
    experiences.delete()
    for treatment_id in sorted(treatment_ids):
        experience_figures_refresh_later(treatment_id=treatment_id)
