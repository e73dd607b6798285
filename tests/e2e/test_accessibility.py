"""axe-core on every main page at desktop and phone widths: no serious or critical finding."""

from collections.abc import Callable
from typing import Any

import pytest

from .axe import axe_source, axe_violations, describe
from .conftest import DESKTOP, PHONE, log_in
from .site_pages import MAIN_PAGES, world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "375px"])
def test_main_pages_have_no_serious_axe_violations(
    viewport: dict[str, int], new_context: Callable[..., Any], live_server: Any, subtests: Any
) -> None:
    axe_source()  # skip with the install command when axe-core is absent
    world = world_seed()
    visitor = new_context(viewport=viewport).new_page()
    member_context = new_context(viewport=viewport)
    log_in(member_context, world.member, live_server.url)
    member = member_context.new_page()

    for site_page in MAIN_PAGES:
        with subtests.test(msg=site_page.key):
            path, reason = site_page.url_or_reason(world)
            if path is None:
                pytest.skip(reason)
            tab = member if site_page.member else visitor
            response = tab.goto(path)

            violations = axe_violations(tab)

            assert response is not None
            assert response.ok, f"{path} answered {response.status}"
            assert not violations, f"{path} at {viewport['width']}px:\n{describe(violations)}"
