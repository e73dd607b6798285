"""Admin: staff need two-factor when STAFF_REQUIRE_2FA; moderators never see "only me" fields."""

from http import HTTPStatus

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.models import Visibility
from tests.factories import UserFactory

from .factories import member_with_profile
from .two_factor import (
    login_password_only_then_totp_on,
    login_with_second_factor,
    totp_activate,
    totp_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory.create(is_staff=True)


@pytest.fixture
def superuser():
    return UserFactory.create(is_staff=True, is_superuser=True)


def test_staff_without_two_factor_is_sent_to_totp_setup(client, staff, settings):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_two_factor_in_the_session_reaches_admin(client, staff, settings):
    settings.STAFF_REQUIRE_2FA = True
    login_with_second_factor(client, staff, totp_activate(staff))

    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("session", ["password only", "force_login"])
def test_staff_with_two_factor_on_but_not_in_the_session_is_asked_for_the_code(
    client, staff, settings, session
):
    settings.STAFF_REQUIRE_2FA = True
    if session == "password only":
        login_password_only_then_totp_on(client, staff)
    else:
        Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
        client.force_login(staff)

    response = client.get("/admin/moderation/moderationcase/?o=1")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == (
        reverse("mfa_reauthenticate") + "?next=%2Fadmin%2Fmoderation%2Fmoderationcase%2F%3Fo%3D1"
    )


def test_staff_entering_the_code_on_the_reauthentication_step_reaches_admin(
    client, staff, settings
):
    settings.STAFF_REQUIRE_2FA = True
    secret = login_password_only_then_totp_on(client, staff)
    step = client.get("/admin/")["Location"]

    entered = client.post(step, {"code": totp_code(secret)})

    assert entered.status_code == HTTPStatus.FOUND
    assert entered["Location"] == "/admin/"
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_staff_wrong_code_on_the_reauthentication_step_stays_out_of_admin(client, staff, settings):
    settings.STAFF_REQUIRE_2FA = True
    login_password_only_then_totp_on(client, staff)
    step = client.get("/admin/")["Location"]

    client.post(step, {"code": "000000"})

    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_staff_two_factor_not_required_when_setting_off(client, staff, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.OK


def test_admin_anonymous_goes_through_allauth_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


@pytest.fixture
def private_profile():
    return member_with_profile(
        role="partner",
        role_visibility=Visibility.MEMBERS,
        bio="Private musings here.",
        bio_visibility=Visibility.ONLY_ME,
        her2_status="positive",
        her2_status_visibility=Visibility.MEMBERS,
        region="Kent",
        region_visibility=Visibility.MEMBERS,
    )


def test_profile_admin_moderator_sees_no_health_or_only_me_fields(
    client, staff, private_profile, settings
):
    settings.STAFF_REQUIRE_2FA = False
    staff.user_permissions.add(Permission.objects.get(codename="view_profile"))
    client.force_login(staff)
    url = reverse("admin:accounts_profile_change", args=[private_profile.profile.pk])

    response = client.get(url)

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Kent" in content
    assert "Private musings" not in content
    assert "HER2" not in content
    assert "her2_status" not in content


def test_profile_admin_superuser_sees_health_fields(client, superuser, private_profile, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(superuser)
    url = reverse("admin:accounts_profile_change", args=[private_profile.profile.pk])

    response = client.get(url)

    content = response.content.decode()
    assert "Private musings" in content
    assert "her2_status" in content


def test_user_admin_search_by_email_and_display_name(client, superuser, settings):
    settings.STAFF_REQUIRE_2FA = False
    UserFactory.create(email="findme@example.com", display_name="Lantern Fox")
    client.force_login(superuser)

    by_email = client.get(reverse("admin:accounts_user_changelist"), {"q": "findme@"})
    by_name = client.get(reverse("admin:accounts_user_changelist"), {"q": "Lantern"})

    assert "Lantern Fox" in by_email.content.decode()
    assert "findme@example.com" in by_name.content.decode()


def test_user_admin_change_page_shows_no_password_hash(client, superuser, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(superuser)

    response = client.get(reverse("admin:accounts_user_change", args=[superuser.pk]))

    assert response.status_code == HTTPStatus.OK
    assert superuser.password not in response.content.decode()


def test_consent_admin_is_read_only(client, superuser, private_profile, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(superuser)
    consent = private_profile.health_consents.get()

    response = client.post(
        reverse("admin:accounts_healthdataconsent_change", args=[consent.pk]),
        {"wording_version": "forged"},
    )

    consent.refresh_from_db()
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.OK)
    assert consent.wording_version != "forged"
