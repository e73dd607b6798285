"""Every reachable allauth page wears the site's layout; none is allauth's unstyled default."""

import time
from http import HTTPStatus

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import is_mfa_enabled
from django.core import mail
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def assert_site_page(response) -> None:
    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK, response.status_code
    assert 'class="site-header"' in content
    assert "css/site.css" in content
    assert "<h1" in content
    assert "Menu:" not in content  # allauth's own layout
    assert "<script>" not in content  # no inline scripts (CSP)


def _login(client, user):
    """A real login, so allauth records the authentication time (no reauthentication)."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND
    return response


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/1-bad-key/",
        "/accounts/confirm-email/",
        "/accounts/confirm-email/not-a-real-key/",
        "/accounts/inactive/",
    ],
)
def test_allauth_anonymous_pages_use_site_layout(client, path):
    response = client.get(path, follow=True)

    assert_site_page(response)


@pytest.mark.parametrize(
    "url_name",
    [
        "account_email",
        "account_change_password",
        "account_logout",
        "account_reauthenticate",
        "account_request_reauthentication_code",
        "mfa_index",
        "mfa_activate_totp",
    ],
)
def test_allauth_member_pages_use_site_layout(client, member, url_name):
    _login(client, member)

    response = client.get(reverse(url_name), follow=True)

    assert_site_page(response)


def test_allauth_password_set_page_for_member_without_password(client, member):
    member.set_unusable_password()
    member.save()
    client.force_login(member)

    response = client.get(reverse("account_set_password"), follow=True)

    assert_site_page(response)


def test_allauth_reauthentication_page_when_login_is_old(client, member):
    client.force_login(member)

    response = client.get(reverse("mfa_activate_totp"), follow=True)

    assert_site_page(response)
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))


@pytest.fixture
def member_with_totp(member):
    secret = generate_totp_secret()
    TOTP.activate(member, secret)
    RecoveryCodes.activate(member)
    return member, secret


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_mfa_login_asks_for_code_on_site_page_then_manages_codes(client, member_with_totp):
    member, secret = member_with_totp

    first_step = _login(client, member)
    code_page = client.get(first_step["Location"])
    assert_site_page(code_page)
    assert "Your code, please" in code_page.content.decode()
    assert "Sign In" not in code_page.content.decode()
    assert first_step["Location"] == reverse("mfa_authenticate")
    done = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert done.status_code == HTTPStatus.FOUND

    for url_name in (
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_deactivate_totp",
    ):
        assert_site_page(client.get(reverse(url_name), follow=True))


def test_mfa_activate_totp_with_valid_code(client, member, django_capture_on_commit_callbacks):
    _login(client, member)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert_site_page(page)
    secret = page.context["form"].secret

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})

    assert response.status_code == HTTPStatus.FOUND
    assert is_mfa_enabled(member)
    assert "Two-factor authentication is on" in [m.subject for m in mail.outbox]


def test_allauth_confirm_email_bad_key_explains_on_site_page(client):
    response = client.get("/accounts/confirm-email/expired-or-wrong/")

    assert_site_page(response)
