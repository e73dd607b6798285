"""The three README screenshots: home, an article with its comments, a question.

They are written to docs/screenshots/ when MYBC_SCREENSHOTS=1 (then committed by hand):
    MYBC_SCREENSHOTS=1 .venv/bin/python -m pytest tests/e2e/test_screenshots.py
Otherwise the same pages are shot into a temporary folder, so CI still proves they render.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}


def test_readme_screenshots(
    new_context: Callable[..., Any], logged_in_page: Callable[..., Any], tmp_path: Path
) -> None:
    world = world_seed()
    folder = DOCS if os.environ.get("MYBC_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    visitor = new_context(viewport=VIEWPORT).new_page()
    member = logged_in_page(world.member, viewport=VIEWPORT)

    visitor.goto("/")
    visitor.screenshot(path=str(folder / "home.png"))
    member.goto(world.article.get_absolute_url())
    member.locator("#comments").scroll_into_view_if_needed()
    member.evaluate("document.querySelector('#comments').scrollIntoView({block: 'start'})")
    member.screenshot(path=str(folder / "article-comments.png"))
    member.goto(world.question.get_absolute_url())
    member.screenshot(path=str(folder / "question.png"))

    shots = sorted(p.name for p in folder.glob("*.png"))
    assert shots == ["article-comments.png", "home.png", "question.png"]
    assert all((folder / name).stat().st_size > 10_000 for name in shots)
