"""XSS payloads through every text input, rendered back: the HTML stays inert."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from accounts.models import User
from tests.factories import UserFactory

from .inert import PAYLOADS, active_content


def test_inert_detector_finds_active_content() -> None:
    html = '<p onclick="x()">a</p><script>1</script><a href=" javascript:x()">b</a>'

    found = active_content(html)

    assert len(found) == 3, found


def test_inert_detector_accepts_our_own_scripts_and_escaped_text() -> None:
    html = '<script src="/static/vendor/htmx.min.js" defer></script><p>&lt;script&gt;</p>'

    assert active_content(html) == []


def _render_as(user: User, path: str) -> str:
    client = Client()
    client.force_login(user)
    return client.get(path).content.decode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_display_name_is_inert_in_the_header(db: None, payload: str) -> None:
    user = UserFactory.create(display_name=payload[:40])

    html = _render_as(user, "/")

    assert active_content(html) == []


# Text inputs of the content apps: (name, how to submit a payload, where it shows) are added
# in test_xss_inputs.py as the apps land; this list lets one test cover each of them.
TEXT_INPUTS: list[tuple[str, Callable[[Any, str], str]]] = []
