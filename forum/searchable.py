"""What the forum makes searchable (registered from ForumConfig.ready()).

A question's title is public and its details are for members, so visitors match and see titles
only; answers are for members only, named after their question.
"""

from typing import Any

from django.db.models import QuerySet

from core.search_registry import SearchableKind
from core.viewer import Viewer
from moderation.models import ModerationState

from .models import Answer, Question


def _questions_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return Question.objects.filter(moderation_state=ModerationState.VISIBLE)


def _answers_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return Answer.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        question__moderation_state=ModerationState.VISIBLE,
    )


QUESTION = SearchableKind(
    name="question",
    label="Questions",
    model=Question,
    visible=_questions_visible,
    url=lambda question: question.get_absolute_url(),
    title_field="title",
    body_fields=("body",),
    date_field="created_at",
    topic_field="topics",
    same_for_every_member=True,
)

ANSWER = SearchableKind(
    name="answer",
    label="Answers",
    model=Answer,
    visible=_answers_visible,
    url=lambda answer: answer.get_absolute_url(),
    title_field="question__title",
    body_fields=("body",),
    date_field="created_at",
    topic_field="question__topics",
    members_only=True,
    same_for_every_member=True,
)
