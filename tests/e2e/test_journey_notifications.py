"""The notifications journey of issue #14: a member mentions another in a comment; the other
sees the bell's count, opens the notification and lands on the comment."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from activities.models import UpdateComment
from notifications.services import notify
from tests.activities.factories import UpdateFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_mention_rings_the_bell_and_leads_to_the_comment(
    logged_in_page: Callable[..., Any],
) -> None:
    ana = UserFactory.create(display_name="Ana Bell")
    dora = UserFactory.create(display_name="Dora Bell")
    update = UpdateFactory.create(author=ana, body="First day of radiotherapy done.")
    ana_page, dora_page = (logged_in_page(m) for m in (ana, dora))

    # Ana finds Dora's handle with the helper under the comment box, then writes @handle.
    ana_page.goto(update.get_absolute_url())
    ana_page.locator("summary", has_text="Mention a member").click()
    ana_page.get_by_label("Member's name").fill("Dora")
    expect(ana_page.locator("#mention-results-comment")).to_contain_text(f"@{dora.handle}")
    ana_page.get_by_label("Your comment").fill(
        f"@{dora.handle} had the same machine, maybe she has tips for the skin cream."
    )
    ana_page.get_by_role("button", name="Post comment").click()
    expect(ana_page.locator("#comments")).to_contain_text("skin cream")
    comment = UpdateComment.objects.get(author=ana)
    mention = ana_page.locator(f"#c{comment.pk} a", has_text=f"@{dora.handle}")
    expect(mention).to_have_attribute("href", f"/members/{dora.handle}/")

    # Dora sees the count on the bell, on any page.
    dora_page.goto("/questions/")
    bell = dora_page.locator("#notification-bell")
    expect(bell).to_contain_text("1")
    bell.click()
    expect(dora_page.locator("h1")).to_have_text("Notifications")

    # She opens it and lands on the comment; the bell is quiet again.
    dora_page.get_by_role("link", name="Ana Bell mentioned you in a comment").click()
    dora_page.wait_for_url(f"**{update.get_absolute_url()}#c{comment.pk}")
    expect(dora_page.locator(f"#c{comment.pk}")).to_contain_text("skin cream")
    expect(dora_page.locator("#notification-bell .bell-count")).to_have_count(0)


def test_the_bell_fits_a_320_px_phone_with_its_count(logged_in_page: Callable[..., Any]) -> None:
    member = UserFactory.create(display_name="Evangeline Longname")
    for _ in range(12):
        notify(kind="team_request", recipient=member, actor=UserFactory.create())
    page = logged_in_page(member, viewport={"width": 320, "height": 640})

    page.goto("/questions/")

    expect(page.locator("#notification-bell .bell-count")).to_be_visible()
    expect(page.locator("#notification-bell")).to_have_accessible_name("Notifications 12 unread")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
