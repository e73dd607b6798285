"""The published articles that discuss a treatment, for its page (registered in ready())."""

from django.db.models import Count

from catalogue.models import Treatment
from catalogue.treatment_content import TreatmentContentItem, TreatmentContentKind

from .selectors import article_list_published


def _items(treatment: Treatment, limit: int) -> list[TreatmentContentItem]:
    articles = (
        article_list_published()
        .select_related(None)
        .filter(treatments=treatment)
        .only("title", "slug", "summary", "published_at")[:limit]
    )
    return [
        TreatmentContentItem(title=a.title, url=a.get_absolute_url(), meta=a.summary)
        for a in articles
    ]


def _counts() -> dict[int, int]:
    rows = (
        article_list_published()
        .order_by()
        .filter(treatments__isnull=False)
        .values("treatments")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["treatments"]: row["n"] for row in rows}


ARTICLES_ABOUT_TREATMENT = TreatmentContentKind(
    key="articles",
    heading="Articles that discuss it",
    items=_items,
    counts=_counts,
    noun=("article", "articles"),
)
