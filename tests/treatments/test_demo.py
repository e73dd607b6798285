"""Every catalogue treatment gets a published, reviewed guide with linked references."""

import pytest

from catalogue.models import Treatment
from treatments import demo
from treatments.models import GuideStatus, SuggestedQuestion, TreatmentGuide

pytestmark = pytest.mark.django_db


def test_demo_seed_gives_every_catalogue_treatment_a_reviewed_guide_with_references():
    demo.seed()

    guides = TreatmentGuide.objects.prefetch_related("references")
    assert guides.count() == Treatment.objects.count()
    for guide in guides:
        assert guide.status == GuideStatus.PUBLISHED
        assert guide.reviewer_name.startswith("Dr. ")
        assert guide.reviewer_credentials
        assert guide.summary_html.count("<h2") >= 1
        references = list(guide.references.all())
        assert references
        assert any(r.url.startswith("https://") for r in references)
    assert SuggestedQuestion.objects.filter(treatment__isnull=True).exists()


def test_demo_seed_twice_changes_nothing():
    demo.seed()
    before = list(TreatmentGuide.objects.values_list("pk", "updated_at"))
    questions = SuggestedQuestion.objects.count()

    demo.seed()

    assert list(TreatmentGuide.objects.values_list("pk", "updated_at")) == before
    assert SuggestedQuestion.objects.count() == questions
