"""The figures task: what it reads (only what members chose to share) and what it stores."""

import pytest

from accounts.models import Profile, Visibility
from moderation.models import ModerationState
from tests.factories import UserFactory, treatment
from treatments.figures import MIN_MEMBERS
from treatments.models import TreatmentFigures
from treatments.services.figures import treatment_figures_refresh
from treatments.tasks import treatment_figures_refresh_all

from .experience_helpers import experience_for, experiences_for_many, member_sharing

pytestmark = pytest.mark.django_db


def _stored(slug: str, cohort: str = "all") -> dict | None:
    row = TreatmentFigures.objects.filter(treatment__slug=slug, cohort=cohort).first()
    return row.figures if row else None


def _stored_row(slug: str, cohort: str = "all") -> dict:
    stored = _stored(slug, cohort)
    assert stored is not None, f"no figures stored for {slug} ({cohort})"
    return stored


def test_treatment_figures_refresh_stores_counts_for_a_cohort_of_ten():
    trastuzumab = treatment("trastuzumab")
    experiences_for_many(MIN_MEMBERS, trastuzumab, her2_status="positive")

    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])

    everyone = _stored("trastuzumab")
    her2 = _stored("trastuzumab", "her2=positive|hr=|stage=")
    assert everyone is not None
    assert her2 is not None
    assert everyone["shared"] == her2["shared"] == MIN_MEMBERS
    assert everyone["side_effects"][0]["slug"] == "fatigue"


def test_treatment_figures_refresh_a_cohort_that_would_isolate_one_member_is_never_stored():
    # given: twelve members, one of whom shares she is HER2-positive, hormone-negative, stage IV
    trastuzumab = treatment("trastuzumab")
    experiences_for_many(11, trastuzumab)
    alone = member_sharing(her2_status="positive", hormone_status="negative", stage="4")
    experience_for(alone, trastuzumab, going=1, effects=(("rash", 3),))

    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])

    assert _stored("trastuzumab", "her2=positive|hr=negative|stage=4") is None
    assert _stored("trastuzumab", "her2=positive|hr=|stage=") is None
    everyone = _stored_row("trastuzumab")
    assert everyone["shared"] == 12
    rash = next(s for s in everyone["side_effects"] if s["slug"] == "rash")
    assert rash["count"] is None
    assert rash["percent"] is None
    very_hard = next(g for g in everyone["going"] if g["value"] == 1)
    assert very_hard["count"] is None


def test_treatment_figures_refresh_a_fact_she_keeps_to_herself_never_places_her_in_a_cohort():
    trastuzumab = treatment("trastuzumab")
    members = experiences_for_many(MIN_MEMBERS, trastuzumab, stage="2")
    # one of the ten keeps her stage to herself: the stage II cohort falls below ten
    Profile.objects.filter(user=members[0]).update(stage_visibility=Visibility.ONLY_ME)

    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])

    assert _stored("trastuzumab", "her2=|hr=|stage=2") is None
    assert _stored_row("trastuzumab")["shared"] == MIN_MEMBERS


def test_treatment_figures_refresh_counts_only_visible_experiences_of_active_members():
    trastuzumab = treatment("trastuzumab")
    members = experiences_for_many(MIN_MEMBERS, trastuzumab)
    experience_for(UserFactory.create(), trastuzumab, state=ModerationState.PENDING)
    experience_for(UserFactory.create(), trastuzumab, state=ModerationState.HIDDEN)
    type(members[0]).objects.filter(pk=members[0].pk).update(is_active=False)

    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])

    assert _stored("trastuzumab") is None  # nine left: below the threshold, nothing stored


def test_treatment_figures_refresh_had_it_counts_profiles_that_show_their_treatments():
    pertuzumab = treatment("pertuzumab")
    for _ in range(MIN_MEMBERS):
        member = UserFactory.create()
        Profile.objects.filter(user=member).update(treatments_visibility=Visibility.MEMBERS)
        member.profile.refresh_from_db()
        member.profile.past_treatments.add(pertuzumab)
    hidden = UserFactory.create()  # lists it, but keeps her treatments to herself
    hidden.profile.current_treatments.add(pertuzumab)

    treatment_figures_refresh(treatment_ids=[pertuzumab.pk])

    stored = _stored("pertuzumab")
    assert stored == {"had_it": MIN_MEMBERS, "shared": None, "going": [], "side_effects": []}


def test_treatment_figures_refresh_all_replaces_rows_that_no_longer_hold():
    trastuzumab = treatment("trastuzumab")
    members = experiences_for_many(MIN_MEMBERS, trastuzumab)
    treatment_figures_refresh_all()
    members[0].treatment_experiences.all().delete()

    stored = treatment_figures_refresh_all.delay().get()

    assert stored == 0
    assert not TreatmentFigures.objects.exists()
