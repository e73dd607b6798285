"""The forum hands new and edited questions and answers to moderation in plain calls."""

import pytest
from django.utils import timezone

from forum import services
from moderation.models import ModerationCase, ModerationState
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_question_create_held_new_member_opens_a_case_with_the_reason(topic, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())

    question = services.question_create(
        author=newcomer, title="First time here", body="Hello everyone", topics=[topic]
    )

    case = ModerationCase.objects.get(object_id=question.pk, kind="question")
    assert question.moderation_state == ModerationState.PENDING
    assert case.held_reason.startswith("New member")
    assert case.snapshot == "First time here\nHello everyone"


def test_question_create_self_harm_in_the_title_opens_an_urgent_case(topic):
    author = UserFactory.create()

    question = services.question_create(
        author=author, title="Some nights I want to die", body="How do you cope?", topics=[topic]
    )

    case = ModerationCase.objects.get(object_id=question.pk, kind="question")
    assert question.moderation_state == ModerationState.VISIBLE
    assert case.urgent is True


def test_answer_create_self_harm_opens_an_urgent_case(question):
    author = UserFactory.create()

    answer = services.answer_create(
        question=question, author=author, body="Honestly, some nights I want to die."
    )

    case = ModerationCase.objects.get(object_id=answer.pk, kind="answer")
    assert case.urgent is True
    assert case.held_reason == "Mentions self-harm: check on the author."


def test_answer_create_visible_answer_opens_no_case(question):
    author = UserFactory.create()

    services.answer_create(question=question, author=author, body="The cold cap helped me.")

    assert not ModerationCase.objects.exists()


def test_question_edit_adding_a_link_opens_a_case_saying_it_was_edited(question, topic):
    services.question_edit(
        question=question,
        editor=question.author,
        title=question.title,
        body="See https://example.org/cure for more.",
        topics=[topic],
    )

    case = ModerationCase.objects.get(object_id=question.pk, kind="question")
    assert case.held_reason == "Edited: Contains a link from a member with few posts yet."
