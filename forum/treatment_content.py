"""The member questions tagged with a treatment, for its page (registered in ready()).

Question titles, answer counts and dates are public; bodies and authors are not, so nothing
else is listed.
"""

from django.db.models import Count

from catalogue.models import Treatment
from catalogue.treatment_content import TreatmentContentItem, TreatmentContentKind

from .selectors.base import _visible_questions


def _items(treatment: Treatment, limit: int) -> list[TreatmentContentItem]:
    questions = (
        _visible_questions()
        .filter(treatments=treatment)
        .only("title", "slug", "answer_count", "last_activity_at")
        .order_by("-last_activity_at", "-id")[:limit]
    )
    return [
        TreatmentContentItem(
            title=q.title,
            url=q.get_absolute_url(),
            meta=f"{q.answer_count} answer{'' if q.answer_count == 1 else 's'}",
        )
        for q in questions
    ]


def _counts() -> dict[int, int]:
    rows = (
        _visible_questions()
        .order_by()
        .filter(treatments__isnull=False)
        .values("treatments")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["treatments"]: row["n"] for row in rows}


QUESTIONS_ABOUT_TREATMENT = TreatmentContentKind(
    key="questions",
    heading="Member questions about it",
    items=_items,
    counts=_counts,
    noun=("question", "questions"),
)
