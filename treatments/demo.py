"""Demo guides for every catalogue treatment and editors' suggested questions: `seed_demo`.

Idempotent: a guide that is already as written is not saved again, so its version (and the
cached pages built on it) stays put.
"""

from datetime import timedelta

from django.utils import timezone

from catalogue.models import Treatment

from .demo_content import GENERAL_QUESTIONS, GUIDES, GuideData
from .models import GuideReference, GuideStatus, SuggestedQuestion, TreatmentGuide
from .services.guides import guide_save

# One guide is past its review date, so editors' "past due" list has something to show.
PAST_DUE_SLUG = "lapatinib"


def _guide_seed(treatment: Treatment, data: GuideData) -> TreatmentGuide:
    today = timezone.localdate()
    guide = TreatmentGuide.objects.filter(treatment=treatment).first() or TreatmentGuide(
        treatment=treatment
    )
    reviewer_name, reviewer_credentials = data["reviewer"]
    reviewed_on = guide.reviewed_on or today - timedelta(days=20)
    past_due = treatment.slug == PAST_DUE_SLUG
    wanted = {
        "summary": data["summary"],
        "reviewer_name": reviewer_name,
        "reviewer_credentials": reviewer_credentials,
        "reviewed_on": reviewed_on,
        "next_review_due": today - timedelta(days=5)
        if past_due
        else reviewed_on + timedelta(days=365),
        "status": GuideStatus.PUBLISHED,
    }
    if guide.pk is None or any(getattr(guide, k) != v for k, v in wanted.items()):
        for name, value in wanted.items():
            setattr(guide, name, value)
        guide_save(guide=guide)
    references = [(i, c, u) for i, (c, u) in enumerate(data["references"], start=1)]
    if list(guide.references.values_list("position", "citation", "url")) != references:
        guide.references.all().delete()
        GuideReference.objects.bulk_create(
            GuideReference(guide=guide, position=i, citation=c, url=u) for i, c, u in references
        )
    _questions_seed(treatment, data["questions"])
    return guide


def _questions_seed(treatment: Treatment | None, texts: list[str]) -> None:
    for position, text in enumerate(texts):
        SuggestedQuestion.objects.update_or_create(
            treatment=treatment, text=text, defaults={"position": position, "active": True}
        )


def seed() -> list[TreatmentGuide]:
    """Create or refresh a published guide per catalogue treatment. Idempotent."""
    treatments = {t.slug: t for t in Treatment.objects.filter(slug__in=list(GUIDES))}
    guides = [
        _guide_seed(treatments[slug], data) for slug, data in GUIDES.items() if slug in treatments
    ]
    _questions_seed(None, GENERAL_QUESTIONS)
    return guides
