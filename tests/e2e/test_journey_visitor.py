"""A visitor reads the flagship article, sees the invitation but no comment, and subscribes."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from articles.models import Comment

from .journey_helpers import email_to, link_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_reads_flagship_article_without_comment_text_and_subscribes(
    new_context: Callable[..., Any],
) -> None:
    world = world_seed()
    article = world.article
    comment = Comment.objects.filter(article=article, moderation_state="visible").first()
    assert comment is not None, "the demo seed should give the flagship article comments"
    page = new_context().new_page()

    page.goto(article.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    expect(page.locator("#comments")).to_contain_text("Comments are only visible to members")
    expect(page.locator("#comments").get_by_role("link", name="Join for free")).to_be_visible()
    html = page.content()
    assert comment.body[:60] not in html
    assert comment.author.display_name not in html

    page.get_by_label("Your email address").fill("reader.e2e@example.org")
    page.locator("#newsletter-box").get_by_role("button", name="Subscribe").click()

    expect(page.locator("#newsletter-box")).to_contain_text("check your inbox")
    message = email_to("reader.e2e@example.org")
    page.goto(link_in(message, "/newsletter/confirm/"))
    page.get_by_role("button", name="Yes, subscribe me").click()
    expect(page.locator("main")).to_contain_text("subscribed")
