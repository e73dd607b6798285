"""/accounts/settings/: profile, visibility, health-data consent, preferences."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.forms import SettingsForm
from accounts.models import HealthDataConsent, Profile, Visibility
from tests.factories import UserFactory, treatment

pytestmark = pytest.mark.django_db

URL = "/accounts/settings/"


def _form(**overrides):
    data = {
        "display_name": "Quiet Heron",
        "role": "living_with",
        "role_visibility": "members",
        "bio": "Three weeks into treatment.",
        "bio_visibility": "members",
        "bad_day_answer": "I walk by the river.",
        "bad_day_answer_visibility": "members",
        "diagnosis_type": "",
        "diagnosis_type_visibility": "me",
        "year_diagnosed": "",
        "year_diagnosed_visibility": "me",
        "her2_status": "",
        "her2_status_visibility": "me",
        "hormone_status": "",
        "hormone_status_visibility": "me",
        "stage": "",
        "stage_visibility": "me",
        "treatments_visibility": "me",
        "age_range": "40s",
        "age_range_visibility": "me",
        "region": "Ohio",
        "region_visibility": "members",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_settings_url_name_and_login_required(client):
    response = client.get(reverse("accounts:settings"))

    assert reverse("accounts:settings") == URL
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/accounts/settings/" in response["Location"]


def test_settings_page_shows_form_and_preview(member_client):
    response = member_client.get(URL)

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "What other members see" in content
    assert 'name="health_consent"' in content
    assert "more_email_preferences" not in content  # the include point renders nothing


def test_settings_save_profile_and_preferences(member_client, member):
    response = member_client.post(URL, _form(prefers_larger_text="on"))

    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    profile = Profile.objects.get(user=member)
    assert member.display_name == "Quiet Heron"
    assert member.prefers_larger_text is True
    assert profile.role == "living_with"
    assert profile.region == "Ohio"
    assert response.cookies["text_size"].value == "large"


def test_settings_health_details_without_consent_are_refused_and_kept_in_form(
    member_client, member
):
    response = member_client.post(URL, _form(her2_status="positive", stage="2"))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "health_consent" in response.context["form"].errors
    assert 'value="positive" selected' in response.content.decode()
    profile = Profile.objects.get(user=member)
    assert profile.her2_status == ""
    assert not HealthDataConsent.objects.filter(user=member).exists()


def test_settings_health_details_with_consent_are_stored_private_by_default(member_client, member):
    response = member_client.post(
        URL,
        _form(
            health_consent="on",
            her2_status="positive",
            stage="2",
            year_diagnosed="2024",
            current_treatments=[treatment("trastuzumab").pk],
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    profile = Profile.objects.get(user=member)
    assert profile.her2_status == "positive"
    assert profile.year_diagnosed == 2024
    assert profile.her2_status_visibility == Visibility.ONLY_ME
    assert [t.slug for t in profile.current_treatments.all()] == ["trastuzumab"]
    consent = HealthDataConsent.objects.get(user=member)
    assert consent.wording_version
    assert consent.withdrawn_at is None


def test_settings_unticking_consent_withdraws_it_and_erases_health_details(member_client, member):
    member_client.post(
        URL,
        _form(
            health_consent="on",
            her2_status="positive",
            her2_status_visibility="members",
            current_treatments=[treatment("trastuzumab").pk],
        ),
    )

    response = member_client.post(
        URL, _form(her2_status="positive", current_treatments=[treatment("trastuzumab").pk])
    )

    assert response.status_code == HTTPStatus.FOUND
    profile = Profile.objects.get(user=member)
    assert profile.her2_status == ""
    assert profile.her2_status_visibility == Visibility.ONLY_ME
    assert profile.current_treatments.count() == 0
    assert HealthDataConsent.objects.get(user=member).withdrawn_at is not None
    assert profile.region == "Ohio"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Moderator Maya", "staff or moderator account"),
        ("MyBCTeam Support", "staff or moderator account"),
        ("hopeful  heron", "Another member already uses that name"),
    ],
)
def test_settings_refuses_impersonating_names_and_keeps_what_was_typed(
    member_client, member, name, message
):
    UserFactory.create(display_name="Hopeful Heron")
    before = member.display_name

    response = member_client.post(URL, _form(display_name=name))

    member.refresh_from_db()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in str(response.context["form"].errors["display_name"])
    assert "Three weeks into treatment." in response.content.decode()
    assert member.display_name == before


def test_settings_keeps_own_name_in_another_spelling(member_client, member):
    member.display_name = "Quiet Heron"
    member.save(update_fields=["display_name"])

    response = member_client.post(URL, _form(display_name="Quiet-Heron"))

    member.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert member.display_name == "Quiet-Heron"


def test_settings_year_out_of_range_is_a_form_error(member_client):
    response = member_client.post(URL, _form(health_consent="on", year_diagnosed="1800"))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "year_diagnosed" in response.context["form"].errors


def test_settings_preview_shows_only_fields_shared_with_members(member_client):
    member_client.post(URL, _form(health_consent="on", her2_status="positive", age_range="40s"))

    response = member_client.get(URL)

    preview = response.context["preview"]
    names = {item.name for item in preview}
    assert "region" in names
    assert "bio" in names
    assert "her2_status" not in names
    assert "age_range" not in names


def test_settings_page_runs_bounded_queries(member_client, django_assert_max_num_queries):
    member_client.post(
        URL,
        _form(
            health_consent="on",
            current_treatments=[treatment("trastuzumab").pk, treatment("pertuzumab").pk],
            past_treatments=[treatment("tchp").pk],
        ),
    )

    with django_assert_max_num_queries(18):
        response = member_client.get(URL)

    assert response.status_code == HTTPStatus.OK


# --- Sections: short, closed until asked for; an error is never hidden in a closed one ---


def _open_sections(html: str) -> list[str]:
    return re.findall(r'<details class="card settings-section" id="(\w+)" open>', html)


def test_settings_sections_start_closed_and_hold_every_setting(member_client):
    response = member_client.get(URL)

    html = response.content.decode()
    assert _open_sections(html) == []
    assert re.findall(r'class="card settings-section" id="(\w+)"', html) == [
        "name",
        "about",
        "health",
        "activities",
        "email",
        "reading",
        "notifications",
        "account",
    ]
    for name in SettingsForm.base_fields:
        assert f'name="{name}"' in html


def test_settings_section_asked_for_in_the_address_opens(member_client):
    response = member_client.get(URL, {"section": "health"})

    assert _open_sections(response.content.decode()) == ["health"]


def test_settings_error_opens_the_section_that_holds_it(member_client):
    response = member_client.post(URL, _form(health_consent="on", year_diagnosed="1800"))

    assert _open_sections(response.content.decode()) == ["health"]


def test_settings_save_from_a_section_returns_to_it_open(member_client, member):
    response = member_client.post(URL, _form(section="about", bio="Gardening again."))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{URL}?section=about#about"
    assert Profile.objects.get(user=member).bio == "Gardening again."


def test_settings_save_ignores_an_unknown_section(member_client):
    response = member_client.post(URL, _form(section="javascript:alert(1)"))

    assert response["Location"] == URL


def test_settings_empty_selects_say_prefer_not_to_say(member_client):
    html = member_client.get(URL).content.decode()

    assert "---------" not in html
    assert '<option value="" selected>Prefer not to say</option>' in html


def test_settings_treatment_lists_name_what_is_ticked_when_closed(member_client):
    member_client.post(
        URL, _form(health_consent="on", current_treatments=[treatment("trastuzumab").pk])
    )

    html = member_client.get(URL).content.decode()

    assert re.search(
        r"Current treatments</span>\s*<span class=\"settings-hint\">Trastuzumab<", html
    )
    assert re.search(r"Past treatments</span>\s*<span class=\"settings-hint\">None chosen<", html)


def test_settings_treatment_list_with_a_huge_id_is_a_form_error_not_a_crash(member_client):
    response = member_client.post(
        URL, _form(health_consent="on", current_treatments=["9" * 40, "x"])
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert _open_sections(response.content.decode()) == ["health"]


def test_settings_bio_over_the_limit_is_kept_and_explained_never_cut(member_client, member):
    pasted = "I found it helped to write things down. " * 30  # 1,200 characters

    response = member_client.post(URL, _form(bio=pasted))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f"Please shorten this to 1000 characters (it has {len(pasted.strip())} now)." in html
    assert pasted.strip() in html
    assert 'data-maxlength="1000"' in html
    assert 'maxlength="1000"' not in html.replace('data-maxlength="1000"', "")
    assert "Up to 1,000 characters." in html
    assert Profile.objects.get(user=member).bio == ""
