"""Members comment and hug on an article (with and without JavaScript, and by keyboard only);
a report reaches a moderator who hides the comment in admin; the member sees the placeholder;
a member downloads their data and erases the account."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from articles.models import Comment
from moderation.models import ModerationCase

from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MODERATOR_EMAIL = "moderator@demo.mybcteam.example"


def _open_flagship(page: Any, world: Any) -> None:
    page.goto(world.article.get_absolute_url() + "#comments")
    expect(page.locator("#comment-body")).to_be_visible()


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_member_comments_and_hugs_on_an_article(
    logged_in_page: Callable[..., Any], java_script: bool
) -> None:
    world = world_seed()
    page = logged_in_page(world.member, java_script_enabled=java_script)
    text = f"Day five after my first infusion ({'js' if java_script else 'no js'}): resting a lot."
    _open_flagship(page, world)

    page.locator("#comment-body").fill(text)
    page.get_by_role("button", name="Post comment").click()

    expect(page.locator("#comments")).to_contain_text(text)
    hug = page.locator("#comments .hug-button[aria-pressed=false]").first
    hugged_comment = hug.locator("xpath=ancestor::article[1]").get_attribute("id")
    hug.click()
    expect(page.locator(f"#{hugged_comment} .hug-button").first).to_have_attribute(
        "aria-pressed", "true"
    )
    assert Comment.objects.filter(author=world.member, body=text).exists()


def test_member_posts_a_comment_using_only_the_keyboard(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    page = logged_in_page(world.member)
    page.goto(world.article.get_absolute_url())
    text = "Typed with the keyboard alone: the nurses were wonderful."

    for _ in range(400):  # Tab through the page until the comment box has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "comment-body":
            break
    else:
        pytest.fail("the comment box cannot be reached with the Tab key")
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")

    assert focused == "Post comment"
    expect(page.locator("#comments")).to_contain_text(text)


def test_reported_comment_is_hidden_by_a_moderator_and_shows_a_placeholder(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    author = User.objects.get(email="marigoldmorning@demo.mybcteam.example")
    comment = Comment.objects.create(
        article=world.article, author=author, body="Buy miracle pills at my shop!"
    )
    # A hidden comment with a visible reply stays as a placeholder that keeps the thread whole
    # (one without replies simply leaves the page).
    Comment.objects.create(
        article=world.article, author=world.member, parent=comment, body="Please don't."
    )
    reporter = logged_in_page(world.member)

    reporter.goto(f"/report/comment/{comment.pk}/")
    reporter.get_by_label("Spam or scam").check()
    reporter.get_by_role("button", name="Send report").click()
    expect(reporter.locator("main")).to_contain_text("Thank you")

    moderator = logged_in_page(User.objects.get(email=MODERATOR_EMAIL))
    moderator.goto("/admin/moderation/moderationcase/")
    case = ModerationCase.objects.get(kind="comment", object_id=comment.pk)
    moderator.locator(f"#result_list input[name=_selected_action][value='{case.pk}']").check()
    moderator.locator("select[name=action]").select_option("hide")
    moderator.locator("button[name=index]").click()
    moderator.locator("textarea[name=reason]").fill("Advertising is not allowed here.")
    moderator.locator("input[type=submit][value^='Confirm']").click()
    expect(moderator.locator(".messagelist")).to_contain_text("done for 1")

    reporter.goto(world.article.get_absolute_url())
    expect(reporter.locator(f"#comment-{comment.pk}")).to_contain_text(
        "This comment was removed by a moderator."
    )
    expect(reporter.locator("#comments")).not_to_contain_text("miracle pills")


def test_member_downloads_their_data_and_erases_the_account(
    logged_in_page: Callable[..., Any], tmp_path: Path
) -> None:
    world = world_seed()
    member = world.member
    page = logged_in_page(member)
    page.goto("/accounts/delete/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="download your data").click()
    saved = tmp_path / "export.json"
    download_info.value.save_as(saved)
    page.get_by_label("Your password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Erase my account").click()

    exported = json.loads(saved.read_text(encoding="utf-8"))
    assert member.email in json.dumps(exported)
    member.refresh_from_db()
    assert member.erased_at is not None
    assert member.public_name == "Former member"
    account_menu = page.get_by_role("navigation", name="Account")
    expect(account_menu.get_by_role("link", name="Log in")).to_be_visible()
