"""accounts.similarity: members like me, ranked only through facts the viewer may see."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Profile, User, Visibility
from accounts.services import member_erase
from accounts.similarity import (
    facts_shared_with,
    member_facts_of,
    members_ranked_by_shared_facts,
    shared_fact_count,
)
from tests.factories import UserFactory, treatment

from .factories import member_with_profile as member_with_facts

pytestmark = pytest.mark.django_db

SHARED = Visibility.MEMBERS
PRIVATE = Visibility.ONLY_ME


def member_with_profile(*, display_name: str = "Member", **profile) -> User:
    member = member_with_facts(**profile)
    User.objects.filter(pk=member.pk).update(display_name=display_name)
    member.display_name = display_name
    return member


def _names(members) -> list[str]:
    return [m.display_name for m in members]


def _viewer(**profile) -> User:
    # The viewer's own facts count whatever their visibility: here all kept to herself.
    return member_with_profile(
        display_name="Viewer",
        **{f"{name}_visibility": PRIVATE for name in ("her2_status", "stage", "region")},
        **profile,
    )


def test_members_ranked_by_shared_facts_puts_the_most_alike_first():
    viewer = _viewer(her2_status="positive", stage="2", region="Leeds")
    member_with_profile(display_name="Anna")  # shares nothing
    member_with_profile(display_name="Bea", her2_status="positive", her2_status_visibility=SHARED)
    member_with_profile(
        display_name="Cleo",
        her2_status="positive",
        her2_status_visibility=SHARED,
        stage="2",
        stage_visibility=SHARED,
        region="leeds",
        region_visibility=SHARED,
    )

    ranked = list(members_ranked_by_shared_facts(viewer=viewer))

    assert [(m.display_name, shared_fact_count(m)) for m in ranked] == [
        ("Cleo", 3),
        ("Bea", 1),
        ("Anna", 0),
    ]


def test_members_ranked_by_shared_facts_a_private_fact_never_changes_the_order():
    viewer = _viewer(her2_status="positive", stage="2", treatments=("trastuzumab",))
    # Zoe keeps every matching fact to herself; Anna shares nothing: both sort by name only.
    member_with_profile(
        display_name="Zoe",
        her2_status="positive",
        her2_status_visibility=PRIVATE,
        stage="2",
        stage_visibility=PRIVATE,
        treatments=("trastuzumab",),
        treatments_visibility=PRIVATE,
    )
    member_with_profile(display_name="Anna")

    ranked = list(members_ranked_by_shared_facts(viewer=viewer))

    assert [(m.display_name, shared_fact_count(m)) for m in ranked] == [("Anna", 0), ("Zoe", 0)]


def test_members_ranked_by_shared_facts_counts_each_shared_treatment_once():
    viewer = _viewer(treatments=("trastuzumab", "pertuzumab"))
    both = member_with_profile(
        display_name="Both", treatments=("trastuzumab",), treatments_visibility=SHARED
    )
    # Listed as current and past: still one shared treatment, and pertuzumab a second.
    both.profile.past_treatments.set([treatment("trastuzumab"), treatment("pertuzumab")])
    member_with_profile(
        display_name="One", treatments=("trastuzumab",), treatments_visibility=SHARED
    )

    ranked = list(members_ranked_by_shared_facts(viewer=viewer))

    assert [(m.display_name, shared_fact_count(m)) for m in ranked] == [("Both", 2), ("One", 1)]


def test_members_ranked_by_shared_facts_not_sure_is_not_a_fact():
    viewer = _viewer(her2_status="unknown", stage="unknown")
    member_with_profile(
        display_name="Unsure",
        her2_status="unknown",
        her2_status_visibility=SHARED,
        stage="unknown",
        stage_visibility=SHARED,
    )

    ranked = list(members_ranked_by_shared_facts(viewer=viewer))

    assert [shared_fact_count(m) for m in ranked] == [0]


def test_members_ranked_by_shared_facts_leaves_out_the_viewer_inactive_and_erased():
    viewer = _viewer(her2_status="positive")
    member_with_profile(display_name="Here")
    banned = member_with_profile(
        display_name="Banned", her2_status="positive", her2_status_visibility=SHARED
    )
    User.objects.filter(pk=banned.pk).update(is_active=False)
    member_erase(user=UserFactory.create(display_name="Gone"))

    ranked = members_ranked_by_shared_facts(viewer=viewer)

    assert _names(ranked) == ["Here"]


def test_members_ranked_by_shared_facts_gives_a_visitor_nothing():
    member_with_profile(display_name="Anna")

    assert list(members_ranked_by_shared_facts(viewer=AnonymousUser())) == []


def test_members_ranked_by_shared_facts_ranks_only_the_given_candidates_up_to_the_limit():
    viewer = _viewer(stage="3")
    for name in ("Ada", "Bo", "Cy"):
        member_with_profile(display_name=name, stage="3", stage_visibility=SHARED)
    member_with_profile(display_name="Dee", stage="3", stage_visibility=SHARED, role="partner")

    ranked = members_ranked_by_shared_facts(
        viewer=viewer, candidates=User.objects.exclude(display_name="Ada"), limit=2
    )

    assert _names(ranked) == ["Bo", "Cy"]


def test_members_ranked_by_shared_facts_costs_the_same_queries_for_any_number_of_members(
    django_assert_num_queries,
):
    viewer = _viewer(her2_status="positive", stage="2", treatments=("trastuzumab",))
    for index in range(12):
        member_with_profile(
            display_name=f"Member {index}",
            her2_status="positive",
            her2_status_visibility=SHARED,
            treatments=("trastuzumab",),
            treatments_visibility=SHARED,
        )

    # the viewer's profile, her treatments, then the one ranked query
    with django_assert_num_queries(3):
        ranked = list(members_ranked_by_shared_facts(viewer=viewer))

    assert {shared_fact_count(m) for m in ranked} == {2}


def test_facts_shared_with_names_only_matching_facts_the_member_shares():
    viewer = _viewer(
        her2_status="positive",
        hormone_status="negative",
        stage="2",
        region="Leeds",
        treatments=("trastuzumab",),
    )
    other = member_with_profile(
        her2_status="positive",
        her2_status_visibility=SHARED,
        hormone_status="negative",
        hormone_status_visibility=SHARED,
        stage="2",
        stage_visibility=PRIVATE,
        region="LEEDS",
        region_visibility=SHARED,
        treatments=("trastuzumab",),
        treatments_visibility=SHARED,
    )

    shared = facts_shared_with(
        facts=member_facts_of(member=viewer), profile=Profile.objects.get(user=other)
    )

    assert shared == ["HER2-positive", "Hormone receptor-negative", "Trastuzumab", "LEEDS"]
