"""A newcomer signs up, confirms the email, completes a profile with private fields."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.models import User

from .conftest import log_in
from .journey_helpers import email_to, link_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "newcomer.e2e@example.org"
PASSWORD = "a-long-and-private-passphrase-2026"


def test_newcomer_signs_up_confirms_and_keeps_health_details_private(
    new_context: Callable[..., Any], live_server: Any
) -> None:
    world = world_seed()
    page = new_context().new_page()

    page.goto("/accounts/signup/")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_display_name").fill("BraveWillow")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.goto(link_in(email_to(EMAIL), "/accounts/confirm-email/"))
    page.locator("main form button[type=submit]").click()
    if "/accounts/login/" in page.url:
        page.locator("#id_login").fill(EMAIL)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").first.click()

    page.goto("/accounts/settings/")
    page.locator("#about > summary").click()  # settings sections start closed
    page.locator("#health > summary").click()
    page.locator("#id_bio").fill("Finishing Herceptin this winter; happy to talk about cold caps.")
    page.locator("#id_health_consent").check()
    page.locator("#id_her2_status").select_option("positive")
    page.locator("#id_her2_status_visibility").select_option("me")
    page.locator("#id_region").fill("Leeds")
    page.locator("#id_region_visibility").select_option("me")
    page.locator("#health").get_by_role("button", name="Save settings").click()

    user = User.objects.get(email=EMAIL)
    assert user.profile.her2_status == "positive"
    expect(page.locator("main")).to_contain_text("Finishing Herceptin")
    other_context = new_context()
    log_in(other_context, world.member, live_server.url)
    other = other_context.new_page()
    other.goto(user.get_absolute_url())
    expect(other.locator("main")).to_contain_text("Finishing Herceptin this winter")
    expect(other.locator("main")).not_to_contain_text("Leeds")
    expect(other.locator("main")).not_to_contain_text("HER2-positive")
