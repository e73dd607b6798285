"""A member asks (seeing similar questions), another answers, the asker marks it helpful."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from accounts.models import User
from forum.models import AnswerHug, Question, QuestionHug

from .journey_helpers import email_to, link_in
from .site_pages import world_seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "What helped with symptoms after the first round of TCHP?"


def test_question_is_answered_and_the_asker_marks_the_answer_helpful(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    asker = world.member
    answerer = User.objects.get(email="marigoldmorning@demo.mybcteam.example")
    page = logged_in_page(asker)

    page.goto("/questions/ask/")
    page.get_by_label("Your question").press_sequentially(TITLE, delay=5)

    expect(page.locator("#ask-check")).to_contain_text("Members have asked something similar")
    page.get_by_label("Details").fill("Second infusion next week; the first left me exhausted.")
    page.locator("input[name=topics]").first.check()
    page.get_by_role("button", name="Post my question").click()
    if "/questions/ask/" in page.url:  # asked to look at the suggestions once more
        page.get_by_role("button", name="Post my question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    question = Question.objects.get(title=TITLE)

    other = logged_in_page(answerer)
    other.goto(question.get_absolute_url())
    other.get_by_role("textbox", name="Your answer").fill(
        "Ginger tea and short walks got me through week one."
    )
    other.get_by_role("button", name="Post answer").click()
    expect(other.locator("main")).to_contain_text("Ginger tea and short walks")

    message = email_to(asker.email, containing=TITLE)
    page.goto(link_in(message, f"/questions/{question.pk}/"))
    page.get_by_role("button", name="Mark helpful").click()

    expect(page.locator("main")).to_contain_text("Helpful to the asker")
    assert question.answers.get().is_helpful


@pytest.mark.parametrize("java_script", [True, False], ids=["with-js", "without-js"])
def test_member_hugs_a_question_and_an_answer_and_takes_a_hug_back(
    logged_in_page: Callable[..., Any], java_script: bool
) -> None:
    world = world_seed()
    question = world.question
    answer = question.answers.filter(moderation_state="visible", parent=None).first()
    QuestionHug.objects.filter(member=world.member).delete()
    AnswerHug.objects.filter(member=world.member).delete()
    page = logged_in_page(world.member, java_script_enabled=java_script)
    page.goto(question.get_absolute_url())
    question_hug = page.locator(f"#hug-question-{question.pk}")
    answer_hug = page.locator(f"#hug-answer-{answer.pk}")

    question_hug.click()
    expect(question_hug).to_have_attribute("aria-pressed", "true")
    answer_hug.click()
    expect(answer_hug).to_have_attribute("aria-pressed", "true")
    assert QuestionHug.objects.filter(member=world.member, question=question).exists()
    assert AnswerHug.objects.filter(member=world.member, answer=answer).exists()

    question_hug.click()  # the hugged button posts hug=off: the hug is taken back
    expect(question_hug).to_have_attribute("aria-pressed", "false")
    assert not QuestionHug.objects.filter(member=world.member, question=question).exists()


def test_hug_button_keeps_keyboard_focus_across_the_htmx_swap(
    logged_in_page: Callable[..., Any],
) -> None:
    world = world_seed()
    question = world.question
    QuestionHug.objects.filter(member=world.member).delete()
    page = logged_in_page(world.member)
    page.goto(question.get_absolute_url())
    button = page.locator(f"#hug-question-{question.pk}")

    button.focus()
    page.keyboard.press("Enter")

    expect(button).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.activeElement.id") == f"hug-question-{question.pk}"
