"""The rules behind "what members report, in numbers": cohorts, tallies and the threshold.

Pure functions over plain values, so the rules can be read and tested without a database; the
figures task (`figures_services`) feeds them rows and stores what `figures_publish` returns.

Privacy by construction:
- a member counts only through what she chose to share: a visible experience she wrote, or a
  treatment on a profile whose treatments members may see;
- she is placed in a cohort by a profile fact (HER2, hormone receptor, stage) only when that
  fact is visible to members; a fact she keeps to herself places her in the "any" value only;
- every number based on fewer than `MIN_MEMBERS` members is stored as None ("fewer than 10"),
  never as the number, so no page, export or bug can show it.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product
from typing import Any

# Ten is the smallest group the figures speak about; see docs/treatments.md for why.
MIN_MEMBERS = 10

ALL = "all"
# The values a fact can place a member in; anything else ("unknown", "") means "any".
HER2_VALUES = ("positive", "low", "negative")
HR_VALUES = ("positive", "negative")
STAGE_VALUES = ("0", "1", "2", "3", "4")
# Bother levels (treatments.models.Bother): 3 is "a lot".
BOTHER_A_LOT = 3


@dataclass(frozen=True)
class MemberFacts:
    """The facts that may place a member in a cohort ("" for any: unknown or not shared)."""

    her2: str = ""
    hr: str = ""
    stage: str = ""

    @classmethod
    def known(cls, *, her2: str = "", hr: str = "", stage: str = "") -> "MemberFacts":
        """Facts with every value outside the catalogue's choices read as "any"."""
        return cls(
            her2=her2 if her2 in HER2_VALUES else "",
            hr=hr if hr in HR_VALUES else "",
            stage=stage if stage in STAGE_VALUES else "",
        )

    @property
    def is_empty(self) -> bool:
        return not (self.her2 or self.hr or self.stage)


def fact_for_others(*, value: str, shared_with_members: bool) -> str:
    """A fact as the figures may use it: only when members may see it on her profile."""
    return value if shared_with_members else ""


def cohort_key(facts: MemberFacts) -> str:
    """The stored key of a cohort: "all", or e.g. "her2=positive|hr=|stage=2"."""
    if facts.is_empty:
        return ALL
    return f"her2={facts.her2}|hr={facts.hr}|stage={facts.stage}"


def cohorts_of(facts: MemberFacts) -> list[str]:
    """Every cohort a member belongs to: each shared fact, or "any", for each dimension."""
    her2 = ("", facts.her2) if facts.her2 else ("",)
    hr = ("", facts.hr) if facts.hr else ("",)
    stage = ("", facts.stage) if facts.stage else ("",)
    return [cohort_key(MemberFacts(her2=a, hr=b, stage=c)) for a, b, c in product(her2, hr, stage)]


@dataclass(frozen=True)
class SharedExperience:
    """One visible experience, as the figures read it."""

    author_id: int
    treatment_id: int
    going: int
    # (side effect id, bother) pairs.
    side_effects: tuple[tuple[int, int], ...] = ()


@dataclass
class CohortTally:
    """Raw counts for one treatment and cohort; never stored as they are (see publish)."""

    had_it: int = 0
    shared: int = 0
    going: Counter[int] = field(default_factory=Counter)
    side_effects: Counter[int] = field(default_factory=Counter)
    bothered_a_lot: Counter[int] = field(default_factory=Counter)


Tallies = dict[tuple[int, str], CohortTally]


def figures_tally(
    *,
    experiences: Iterable[SharedExperience],
    had_it: Iterable[tuple[int, int]],
    facts: Mapping[int, MemberFacts],
) -> Tallies:
    """Count, per (treatment, cohort), members who had it, shared, and what they reported.

    `had_it` holds (treatment id, member id) pairs from profiles that show their treatments
    to members; an experience's author has had the treatment too, and counts once.
    """
    tallies: Tallies = {}
    none = MemberFacts()
    had: dict[int, set[int]] = {}
    for treatment_id, member_id in had_it:
        had.setdefault(treatment_id, set()).add(member_id)
    for experience in experiences:
        had.setdefault(experience.treatment_id, set()).add(experience.author_id)
        for key in cohorts_of(facts.get(experience.author_id, none)):
            tally = tallies.get((experience.treatment_id, key))
            if tally is None:
                tally = tallies[(experience.treatment_id, key)] = CohortTally()
            tally.shared += 1
            tally.going[experience.going] += 1
            for side_effect_id, bother in experience.side_effects:
                tally.side_effects[side_effect_id] += 1
                if bother >= BOTHER_A_LOT:
                    tally.bothered_a_lot[side_effect_id] += 1
    for treatment_id, members in had.items():
        for member_id in members:
            for key in cohorts_of(facts.get(member_id, none)):
                tally = tallies.get((treatment_id, key))
                if tally is None:
                    tally = tallies[(treatment_id, key)] = CohortTally()
                tally.had_it += 1
    return tallies


def shown(count: int) -> int | None:
    """The count when at least MIN_MEMBERS members are behind it, else None."""
    return count if count >= MIN_MEMBERS else None


def _percent(count: int, total: int) -> int | None:
    return round(100 * count / total) if count >= MIN_MEMBERS and total else None


def figures_publish(
    tally: CohortTally,
    *,
    going_labels: Mapping[int, str],
    side_effect_names: Mapping[int, tuple[str, str]],
) -> dict[str, Any]:
    """The figures as stored and shown: every cell below MIN_MEMBERS is None.

    `side_effect_names` maps an id to (slug, name). When fewer than MIN_MEMBERS shared, no
    breakdown is stored at all: not even which side effects were reported.
    """
    shared = shown(tally.shared)
    published: dict[str, Any] = {
        "had_it": shown(tally.had_it),
        "shared": shared,
        "going": [],
        "side_effects": [],
    }
    if shared is None:
        return published
    published["going"] = [
        {
            "value": value,
            "label": label,
            "count": shown(tally.going[value]),
            "percent": _percent(tally.going[value], tally.shared),
        }
        for value, label in going_labels.items()
    ]
    ranked = sorted(tally.side_effects.items(), key=lambda item: (-item[1], item[0]))
    published["side_effects"] = [
        {
            "slug": side_effect_names.get(side_effect_id, ("", ""))[0],
            "name": side_effect_names.get(side_effect_id, ("", "Another side effect"))[1],
            "count": shown(count),
            "percent": _percent(count, tally.shared),
            "a_lot": shown(tally.bothered_a_lot[side_effect_id]),
        }
        for side_effect_id, count in ranked
    ]
    return published


def cohort_is_worth_storing(tally: CohortTally) -> bool:
    """A cohort with no figure at or above the threshold is not stored (it reads as empty)."""
    return tally.had_it >= MIN_MEMBERS or tally.shared >= MIN_MEMBERS
