"""Signing in the way staff do: allauth's real login, with or without the TOTP step."""

import time
from http import HTTPStatus

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD


def totp_activate(user: User) -> str:
    """Turn on TOTP (and recovery codes) for the account; returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now for this secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login_with_password(client: Client, user: User) -> str:
    """allauth's login form with the password; returns where it sends the member next."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == HTTPStatus.FOUND, response.status_code
    return str(response["Location"])


def login_with_second_factor(client: Client, user: User, secret: str) -> None:
    """The password, then allauth's `mfa_authenticate` step with a real TOTP code."""
    assert login_with_password(client, user) == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == HTTPStatus.FOUND, response.status_code
    assert response["Location"] != reverse("mfa_authenticate")


def login_password_only_then_totp_on(client: Client, user: User) -> str:
    """A session that passed the password alone on an account that now has TOTP: what a
    session from before the staff member turned two-factor on looks like."""
    login_with_password(client, user)
    return totp_activate(user)
