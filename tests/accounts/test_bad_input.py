"""Every accounts form answers bad input with a form error, never a 500.

Runs on SQLite by default and on PostgreSQL when DATABASE_URL points there (NUL bytes crash
PostgreSQL text columns unless the form rejects them first).
"""

from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.models import Profile
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

BAD = {
    "empty": "",
    "long": "x" * 10_000,
    "nul": "Heron\x00Blue",
    "emoji": "\U0001f49c\U0001f49c",
    "script": "<script>alert(1)</script>",
}

SETTINGS_DEFAULTS = {
    "role_visibility": "members",
    "bio_visibility": "members",
    "bad_day_answer_visibility": "members",
    "diagnosis_type_visibility": "me",
    "year_diagnosed_visibility": "me",
    "her2_status_visibility": "me",
    "hormone_status_visibility": "me",
    "stage_visibility": "me",
    "treatments_visibility": "me",
    "age_range_visibility": "me",
    "region_visibility": "me",
}

# (url name, fields that get the bad value, fixed fields, needs login)
FORMS = {
    "signup": (
        "account_signup",
        ["email", "password1", "password2", "display_name"],
        {},
        False,
    ),
    "login": ("account_login", ["login", "password"], {}, False),
    "password_reset": ("account_reset_password", ["email"], {}, False),
    "settings": (
        "accounts:settings",
        [
            "display_name",
            "bio",
            "bad_day_answer",
            "region",
            "year_diagnosed",
            "current_treatments",
            "past_treatments",
        ],
        SETTINGS_DEFAULTS,
        True,
    ),
    "delete": ("accounts:delete", ["password"], {}, True),
    "email_add": ("account_email", ["email"], {"action_add": ""}, True),
    "password_change": (
        "account_change_password",
        ["oldpassword", "password1", "password2"],
        {},
        True,
    ),
}


def _errors(response) -> bool:
    context = response.context
    if context is None:
        return False
    form = context.get("form")
    return bool(form is not None and form.errors)


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
@pytest.mark.parametrize("form_name", FORMS.keys())
def test_accounts_form_bad_input_is_a_form_error_never_500(client, member, form_name, value):
    url_name, fields, fixed, needs_login = FORMS[form_name]
    if needs_login:
        client.force_login(member)
    data = {**fixed, **dict.fromkeys(fields, value)}

    response = client.post(reverse(url_name), data)

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    assert _errors(response), f"{form_name} accepted {value[:20]!r}"
    member.refresh_from_db()
    assert member.erased_at is None
    assert member.check_password(TEST_PASSWORD)


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
def test_settings_bad_input_keeps_what_the_member_typed(member_client, value):
    response = member_client.post(
        reverse("accounts:settings"),
        {**SETTINGS_DEFAULTS, "display_name": "Kind Heron", "bio": "Kept text", "region": value},
    )

    if value in (BAD["empty"], BAD["emoji"], BAD["script"]):
        # Valid for a region; the save goes through.
        assert response.status_code == HTTPStatus.FOUND
    else:
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "region" in response.context["form"].errors
        assert "Kept text" in response.content.decode()


@pytest.mark.parametrize("value", BAD.values(), ids=BAD.keys())
def test_directory_bad_filter_input_never_500(member_client, value):
    response = member_client.get(
        reverse("members:directory"), {"region": value, "stage": value, "treatment": value}
    )

    assert response.status_code == HTTPStatus.OK
    if value:
        assert response.context["form"].errors


@pytest.mark.parametrize("pk", ["99999999999999999999", "-1", "1.5", "abc"])
def test_settings_treatment_ids_out_of_range_are_form_errors(member_client, pk):
    response = member_client.post(
        reverse("accounts:settings"),
        {**SETTINGS_DEFAULTS, "display_name": "Kind Heron", "past_treatments": pk},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "past_treatments" in response.context["form"].errors


@pytest.mark.postgres
def test_settings_nul_bytes_are_rejected_before_reaching_postgresql(member_client, member):
    response = member_client.post(
        reverse("accounts:settings"),
        {**SETTINGS_DEFAULTS, "display_name": "Kind Heron", "bio": "a\x00b"},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "bio" in response.context["form"].errors
    assert Profile.objects.get(user=member).bio == ""
