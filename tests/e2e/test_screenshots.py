"""The README screenshots: the main pages on a wide screen and on a phone.

They are written to docs/screenshots/ when MYBC_SCREENSHOTS=1 (then committed by hand):
    MYBC_SCREENSHOTS=1 .venv/bin/python -m pytest tests/e2e/test_screenshots.py
Otherwise the same pages are shot into a temporary folder, so CI still proves they render.
Each PNG is reduced to a 256-colour palette so the repository stays small.
"""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# A treatment with members' experiences and figures in the demo content.
TREATMENT = "/treatments/trastuzumab/"


def _save(page: Any, path: Path) -> None:
    """Shoot the visible screen, then store it as an optimised palette PNG."""
    page.screenshot(path=str(path))
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def _shoot_set(folder: Path, suffix: str, visitor: Any, member: Any, world: Any) -> None:
    visitor.goto("/")
    _save(visitor, folder / f"home{suffix}.png")
    member.goto(world.article.get_absolute_url())
    member.evaluate("document.querySelector('#comments').scrollIntoView({block: 'start'})")
    _save(member, folder / f"article-comments{suffix}.png")
    member.goto(world.question.get_absolute_url())
    _save(member, folder / f"question{suffix}.png")
    member.goto("/activities/?tab=everyone")
    if suffix:  # a phone's first screen is the post box: show the updates under it
        member.evaluate("document.querySelector('.feed-list').scrollIntoView({block: 'start'})")
    _save(member, folder / f"activities{suffix}.png")
    member.goto(TREATMENT)
    member.evaluate("document.querySelector('#experiences').scrollIntoView({block: 'start'})")
    _save(member, folder / f"treatment{suffix}.png")


def test_readme_screenshots(
    new_context: Callable[..., Any], logged_in_page: Callable[..., Any], tmp_path: Path
) -> None:
    world = world_seed()
    folder = DOCS if os.environ.get("MYBC_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, viewport in (("", WIDE), ("-phone", PHONE)):
        visitor = new_context(viewport=viewport).new_page()
        member = logged_in_page(world.member, viewport=viewport)
        _shoot_set(folder, suffix, visitor, member, world)

    names = ["activities", "article-comments", "home", "question", "treatment"]
    expected = sorted(f"{name}{suffix}.png" for name in names for suffix in ("", "-phone"))
    assert sorted(p.name for p in folder.glob("*.png")) == expected
    for name in expected:
        with Image.open(folder / name) as shot:
            # A real page, not a blank one: many colours, and small enough for the repository.
            assert len(shot.getcolors(maxcolors=256) or []) > 32
        assert (folder / name).stat().st_size < 250_000
