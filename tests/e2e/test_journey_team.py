"""The community journey of issue #13: two members make a team, one posts a team-only update,
the other hugs and comments on it from the feed, a third member never sees it, and after a
block the update is gone from the blocked member's feed."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from activities.models import TeamLink, Update, UpdateComment, UpdateHug
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UPDATE_TEXT = "Scan day done. Waiting for results, so team only for now."
COMMENT_TEXT = "Fingers crossed for you, I'll be thinking of you until you hear."


def test_team_update_reaches_the_team_only_and_a_block_takes_it_away(
    logged_in_page: Callable[..., Any],
) -> None:
    ana = UserFactory.create(display_name="Ana Journey")
    bea = UserFactory.create(display_name="Bea Journey")
    cleo = UserFactory.create(display_name="Cleo Journey")
    ana_page, bea_page, cleo_page = (logged_in_page(m) for m in (ana, bea, cleo))

    # Ana asks Bea to join her team; Bea accepts on her Team page.
    ana_page.goto(bea.get_absolute_url())
    ana_page.get_by_role("button", name="Add to my team").click()
    expect(ana_page.locator(".messages")).to_contain_text("on its way to Bea Journey")
    bea_page.goto("/team/")
    bea_page.get_by_role("button", name="Accept Ana Journey").click()
    expect(bea_page.locator(".messages")).to_contain_text("Ana Journey is on your team now")
    assert TeamLink.objects.filter(member=ana, mate=bea).exists()

    # Ana posts a team-only update from her feed.
    ana_page.goto("/activities/")
    ana_page.get_by_label("How are you doing?").fill(UPDATE_TEXT)
    ana_page.get_by_label("What kind of day? (optional)").select_option("scan_day")
    ana_page.get_by_label("My team only").check()
    ana_page.get_by_role("button", name="Post update").click()
    expect(ana_page.locator(".feed-list")).to_contain_text(UPDATE_TEXT)
    update = Update.objects.get(author=ana)
    assert update.audience == "team"

    # Bea finds it on her "My team" tab, hugs it in place, and comments on it.
    bea_page.goto("/activities/")
    card = bea_page.locator(f"#update-{update.pk}")
    expect(card).to_contain_text(UPDATE_TEXT)
    expect(card).to_contain_text("Scan day")
    card.get_by_role("button", name="Send a hug").click()
    expect(card.locator(f"#hug-update-{update.pk}")).to_have_attribute("aria-pressed", "true")
    card.get_by_role("link", name="Comment").click()
    bea_page.get_by_label("Your comment").fill(COMMENT_TEXT)
    bea_page.get_by_role("button", name="Post comment").click()
    expect(bea_page.locator("#comments")).to_contain_text(COMMENT_TEXT)
    assert UpdateHug.objects.filter(update=update, member=bea).exists()
    assert UpdateComment.objects.filter(update=update, author=bea).exists()

    # Cleo, not on Ana's team, never sees it: not in either tab, not on Ana's page, 404 itself.
    for path in (
        "/activities/?tab=team",
        "/activities/?tab=everyone",
        f"/members/{ana.handle}/activities/",
    ):
        cleo_page.goto(path)
        expect(cleo_page.locator("main")).not_to_contain_text(UPDATE_TEXT)
    response = cleo_page.goto(update.get_absolute_url())
    assert response is not None
    assert response.status == 404

    # Ana blocks Bea: the update is gone from Bea's feed at once, and Bea is not told.
    ana_page.goto(bea.get_absolute_url())
    ana_page.locator("summary", has_text="Block Bea Journey").click()
    ana_page.get_by_role("button", name="Block", exact=True).click()
    expect(ana_page.locator("main")).to_contain_text("Bea Journey")
    bea_page.goto("/activities/")
    expect(bea_page.locator("main")).not_to_contain_text(UPDATE_TEXT)
    expect(bea_page.locator("main")).not_to_contain_text("blocked")
