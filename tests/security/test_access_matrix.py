"""The access matrix: every route x six viewers x {GET, POST}, generated from the URLconf."""

from http.cookies import SimpleCookie
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from .conftest import Objects
from .routes import ROLES, Route, admin_kwargs, expectation, outcome_matches, routes

ALL_ROUTES = list(routes())
ADMIN_ROLES = ("anonymous", "member", "moderator", "editor")


def test_access_matrix_every_route_has_an_expectation() -> None:
    missing = [r.key for r in ALL_ROUTES if expectation(r) is None]
    unnamed = [r.pattern for r in ALL_ROUTES if not r.name and not r.is_admin]

    assert not unnamed, f"give these routes a name so the matrix can address them: {unnamed}"
    assert not missing, (
        f"routes without an access expectation (add them to tests/security/routes.py): {missing}"
    )


def _url(route: Route, objects: Objects) -> str:
    expect = expectation(route)
    assert expect is not None
    kwargs = admin_kwargs(route) if route.is_admin else expect.kwargs(objects)
    return reverse(route.name, kwargs=kwargs)


def test_access_matrix_every_route_meets_its_expectation(objects: Objects, subtests: Any) -> None:
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
    # Admin pages treat every non-staff member alike; three viewers stand for the six there.
    roles = ADMIN_ROLES if route.is_admin else ROLES
    for role in roles:
        for method in ("GET", "POST"):
            wanted = expect.outcome(method, role)
            status, location, headers = viewers.request(role, method, url)
            if not outcome_matches(wanted, status, location):
                failures.append(
                    f"  {role:<12} {method:<4} wanted {wanted}, got {status} {location}"
                )
            if headers:
                failures.append(f"  {role:<12} {method:<4} security headers: {headers}")
    return failures


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
                client.force_login(user)
            self.cookies[role] = SimpleCookie(client.cookies.output(header="", sep=";"))

    def request(self, role: str, method: str, url: str) -> tuple[int, str, str]:
        client = Client(raise_request_exception=False)
        client.cookies = SimpleCookie(self.cookies[role].output(header="", sep=";"))
        with transaction.atomic():
            response = client.get(url) if method == "GET" else client.post(url, {})
            transaction.set_rollback(True)
        return response.status_code, response.get("Location", ""), _header_problems(response)
