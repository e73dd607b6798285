"""Treatments' part of a member's data export and erasure (registered in TreatmentsConfig.ready)."""

from typing import Any

from accounts.models import User

from .models import CareQuestion


def export_care_questions(user: User) -> list[dict[str, Any]]:
    """Her list of questions for her care team, in her order."""
    return [
        {
            "question": q.text,
            "answered": q.answered,
            "added_from": q.source_label,
            "added_from_url": q.source_url,
            "added_at": q.created_at.isoformat(),
        }
        for q in CareQuestion.objects.filter(owner=user).order_by("position", "id")
    ]


def erase_care_questions(user: User) -> None:
    """Her list goes with her account: nobody else ever saw it, so nothing of it stays."""
    CareQuestion.objects.filter(owner=user).delete()
