"""A new member's first question at 375 px: told before posting that it waits for review, told
after, the question marked for her alone; a moderator approves it from the waiting list; she is
emailed, follows the link, and another member answers."""

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from forum.models import Question
from moderation.models import ModerationCase
from tests.factories import UserFactory

from .conftest import PHONE
from .journey_helpers import email_to, link_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Is it normal to feel this tired two weeks after the first infusion?"
MODERATOR_EMAIL = "moderator@demo.mybcteam.example"


def test_first_question_is_held_explained_approved_by_email_and_answered(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    newcomer = UserFactory.create(display_name="Quiet Lark", date_joined=timezone.now())
    page = logged_in_page(newcomer, viewport=PHONE)

    page.goto("/questions/ask/")
    expect(page.locator(".review-notice")).to_contain_text("volunteer moderators")
    expect(page.locator(".review-notice")).to_contain_text("we will email you")
    page.get_by_label("Your question").fill(TITLE)
    page.get_by_label("Details").fill("I expected the first days to be hard, not the second week.")
    page.locator("input[name=topics]").first.check()
    page.get_by_role("button", name="Post my question").click()
    if "/questions/ask/" in page.url:  # asked to look at similar questions once more
        page.get_by_role("button", name="Post my question").click()

    expect(page.locator(".messages")).to_contain_text("waiting for one of our volunteer")
    expect(page.locator(".pending-explanation")).to_contain_text("Only you can see this question")
    question = Question.objects.get(title=TITLE)
    assert question.moderation_state == "pending"

    moderator = logged_in_page(User.objects.get(email=MODERATOR_EMAIL))
    moderator.goto("/admin/")
    expect(moderator.locator("#moderation-waiting")).to_contain_text("waiting for review")
    moderator.goto("/admin/moderation/waitingforreview/")
    case = ModerationCase.objects.get(kind="question", object_id=question.pk)
    moderator.locator(f"#result_list input[name=_selected_action][value='{case.pk}']").check()
    moderator.locator("select[name=action]").select_option("approve")
    moderator.locator("button[name=index]").click()
    moderator.locator("input[type=submit][value^='Confirm']").click()
    expect(moderator.locator(".messagelist")).to_contain_text("done for 1")

    message = email_to(newcomer.email, containing="now live")
    page.goto(link_in(message, f"/questions/{question.pk}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".pending-explanation")).to_have_count(0)

    other = logged_in_page(world.member, viewport=PHONE)
    other.goto(question.get_absolute_url())
    other.get_by_role("textbox", name="Your answer").fill("Yes, week two was my lowest too.")
    other.get_by_role("button", name="Post answer").click()
    expect(other.locator(".messages")).to_contain_text("Your answer is posted.")
    expect(other.locator("main")).to_contain_text("Yes, week two was my lowest too.")
