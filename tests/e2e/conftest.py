"""Real-browser fixtures: one Chromium per session, a fresh context per test, a live server.

Debian's Chromium is driven through Playwright's sync API; no browser is ever downloaded.
Tests here run on the live server of pytest-django (127.0.0.1, in this process), so emails
land in `django.core.mail.outbox` and Celery tasks run in-process (see tests/conftest.py).
A failing test leaves a screenshot and the page HTML under tests/e2e/artifacts/.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# Generous for a 2-core CI machine; a healthy page answers in well under a second.
TIMEOUT_MS = 15_000


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep the last page of a failing browser test: a full-page screenshot and its HTML."""
    outcome: Any = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    pages = getattr(item, "_e2e_pages", [])
    if not pages:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])[:120]
    for index, page in enumerate(pages):
        if page.is_closed():
            continue
        name = f"{stem}-{index}" if index else stem
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as exc:  # the report must not hide the original failure
            report.sections.append(("e2e artifacts", f"could not save artifacts: {exc}"))
        else:
            report.sections.append(("e2e artifacts", f"saved {ARTIFACTS / name}.png and .html"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django's ORM calls made here
    # are still plain synchronous calls, so its async-safety guard does not apply to them.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(
    request: pytest.FixtureRequest, browser: Any, live_server: Any
) -> Iterator[Callable[..., Any]]:
    """Make browser contexts (JavaScript on or off, any viewport); every page is tracked."""
    contexts: list[Any] = []
    pages: list[Any] = []
    csp_violations: list[str] = []
    request.node._e2e_pages = pages

    def make(*, java_script_enabled: bool = True, viewport: dict[str, int] | None = None) -> Any:
        context = browser.new_context(
            base_url=live_server.url,
            java_script_enabled=java_script_enabled,
            viewport=viewport or DESKTOP,
            # axe-core is evaluated as page script; our own CSP (no inline script) stays on
            # for the page itself because evaluate() does not go through CSP.
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.on("page", lambda new_page: _watch(new_page, pages, csp_violations))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    # Our CSP forbids inline script and style: the browser reports anything it had to block.
    assert not csp_violations, f"the browser blocked content under our CSP: {csp_violations}"


def _watch(page: Any, pages: list[Any], csp_violations: list[str]) -> None:
    pages.append(page)

    def on_console(message: Any) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            csp_violations.append(f"{page.url}: {message.text[:300]}")

    page.on("console", on_console)


@pytest.fixture
def page(new_context: Callable[..., Any]) -> Any:
    """A page in a fresh JavaScript-enabled desktop context."""
    return new_context().new_page()


def log_in(context: Any, user: Any, live_server_url: str) -> None:
    """Give a browser context a logged-in session for `user`, as the login form would."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server_url}]
    )


@pytest.fixture
def logged_in_page(new_context: Callable[..., Any], live_server: Any) -> Callable[..., Any]:
    """Open a page whose context is logged in as the given member."""

    def make(user: Any, **context_options: Any) -> Any:
        context = new_context(**context_options)
        log_in(context, user, live_server.url)
        return context.new_page()

    return make
