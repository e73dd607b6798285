"""The figures task's work: read what members shared, apply the rules, store the figures.

Reads a few flat lists (no per-row queries): visible experiences of active members, their
side effects, the treatments profiles show to members, and the profile facts members may
see. `figures.figures_tally` counts them in one pass; `figures_publish` replaces every cell
below the threshold by None before anything is written. Cost, measured in
benchmarks/RESULTS.md: linear in experiences, about one second per 10 000 on this machine.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import Profile, Visibility
from catalogue.models import Treatment
from moderation.models import ModerationState

from ..figures import (
    MemberFacts,
    SharedExperience,
    cohort_is_worth_storing,
    fact_for_others,
    figures_publish,
    figures_tally,
    shown,
)
from ..models import Experience, ExperienceSideEffect, Going, SideEffect, TreatmentFigures

# Rows fetched per round trip while streaming experiences and side effects.
CHUNK = 5000


def _shared_experiences(treatment_ids: list[int] | None) -> Any:
    """Visible experiences of active, not erased members: what their authors chose to share."""
    rows = Experience.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        author__is_active=True,
        author__erased_at__isnull=True,
    )
    return rows if treatment_ids is None else rows.filter(treatment_id__in=treatment_ids)


def _side_effects_by_experience(experiences: Any) -> dict[int, list[tuple[int, int]]]:
    by_experience: dict[int, list[tuple[int, int]]] = {}
    rows = ExperienceSideEffect.objects.filter(experience__in=experiences.values("pk"))
    for experience_id, side_effect_id, bother in rows.values_list(
        "experience_id", "side_effect_id", "bother"
    ).iterator(chunk_size=CHUNK):
        by_experience.setdefault(experience_id, []).append((side_effect_id, bother))
    return by_experience


def _experience_rows(treatment_ids: list[int] | None) -> Iterator[SharedExperience]:
    experiences = _shared_experiences(treatment_ids)
    side_effects = _side_effects_by_experience(experiences)
    for pk, author_id, treatment_id, going in experiences.values_list(
        "pk", "author_id", "treatment_id", "going"
    ).iterator(chunk_size=CHUNK):
        yield SharedExperience(
            author_id=author_id,
            treatment_id=treatment_id,
            going=going,
            side_effects=tuple(side_effects.get(pk, ())),
        )


def _profiles_sharing_treatments() -> Any:
    return Profile.objects.filter(
        treatments_visibility=Visibility.MEMBERS,
        user__is_active=True,
        user__erased_at__isnull=True,
    )


def _had_it_pairs(treatment_ids: list[int] | None) -> Iterator[tuple[int, int]]:
    """(treatment, member) from profiles that show their treatments to members."""
    sharing = _profiles_sharing_treatments().values("pk")
    for through in (Profile.current_treatments.through, Profile.past_treatments.through):
        rows = through.objects.filter(profile_id__in=sharing)
        if treatment_ids is not None:
            rows = rows.filter(treatment_id__in=treatment_ids)
        yield from rows.values_list("treatment_id", "profile__user_id").iterator(chunk_size=CHUNK)


def _member_facts() -> dict[int, MemberFacts]:
    """The facts each member lets members see (HER2, hormone receptor, stage), by member id."""
    shared = Visibility.MEMBERS
    profiles = Profile.objects.filter(
        Q(her2_status_visibility=shared) & ~Q(her2_status="")
        | Q(hormone_status_visibility=shared) & ~Q(hormone_status="")
        | Q(stage_visibility=shared) & ~Q(stage="")
    ).values_list(
        "user_id",
        "her2_status",
        "her2_status_visibility",
        "hormone_status",
        "hormone_status_visibility",
        "stage",
        "stage_visibility",
    )
    facts = {}
    for user_id, her2, her2_vis, hr, hr_vis, stage, stage_vis in profiles.iterator(
        chunk_size=CHUNK
    ):
        member = MemberFacts.known(
            her2=fact_for_others(value=her2, shared_with_members=her2_vis == shared),
            hr=fact_for_others(value=hr, shared_with_members=hr_vis == shared),
            stage=fact_for_others(value=stage, shared_with_members=stage_vis == shared),
        )
        if not member.is_empty:
            facts[user_id] = member
    return facts


def _figures_rows(treatment_ids: list[int] | None) -> list[TreatmentFigures]:
    tallies = figures_tally(
        experiences=_experience_rows(treatment_ids),
        had_it=_had_it_pairs(treatment_ids),
        facts=_member_facts(),
    )
    going_labels = {int(value): str(label) for value, label in Going.choices}
    names = {
        pk: (slug, name) for pk, slug, name in SideEffect.objects.values_list("pk", "slug", "name")
    }
    now = timezone.now()
    return [
        TreatmentFigures(
            treatment_id=treatment_id,
            cohort=cohort,
            figures=figures_publish(tally, going_labels=going_labels, side_effect_names=names),
            member_count=shown(tally.shared) or 0,
            computed_at=now,
        )
        for (treatment_id, cohort), tally in tallies.items()
        if cohort_is_worth_storing(tally)
    ]


def treatment_figures_refresh(*, treatment_ids: Iterable[int] | None = None) -> int:
    """Recompute and store the figures of these treatments (every treatment when None).

    Idempotent: the treatments' rows are replaced in one transaction, so a page reads either
    the old figures or the new ones. Returns how many (treatment, cohort) rows were stored.
    """
    ids = None if treatment_ids is None else sorted(set(treatment_ids))
    with transaction.atomic():
        # Two refreshes of one treatment take turns, and each reads after the other stored,
        # so an older count never overwrites a newer one. NO KEY UPDATE: members saving an
        # experience (a KEY SHARE on the treatment) never wait for it.
        locked = Treatment.objects.order_by("pk").select_for_update(no_key=True)
        list((locked if ids is None else locked.filter(pk__in=ids)).values_list("pk"))
        rows = _figures_rows(ids)
        stale = TreatmentFigures.objects.all()
        if ids is not None:
            stale = stale.filter(treatment_id__in=ids)
        stale.delete()
        TreatmentFigures.objects.bulk_create(rows, batch_size=500)
    return len(rows)
