"""How experiences plug into moderation, export and erasure (called from TreatmentsConfig.ready).

Experiences are not searchable and not in the anonymous page cache: only members read them,
and what visitors see of a treatment (the counts) comes from the stored figures.
"""

from typing import Any

from django.urls import reverse


def experience_url(item: Any) -> str:
    """An experience's own page, under its treatment (members only)."""
    return reverse("treatments:experience", args=[item.treatment.slug, item.pk])


def experiences_register() -> None:
    from accounts.erasure import register_eraser
    from accounts.export import register_exporter
    from moderation import registry

    from .experience_privacy import erase_experiences, export_experiences
    from .models import Experience
    from .services.experiences import experience_after_state_change

    registry.register(
        Experience,
        label="experience",
        text_field="tips",
        url=experience_url,
        after_state_change=lambda item: experience_after_state_change(experience=item),
    )
    register_exporter("treatment_experiences", export_experiences)
    register_eraser("treatment_experiences", erase_experiences)
