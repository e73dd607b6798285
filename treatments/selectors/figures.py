"""Reads of the stored figures: never a count over experiences, only the task's rows."""

from dataclasses import dataclass
from typing import Any

from accounts.models import Profile
from catalogue.models import Treatment
from core.viewer import Viewer, viewer_is_member

from ..figures import ALL, MemberFacts, cohort_key
from ..models import TreatmentFigures

# Side effects listed per treatment: the most reported first.
SIDE_EFFECTS_SHOWN = 8
# The facts a viewer can match on, as the "people like me" form names them.
LIKE_CHOICES = ("her2", "hr", "stage")
EMPTY: dict[str, Any] = {"had_it": None, "shared": None, "going": [], "side_effects": []}


@dataclass(frozen=True)
class LikeMe:
    """The viewer's own facts, and which of them she asked to match."""

    own: MemberFacts
    chosen: tuple[str, ...]

    @property
    def facts(self) -> MemberFacts:
        return MemberFacts(
            her2=self.own.her2 if "her2" in self.chosen else "",
            hr=self.own.hr if "hr" in self.chosen else "",
            stage=self.own.stage if "stage" in self.chosen else "",
        )

    @property
    def cohort(self) -> str:
        return cohort_key(self.facts)

    @property
    def available(self) -> tuple[str, ...]:
        """The facts she has on her profile, so the form offers only those."""
        return tuple(name for name in LIKE_CHOICES if getattr(self.own, name))


def viewer_like_me(*, viewer: Viewer, chosen: list[str]) -> LikeMe:
    """Her own profile facts (whatever their visibility: they are hers) and the ones she chose.

    One query for a member, none for a visitor.
    """
    if not viewer_is_member(viewer):
        return LikeMe(own=MemberFacts(), chosen=())
    row = (
        Profile.objects.filter(user_id=viewer.pk)
        .values_list("her2_status", "hormone_status", "stage")
        .first()
    )
    own = MemberFacts.known(her2=row[0], hr=row[1], stage=row[2]) if row else MemberFacts()
    picked = tuple(name for name in LIKE_CHOICES if name in chosen and getattr(own, name))
    return LikeMe(own=own, chosen=picked)


def figures_for(
    *, treatments: list[Treatment], cohort: str = ALL, limit: int | None = SIDE_EFFECTS_SHOWN
) -> dict[int, dict[str, Any]]:
    """The stored figures of these treatments for one cohort (one query); a cohort without a
    row reads as "fewer than 10" everywhere."""
    rows = TreatmentFigures.objects.filter(
        treatment__in=[t.pk for t in treatments], cohort=cohort
    ).values_list("treatment_id", "figures", "computed_at")
    found = {
        treatment_id: {**EMPTY, **figures, "computed_at": computed_at}
        for treatment_id, figures, computed_at in rows
    }
    shown = {}
    for treatment in treatments:
        figures = found.get(treatment.pk, {**EMPTY, "computed_at": None})
        figures["side_effects"] = figures["side_effects"][:limit]
        shown[treatment.pk] = figures
    return shown


# A cell neither treatment's stored figures hold: nobody, or fewer than 10, reported it.
MISSING: dict[str, Any] = {"count": None, "percent": None, "a_lot": None}


def _by(items: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    return {item[key]: item for item in items}


def figures_compare(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two treatments' figures as rows side by side: how it is going, then side effects
    (those either treatment reports, most reported first). Nothing here counts anything."""
    going_a, going_b = _by(first["going"], "value"), _by(second["going"], "value")
    labels = {
        **{v: g["label"] for v, g in going_b.items()},
        **{v: g["label"] for v, g in going_a.items()},
    }
    effects_a, effects_b = _by(first["side_effects"], "slug"), _by(second["side_effects"], "slug")
    order = sorted(
        set(effects_a) | set(effects_b),
        key=lambda slug: (
            -max(
                (effects_a.get(slug) or {}).get("count") or 0,
                (effects_b.get(slug) or {}).get("count") or 0,
            )
        ),
    )
    return {
        "going": [
            {
                "label": labels[value],
                "a": going_a.get(value, MISSING),
                "b": going_b.get(value, MISSING),
            }
            for value in sorted(labels, reverse=True)
        ],
        "side_effects": [
            {
                "name": (effects_a.get(slug) or effects_b[slug])["name"],
                "a": effects_a.get(slug, MISSING),
                "b": effects_b.get(slug, MISSING),
            }
            for slug in order
        ],
    }
