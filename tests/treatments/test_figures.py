"""The cohort and threshold rules of the treatment figures, as pure functions."""

from treatments.figures import (
    ALL,
    MIN_MEMBERS,
    MemberFacts,
    SharedExperience,
    cohort_key,
    cohorts_of,
    fact_for_others,
    figures_publish,
    figures_tally,
)

GOING = {1: "Very hard", 2: "Hard", 3: "Mixed", 4: "Fairly well", 5: "Well"}
NAMES = {1: ("fatigue", "Fatigue"), 2: ("nausea", "Nausea")}
TRASTUZUMAB = 7


def _experiences(count: int, *, first_author: int = 1, **kwargs: object) -> list[SharedExperience]:
    return [
        SharedExperience(
            author_id=first_author + n,
            treatment_id=TRASTUZUMAB,
            going=kwargs.get("going", 4),  # type: ignore[arg-type]
            side_effects=kwargs.get("side_effects", ((1, 3),)),  # type: ignore[arg-type]
        )
        for n in range(count)
    ]


def test_cohort_key_all_when_no_fact_is_known() -> None:
    assert cohort_key(MemberFacts()) == ALL
    assert cohort_key(MemberFacts(her2="positive", stage="2")) == "her2=positive|hr=|stage=2"


def test_member_facts_known_reads_unknown_values_as_any() -> None:
    facts = MemberFacts.known(her2="unknown", hr="positive", stage="not a stage")

    assert facts == MemberFacts(hr="positive")


def test_cohorts_of_a_member_with_every_fact_shared_are_the_eight_combinations() -> None:
    cohorts = cohorts_of(MemberFacts(her2="positive", hr="negative", stage="3"))

    assert len(cohorts) == 8
    assert ALL in cohorts
    assert "her2=positive|hr=negative|stage=3" in cohorts
    assert "her2=|hr=negative|stage=" in cohorts


def test_fact_for_others_drops_a_fact_she_keeps_to_herself() -> None:
    assert fact_for_others(value="positive", shared_with_members=False) == ""
    assert fact_for_others(value="positive", shared_with_members=True) == "positive"


def test_figures_tally_counts_an_author_once_in_had_it_even_if_her_profile_lists_it() -> None:
    experiences = _experiences(1)

    tallies = figures_tally(experiences=experiences, had_it=[(TRASTUZUMAB, 1)], facts={})

    assert tallies[(TRASTUZUMAB, ALL)].had_it == 1
    assert tallies[(TRASTUZUMAB, ALL)].shared == 1


def test_figures_tally_a_private_fact_never_places_her_in_a_cohort() -> None:
    # given: her HER2 status is known to us but she keeps it to herself
    facts = {
        1: MemberFacts.known(her2=fact_for_others(value="positive", shared_with_members=False))
    }

    tallies = figures_tally(experiences=_experiences(1), had_it=[], facts=facts)

    assert set(tallies) == {(TRASTUZUMAB, ALL)}


def test_figures_publish_below_the_threshold_shows_no_number_and_no_breakdown() -> None:
    tallies = figures_tally(experiences=_experiences(MIN_MEMBERS - 1), had_it=[], facts={})

    published = figures_publish(
        tallies[(TRASTUZUMAB, ALL)], going_labels=GOING, side_effect_names=NAMES
    )

    assert published == {"had_it": None, "shared": None, "going": [], "side_effects": []}


def test_figures_publish_at_the_threshold_shows_counts_and_shares() -> None:
    tallies = figures_tally(experiences=_experiences(MIN_MEMBERS), had_it=[], facts={})

    published = figures_publish(
        tallies[(TRASTUZUMAB, ALL)], going_labels=GOING, side_effect_names=NAMES
    )

    assert published["shared"] == MIN_MEMBERS
    assert published["had_it"] == MIN_MEMBERS
    fairly_well = next(g for g in published["going"] if g["value"] == 4)
    assert fairly_well == {"value": 4, "label": "Fairly well", "count": 10, "percent": 100}
    assert published["side_effects"] == [
        {"slug": "fatigue", "name": "Fatigue", "count": 10, "percent": 100, "a_lot": 10}
    ]


def test_figures_publish_a_filter_that_isolates_one_member_shows_fewer_than_ten() -> None:
    # given: 30 members with no shared facts, and one who shares she is HER2-positive, stage IV
    experiences = _experiences(30, first_author=100) + _experiences(
        1, first_author=1, going=1, side_effects=((2, 3),)
    )
    facts = {1: MemberFacts(her2="positive", stage="4")}

    tallies = figures_tally(experiences=experiences, had_it=[], facts=facts)
    alone = figures_publish(
        tallies[(TRASTUZUMAB, "her2=positive|hr=|stage=4")],
        going_labels=GOING,
        side_effect_names=NAMES,
    )
    everyone = figures_publish(
        tallies[(TRASTUZUMAB, ALL)], going_labels=GOING, side_effect_names=NAMES
    )

    assert alone == {"had_it": None, "shared": None, "going": [], "side_effects": []}
    # her answers are inside the whole group's figures only as "fewer than 10"
    very_hard = next(g for g in everyone["going"] if g["value"] == 1)
    assert very_hard["count"] is None
    assert very_hard["percent"] is None
    nausea = next(s for s in everyone["side_effects"] if s["slug"] == "nausea")
    assert nausea["count"] is None
    assert nausea["a_lot"] is None


def test_figures_publish_ranks_side_effects_most_reported_first() -> None:
    experiences = _experiences(12, side_effects=((1, 1), (2, 1))) + _experiences(
        8, first_author=50, side_effects=((2, 1),)
    )

    tallies = figures_tally(experiences=experiences, had_it=[], facts={})
    published = figures_publish(
        tallies[(TRASTUZUMAB, ALL)], going_labels=GOING, side_effect_names=NAMES
    )

    assert [s["slug"] for s in published["side_effects"]] == ["nausea", "fatigue"]
    assert published["side_effects"][0]["percent"] == 100
    assert published["side_effects"][1]["a_lot"] is None
