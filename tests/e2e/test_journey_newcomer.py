"""A newcomer on a phone (375 px): joins, confirms from the email and is logged in, goes
through the welcome flow, asks her first question (held for review as a new member's), a
moderator approves it, another member answers, and her home page shows the news."""

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.models import Profile, User
from forum.models import Question
from moderation.models import ModerationCase

from .conftest import PHONE
from .journey_helpers import email_to, link_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EMAIL = "quiet.willow.e2e@example.org"
PASSWORD = "a-long-and-private-passphrase-2026"
TITLE = "How did you manage the first weeks of Herceptin with a small child at home?"
ANSWER = "Batch-cook on the good days and let friends take the school run."
MODERATOR_EMAIL = "moderator@demo.mybcteam.example"
ANSWERER_EMAIL = "marigoldmorning@demo.mybcteam.example"


def test_newcomer_joins_is_welcomed_and_her_first_question_is_approved_and_answered(
    new_context: Callable[..., Any], logged_in_page: Callable[..., Any]
) -> None:
    world_seed()
    page = new_context(viewport=PHONE).new_page()

    # given: she joins
    page.goto("/accounts/signup/")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_display_name").fill("QuietWillow")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    expect(page.locator("#id_resend_email")).to_have_value(EMAIL)

    # when: she opens the link from the email in the same browser
    page.goto(link_in(email_to(EMAIL), "/accounts/confirm-email/"))
    expect(page.locator("main")).not_to_contain_text("is an email address for user")
    page.get_by_role("button", name="Confirm my address").click()

    # then: she is logged in and the welcome flow starts
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to MyBCTeam, QuietWillow")
    # On a phone the account links sit behind the header's Menu disclosure.
    menu = page.locator("details.header-phone > summary")
    menu.click()
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("QuietWillow")
    menu.click()
    page.get_by_label("Living with breast cancer").check()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("What you would like to share")
    page.locator("#id_health_consent").check()
    page.locator("#id_her2_status").select_option("positive")
    page.locator("#id_her2_status_visibility").select_option("members")
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your first posts")
    expect(page.locator("main")).to_contain_text("wait for a moderator")
    page.get_by_role("button", name="Got it, continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("You are all set")
    expect(page.get_by_role("link", name="HER2-positive breast cancer")).to_be_visible()
    newcomer = User.objects.get(email=EMAIL)
    assert newcomer.profile.role == Profile.Role.LIVING_WITH
    assert newcomer.profile.her2_status == "positive"
    page.get_by_role("link", name="Ask the community").click()

    # her first question is held for review
    page.get_by_label("Your question").fill(TITLE)
    page.get_by_label("Details").fill("Second infusion next week and a four-year-old at home.")
    page.locator("input[name=topics]").first.check()
    page.get_by_role("button", name="Post my question").click()
    if "/questions/ask/" in page.url:  # asked to look at similar questions once more
        page.get_by_role("button", name="Post my question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    question = Question.objects.get(title=TITLE)
    assert question.moderation_state == "pending"

    answerer = User.objects.get(email=ANSWERER_EMAIL)
    other = logged_in_page(answerer, viewport=PHONE)
    response = other.goto(question.get_absolute_url())
    assert response is not None
    assert response.status == HTTPStatus.NOT_FOUND

    # a moderator approves it
    moderator = logged_in_page(User.objects.get(email=MODERATOR_EMAIL))
    moderator.goto("/admin/moderation/moderationcase/")
    case = ModerationCase.objects.get(kind="question", object_id=question.pk)
    moderator.locator(f"#result_list input[name=_selected_action][value='{case.pk}']").check()
    moderator.locator("select[name=action]").select_option("approve")
    moderator.locator("button[name=index]").click()
    confirm = moderator.locator("input[type=submit][value^='Confirm']")
    if confirm.count():
        confirm.click()
    expect(moderator.locator(".messagelist")).to_contain_text("done for 1")
    question.refresh_from_db()
    assert question.moderation_state == "visible"

    # another member sees it and answers
    other.goto(question.get_absolute_url())
    expect(other.get_by_role("heading", level=1)).to_have_text(TITLE)
    other.get_by_role("textbox", name="Your answer").fill(ANSWER)
    other.get_by_role("button", name="Post answer").click()
    expect(other.locator("main")).to_contain_text(ANSWER)

    # her home page tells her, and the answer is on her question
    page.goto("/")
    following = page.locator(".member-home-following")
    expect(following).to_contain_text(TITLE)
    expect(following).to_contain_text("1 new answer")
    following.get_by_role("link", name=TITLE).click()
    expect(page.locator("main")).to_contain_text(ANSWER)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_welcome_flow_works_without_javascript_and_resumes(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    User.objects.filter(pk=world.member.pk).update(welcome_done_at=None, welcome_step="")
    page = logged_in_page(world.member, java_script_enabled=False, viewport=PHONE)

    page.goto("/")
    page.get_by_role("link", name="Start").click()
    page.get_by_label("Partner or spouse").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What you would like to share")
    page.get_by_role("button", name="Finish this later").click()

    expect(page.locator(".member-home-welcome")).to_contain_text("step 2 of 4")
    page.get_by_role("link", name="Pick up where I left off").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What you would like to share")
    page.get_by_role("button", name="Skip this step").click()
    page.get_by_role("button", name="Got it, continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are all set")
    assert Profile.objects.get(user=world.member).role == Profile.Role.PARTNER
    page.goto("/")
    expect(page.locator("main")).not_to_contain_text("Finish setting up")
