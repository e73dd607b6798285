"""Demo experiences: flagship treatments show real figures, rare ones "fewer than 10"."""

import pytest

from accounts import demo as accounts_demo
from treatments import experience_demo
from treatments.figures import MIN_MEMBERS
from treatments.models import Experience, TreatmentFigures

pytestmark = pytest.mark.django_db


def _shared(slug: str, cohort: str = "all") -> int | None:
    row = TreatmentFigures.objects.filter(treatment__slug=slug, cohort=cohort).first()
    return row.figures["shared"] if row else None


def test_experience_demo_seed_flagships_show_figures_and_rare_ones_fewer_than_ten():
    accounts_demo.seed()

    experience_demo.seed()

    for slug in ("trastuzumab", "tchp", "pertuzumab", "phesgo"):
        assert (_shared(slug) or 0) >= MIN_MEMBERS, slug
    for slug in ("tucatinib", "lapatinib", "neratinib"):
        assert _shared(slug) is None, slug
    # "people like me" for the demo member (HER2-positive) has a group on trastuzumab
    assert (_shared("trastuzumab", "her2=positive|hr=|stage=") or 0) >= MIN_MEMBERS


def test_experience_demo_seed_twice_changes_nothing():
    accounts_demo.seed()
    experience_demo.seed()
    before = sorted(Experience.objects.values_list("author_id", "treatment_id", "going"))

    experience_demo.seed()

    assert sorted(Experience.objects.values_list("author_id", "treatment_id", "going")) == before
