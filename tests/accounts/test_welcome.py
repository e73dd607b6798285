"""The welcome flow: steps, skipping, resuming, bad input, and what each step saves."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.models import HealthDataConsent, Profile, Visibility
from accounts.welcome import (
    member_interests,
    members_like_me_query,
    topics_for_profile,
    welcome_finish,
    welcome_pending,
    welcome_resume_step,
    welcome_step_reach,
)
from tests.factories import TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


HEALTH_VISIBILITIES = {
    f"{name}_visibility": "me"
    for name in ("diagnosis_type", "year_diagnosed", "her2_status", "hormone_status", "stage")
} | {"treatments_visibility": "me"}


def _step(name: str) -> str:
    return reverse("accounts:welcome_step", kwargs={"step": name})


def test_welcome_step_reach_moves_only_forward(member):
    welcome_step_reach(user=member, step="health")
    welcome_step_reach(user=member, step="role")

    member.refresh_from_db()
    assert member.welcome_step == "health"
    assert welcome_resume_step(user=member) == "health"


def test_welcome_finish_is_idempotent_and_ends_the_prompt(member):
    assert welcome_pending(user=member)

    welcome_finish(user=member)
    first = member.welcome_done_at
    welcome_finish(user=member)

    assert not welcome_pending(user=member)
    assert member.welcome_done_at == first


def test_welcome_view_resumes_at_the_step_reached(member_client, member):
    welcome_step_reach(user=member, step="review")

    response = member_client.get(reverse("accounts:welcome"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == _step("review")


def test_welcome_view_needs_login(client):
    response = client.get(reverse("accounts:welcome"))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_welcome_step_view_unknown_step_is_404(member_client):
    assert member_client.get(_step("nope")).status_code == HTTPStatus.NOT_FOUND


def test_welcome_role_step_saves_role_and_visibility_then_goes_on(member_client, member):
    response = member_client.post(
        _step("role"), {"role": Profile.Role.PARTNER, "role_visibility": Visibility.ONLY_ME}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == _step("health")
    profile = Profile.objects.get(user=member)
    assert profile.role == Profile.Role.PARTNER
    assert profile.role_visibility == Visibility.ONLY_ME


def test_welcome_role_step_refuses_unknown_role_kindly_and_saves_nothing(member_client, member):
    response = member_client.post(
        _step("role"), {"role": "<script>x</script>", "role_visibility": "members"}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    content = response.content.decode()
    assert "Please pick one of the answers below." in content
    assert "<script>x" not in content
    assert Profile.objects.get(user=member).role == ""


def test_welcome_skip_goes_on_without_saving(member_client, member):
    response = member_client.post(
        _step("role"), {"role": Profile.Role.FRIEND, "role_visibility": "members", "skip": "1"}
    )

    assert response["Location"] == _step("health")
    assert Profile.objects.get(user=member).role == ""


def test_welcome_finish_later_keeps_the_place_and_the_prompt(member_client, member):
    member_client.get(_step("health"))

    response = member_client.post(_step("health"), {"later": "1"})

    assert response["Location"] == reverse("home")
    member.refresh_from_db()
    assert member.welcome_step == "health"
    assert welcome_pending(user=member)


def test_welcome_health_step_reuses_settings_fields_and_needs_consent(member_client, member):
    page = member_client.get(_step("health")).content.decode()
    assert 'name="her2_status_visibility"' in page
    assert 'name="display_name"' not in page  # only this step's fields

    refused = member_client.post(
        _step("health"),
        {**HEALTH_VISIBILITIES, "her2_status": "positive", "her2_status_visibility": "members"},
    )
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "please tick this box first" in refused.content.decode()
    assert 'value="positive" selected' in refused.content.decode()  # kept what she chose

    saved = member_client.post(
        _step("health"),
        {
            **HEALTH_VISIBILITIES,
            "health_consent": "on",
            "her2_status": "positive",
            "her2_status_visibility": "members",
            "hormone_status": "negative",
        },
    )
    assert saved["Location"] == _step("review")
    profile = Profile.objects.get(user=member)
    assert (profile.her2_status, profile.her2_status_visibility) == ("positive", "members")
    assert HealthDataConsent.objects.filter(user=member, withdrawn_at__isnull=True).exists()


def test_welcome_health_step_keeps_role_untouched(member_client, member):
    Profile.objects.filter(user=member).update(role=Profile.Role.LIVING_WITH)

    member_client.post(
        _step("health"), {**HEALTH_VISIBILITIES, "health_consent": "on", "her2_status": "low"}
    )

    profile = Profile.objects.get(user=member)
    assert profile.role == Profile.Role.LIVING_WITH
    assert profile.her2_status == "low"


def test_welcome_review_step_explains_new_member_review(member_client, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24

    content = member_client.get(_step("review")).content.decode()

    assert "first 24 hours" in content
    assert "We email you when your post is published" in content


def test_welcome_last_step_links_guide_ask_and_members_like_her(member_client, member):
    her2 = TopicFactory.create(slug="her2-positive", name="HER2-positive breast cancer")
    Profile.objects.filter(user=member).update(
        her2_status="positive", role=Profile.Role.LIVING_WITH
    )

    content = member_client.get(_step("next")).content.decode()

    assert her2.get_absolute_url() in content
    assert reverse("forum:ask") in content
    assert "/members/?role=living_with&amp;her2_status=positive" in content
    member.refresh_from_db()
    assert not welcome_pending(user=member)  # seeing the last step finishes it


def test_welcome_dismiss_stops_the_prompt(member_client, member):
    response = member_client.post(reverse("accounts:welcome_dismiss"))

    assert response["Location"] == reverse("home")
    member.refresh_from_db()
    assert not welcome_pending(user=member)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"her2_status": "positive"}, "her2-positive"),
        ({"her2_status": "negative", "hormone_status": "negative"}, "triple-negative"),
        ({"hormone_status": "positive"}, "hormone-therapy"),
        ({"stage": "4", "her2_status": "positive"}, "metastatic-breast-cancer"),
        ({"role": "partner"}, "caregivers"),
        ({}, "diagnosis"),
    ],
)
def test_topics_for_profile_picks_the_guide_for_her_diagnosis(facts, expected):
    for slug in (
        "her2-positive",
        "triple-negative",
        "hormone-therapy",
        "metastatic-breast-cancer",
        "caregivers",
        "diagnosis",
    ):
        TopicFactory.create(slug=slug, name=slug)
    user = UserFactory.create()
    Profile.objects.filter(user=user).update(**facts)

    topics = topics_for_profile(Profile.objects.get(user=user))

    assert topics[0].slug == expected


def test_member_interests_bounded_queries(member, django_assert_max_num_queries):
    TopicFactory.create(slug="her2-positive", name="HER2")
    Profile.objects.filter(user=member).update(her2_status="positive")

    with django_assert_max_num_queries(3):
        interests = member_interests(user=member)

    assert [t.slug for t in interests.topics] == ["her2-positive"]


def test_members_like_me_query_uses_her_own_answers():
    profile = Profile(role="family", her2_status="unknown")

    assert members_like_me_query(profile) == "role=family"


@pytest.mark.parametrize(
    "year", ["<b>1999</b>", "1800", "9" * 10_000, "19\x0099", "\N{SMILING FACE WITH HALO}"]
)
def test_welcome_health_step_bad_year_is_refused_and_keeps_the_rest(member_client, member, year):
    response = member_client.post(
        _step("health"),
        {
            **HEALTH_VISIBILITIES,
            "health_consent": "on",
            "her2_status": "positive",
            "year_diagnosed": year,
        },
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    content = response.content.decode()
    assert "<b>1999</b>" not in content
    assert 'value="positive" selected' in content
    assert Profile.objects.get(user=member).her2_status == ""


def test_welcome_last_step_suggests_members_like_her_to_add_to_her_team(member_client, member):
    Profile.objects.filter(user=member).update(
        her2_status="positive", her2_status_visibility="members"
    )
    alike = UserFactory.create(display_name="Ines")
    Profile.objects.filter(user=alike).update(
        her2_status="positive", her2_status_visibility="members"
    )
    unlike = UserFactory.create(display_name="Paula")
    Profile.objects.filter(user=unlike).update(
        her2_status="negative", her2_status_visibility="members"
    )

    content = member_client.get(_step("next")).content.decode()

    assert "Members like you" in content
    assert reverse("activities:team_request", args=[alike.handle]) in content
    assert reverse("activities:team_request", args=[unlike.handle]) not in content


def test_welcome_last_step_links_to_sharing_a_treatment_experience(member_client):
    content = member_client.get(_step("next")).content.decode()

    assert reverse("treatments:my_experiences") in content
