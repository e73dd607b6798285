"""Property-based fuzzing of every form the main pages offer: never a server error.

Forms are discovered from the rendered pages (visitor and member), so a new form is fuzzed
without anyone listing it. Each example runs in a rolled-back savepoint with a clear cache.
"""

from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.site_pages import MAIN_PAGES, world_seed

from .forms import Form, forms_on

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "x" * 10_000,
        "😀🎗️💗" * 50,
        "<script>alert(1)</script>",
        "'; DROP TABLE accounts_user; --",
        "../../etc/passwd",
        "%00%0d%0a",
        "\u202e\u200b\ufeff",
        "https://evil.example/",
        "-1",
        "99999999999999999999",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=300), st.text(alphabet="\x00<>&\"'😀 a", max_size=50))
MAX_EXAMPLES = 12


def _discover(world: Any) -> list[tuple[str, Form]]:
    """Every distinct form on the main pages, with the role that sees it."""
    seen: dict[str, tuple[str, Form]] = {}
    for site_page in MAIN_PAGES:
        path, _ = site_page.url_or_reason(world)
        if path is None:
            continue
        client = Client()
        role = "member" if site_page.member else "anonymous"
        if site_page.member:
            client.force_login(world.member)
        response = client.get(path)
        if response.status_code != 200:
            continue
        for form in forms_on(response.content.decode(), path.split("?")[0]):
            seen.setdefault(f"{role} {form.key}", (role, form))
    return list(seen.values())


def test_fuzz_discovers_forms(db: None) -> None:
    forms = _discover(world_seed())

    actions = {form.action for _, form in forms}

    assert "/text-size/" in actions
    assert "/accounts/login/" in actions


def test_fuzz_every_form_never_answers_a_server_error(db: None, subtests: Any) -> None:
    world = world_seed()
    for role, form in _discover(world):
        with subtests.test(msg=f"{role} {form.key}"):
            _fuzz_form(form, world.member if role == "member" else None)


def _fuzz_form(form: Form, user: Any) -> None:
    fields = sorted(form.names)

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.fixed_dictionaries(dict.fromkeys(fields, TEXT)))
    def fuzz(data: dict[str, str]) -> None:
        cache.clear()  # rate limits would turn later examples into quick 429s
        client = Client(raise_request_exception=False)
        with transaction.atomic():
            if user is not None:
                client.force_login(user)
            if form.method == "GET":
                response = client.get(form.action, data)
            else:
                response = client.post(form.action, data)
            transaction.set_rollback(True)
        assert response.status_code < 500, f"{form.key} with {data!r}: {response.status_code}"

    fuzz()


@pytest.mark.parametrize("value", ["a\x00b", "x" * 10_000, "<script>alert(1)</script>", "😀"])
def test_fuzz_search_query_never_errors(db: None, client: Client, value: str) -> None:
    response = client.get("/search/", {"q": value})

    assert response.status_code < 500
