"""The access matrix: every route x eight viewers x {GET, POST}, generated from the URLconf."""

from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.models import User
from tests.accounts.two_factor import (
    login_password_only_then_totp_on,
    login_with_second_factor,
    totp_activate,
)

from .conftest import Objects
from .routes import (
    ANSWERED,
    AS_MEMBER,
    ROLES,
    STAFF,
    WITHOUT_SECOND_FACTOR,
    Route,
    admin_kwargs,
    expectation,
    outcome_matches,
    routes,
)

ALL_ROUTES = list(routes())
ADMIN_ROLES = ("anonymous", "member", "moderator", "editor", *WITHOUT_SECOND_FACTOR)


def test_access_matrix_every_route_has_an_expectation() -> None:
    missing = [r.key for r in ALL_ROUTES if expectation(r) is None]
    unnamed = [r.pattern for r in ALL_ROUTES if not r.name and not r.is_admin]

    assert not unnamed, f"give these routes a name so the matrix can address them: {unnamed}"
    assert not missing, (
        f"routes without an access expectation (add them to tests/security/routes.py): {missing}"
    )


def test_access_matrix_staff_without_second_factor_expected_as_an_ordinary_member() -> None:
    differing = [
        f"{route.key} {method} {role}"
        for route in ALL_ROUTES
        if not route.is_admin and (expect := expectation(route)) is not None
        for method in ("GET", "POST")
        for role in WITHOUT_SECOND_FACTOR
        if expect.outcome(method, role) != expect.outcome(method, AS_MEMBER)
    ]

    assert not differing, f"staff without a second factor must get what {AS_MEMBER} gets"


def _url(route: Route, objects: Objects) -> str:
    expect = expectation(route)
    assert expect is not None
    kwargs = admin_kwargs(route) if route.is_admin else expect.kwargs(objects)
    return reverse(route.name, kwargs=kwargs)


def test_access_matrix_every_route_meets_its_expectation(
    objects: Objects, subtests: Any, settings: Any
) -> None:
    settings.STAFF_REQUIRE_2FA = True
    logins = Logins(objects)
    for route in ALL_ROUTES:
        if expectation(route) is None or not route.name:
            continue  # reported by the test above
        with subtests.test(msg=route.key):
            try:
                url = _url(route, objects)
            except NoReverseMatch as exc:
                pytest.fail(f"{route.key}: the kwargs in routes.py do not fit the route ({exc})")
            failures = _check_route(route, url, objects, logins)
            assert not failures, f"{route.key} ({url}):\n" + "\n".join(failures)


def _check_route(route: Route, url: str, objects: Objects, viewers: "Logins") -> list[str]:
    expect = expectation(route)
    assert expect is not None
    failures = []
    # Admin pages treat every non-staff member alike; one member stands for the four there.
    roles = ADMIN_ROLES if route.is_admin else ROLES
    answers: dict[tuple[str, str], tuple[int, str]] = {}
    for role in roles:
        for method in ("GET", "POST"):
            wanted = expect.outcome(method, role)
            status, location, headers = viewers.request(role, method, url)
            answers[role, method] = (status, location)
            if not outcome_matches(wanted, status, location):
                failures.append(
                    f"  {role:<16} {method:<4} wanted {wanted}, got {status} {location}"
                )
            if headers:
                failures.append(f"  {role:<16} {method:<4} security headers: {headers}")
    if not route.is_admin:
        failures += _differences_from_a_member(expect, answers)
    return failures


def _differences_from_a_member(
    expect: Any, answers: dict[tuple[str, str], tuple[int, str]]
) -> list[str]:
    """Staff without the second factor get the very answer a member gets, status and Location.

    Flows allauth owns (ANSWERED) are left out: their answer follows the account's own
    authenticators (a moderator has TOTP to manage, the member none), not staff powers."""
    return [
        f"  {role:<16} {method:<4} got {answers[role, method]}, "
        f"{AS_MEMBER} got {answers[AS_MEMBER, method]}"
        for role in WITHOUT_SECOND_FACTOR
        for method in ("GET", "POST")
        if expect.outcome(method, AS_MEMBER) != ANSWERED
        and answers[role, method] != answers[AS_MEMBER, method]
    ]


def _header_problems(response: Any) -> str:
    """What is wrong with the security headers of a response, or an empty string."""
    csp = response.get("Content-Security-Policy", "")
    problems = []
    if "frame-ancestors 'none'" not in csp or "unsafe-inline" in csp:
        problems.append(f"CSP {csp!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return ", ".join(problems)


def _log_in(client: Client, role: str, user: User) -> None:
    """Staff sign in as they do in production; members need no more than force_login."""
    if role in STAFF:
        login_with_second_factor(client, user, totp_activate(user))
    elif role == "moderator_no_2fa":
        login_password_only_then_totp_on(client, user)
    else:  # members, and superuser_no_2fa: no two-factor on the account, none in the session
        client.force_login(user)


class Logins:
    """One logged-in session per viewer, made once; every request runs in a rolled-back
    savepoint and starts from the same cookies, so no request (not even a logout) changes
    what the next one sees."""

    def __init__(self, objects: Objects) -> None:
        self.cookies: dict[str, SimpleCookie] = {}
        for role in ROLES:
            client = Client()
            user = objects.viewers.user(role)
            if user is not None:
                _log_in(client, role, user)
            self.cookies[role] = SimpleCookie(client.cookies.output(header="", sep=";"))

    def request(self, role: str, method: str, url: str) -> tuple[int, str, str]:
        client = Client(raise_request_exception=False)
        client.cookies = SimpleCookie(self.cookies[role].output(header="", sep=";"))
        with transaction.atomic():
            response = client.get(url) if method == "GET" else client.post(url, {})
            transaction.set_rollback(True)
        return response.status_code, response.get("Location", ""), _header_problems(response)
