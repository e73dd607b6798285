"""Security headers, CSRF on every state-changing route, no open redirects, production HSTS."""

import os
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import Objects
from .routes import CSRF_EXEMPT, NOT_ALLOWED, expectation, routes

ROOT = Path(__file__).resolve().parents[2]
EVIL = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example"]


def assert_security_headers(response: object, url: str) -> None:
    """The headers every response of ours carries."""
    csp = response.get("Content-Security-Policy", "")  # type: ignore[attr-defined]
    assert csp, f"{url}: no Content-Security-Policy"
    assert "unsafe-inline" not in csp, f"{url}: {csp}"
    assert "unsafe-eval" not in csp, f"{url}: {csp}"
    assert "frame-ancestors 'none'" in csp, f"{url}: {csp}"
    assert response.get("X-Content-Type-Options") == "nosniff", url  # type: ignore[attr-defined]
    assert response.get("Referrer-Policy"), url  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path", ["/", "/guidelines/", "/privacy/", "/accounts/login/", "/nowhere/"]
)
def test_security_headers_on_public_responses(db: None, client: Client, path: str) -> None:
    response = client.get(path)

    assert_security_headers(response, path)


def test_security_headers_on_member_pages(member_client: Client) -> None:
    response = member_client.get("/")

    assert_security_headers(response, "/")


def _state_changing_routes() -> list[str]:
    keys = []
    for route in routes():
        expect = expectation(route)
        if route.is_admin or expect is None or not route.name:
            continue
        if expect.outcome("POST", "member") != NOT_ALLOWED and route.key not in CSRF_EXEMPT:
            keys.append(route.key)
    return keys


def test_csrf_every_state_changing_route_refuses_a_post_without_token(objects: Objects) -> None:
    refused: list[str] = []
    accepted: list[str] = []
    for route in routes():
        if route.key not in _state_changing_routes():
            continue
        expect = expectation(route)
        assert expect is not None
        url = reverse(route.name, kwargs=expect.kwargs(objects))
        for user in (None, objects.viewers.member):
            client = Client(enforce_csrf_checks=True)
            if user is not None:
                client.force_login(user)

            response = client.post(url, {})

            (refused if response.status_code == HTTPStatus.FORBIDDEN else accepted).append(
                f"{route.key} as {'member' if user else 'visitor'}: {response.status_code}"
            )

    assert refused, "no state-changing route was found"
    assert not accepted, f"POST without a CSRF token was not refused: {accepted}"


@pytest.mark.parametrize("target", EVIL)
def test_login_next_to_another_site_is_refused(db: None, client: Client, target: str) -> None:
    user = UserFactory.create()

    response = client.post(
        f"/accounts/login/?next={target}", {"login": user.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == HTTPStatus.FOUND
    location = response["Location"]
    assert location.startswith("/"), location
    assert not location.startswith(("//", "/\\")), location


@pytest.mark.parametrize("target", EVIL)
def test_logout_next_to_another_site_is_refused(member_client: Client, target: str) -> None:
    response = member_client.post("/accounts/logout/", {"next": target})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/")
    assert "evil" not in response["Location"]


@pytest.mark.parametrize("target", EVIL)
def test_text_size_next_to_another_site_is_refused(client: Client, target: str) -> None:
    response = client.post("/text-size/", {"size": "large", "next": target})

    assert response["Location"] == "/"


def _production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 60 + "-production-like-key-for-tests-only",
        "DJANGO_ALLOWED_HOSTS": "mybcteam.example",
        "MESSAGES_ENCRYPTION_KEYS": "bWVzc2FnZXMta2V5LWZvci10ZXN0cy1vbmx5LTMyYiE=",
        "DJANGO_SETTINGS_MODULE": "mybcteam.settings",
    }
    return env


def test_production_settings_pass_check_deploy() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_responses_carry_hsts() -> None:
    script = (
        "import django; django.setup();"
        "from django.test import Client; from django.test.utils import setup_test_environment;"
        "setup_test_environment();"
        "r = Client().get('/robots.txt', secure=True, HTTP_HOST='mybcteam.example');"
        "print(r.status_code, r.get('Strict-Transport-Security', ''))"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    status, _, hsts = result.stdout.strip().partition(" ")
    assert status == "200", result.stdout
    assert "max-age=31536000" in hsts, hsts
    assert "includeSubDomains" in hsts, hsts
