"""The forum's posts among members' activities (registered with core.team_feed_registry).

The "My team" tab lists the new questions her team asked; her Activities page lists her recent
questions and answers when she allows it. Never an anonymous post: an anonymous question or
answer is not tied to anyone's name anywhere, so it never appears under one.
"""

from datetime import datetime
from typing import Any

from django.db import transaction

from core.team_feed_registry import TeamFeedSource, before_filter, team_post_published
from moderation.models import ModerationState

from .models import Answer, Question


def _questions() -> Any:
    return Question.objects.filter(
        moderation_state=ModerationState.VISIBLE, is_anonymous=False
    ).select_related("author", "author__profile")  # the face beside it in the feed


def _answers() -> Any:
    return Answer.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        is_anonymous=False,
        question__moderation_state=ModerationState.VISIBLE,
    ).select_related("author", "author__profile", "question")


def questions_recent(
    *, author_ids: Any, before: tuple[datetime, int] | None, limit: int
) -> list[Question]:
    """Visible, non-anonymous questions by these authors, newest first (one query)."""
    rows = before_filter(_questions().filter(author_id__in=author_ids), before=before)
    return list(rows.order_by("-created_at", "-id")[:limit])


def questions_by_ids(*, ids: list[int]) -> list[Question]:
    return list(_questions().filter(pk__in=ids))


def answers_recent(
    *, author_ids: Any, before: tuple[datetime, int] | None, limit: int
) -> list[Answer]:
    """Visible, non-anonymous answers by these authors on visible questions (one query)."""
    rows = before_filter(_answers().filter(author_id__in=author_ids), before=before)
    return list(rows.order_by("-created_at", "-id")[:limit])


def answers_by_ids(*, ids: list[int]) -> list[Answer]:
    return list(_answers().filter(pk__in=ids))


QUESTIONS = TeamFeedSource(
    name="question",
    recent=questions_recent,
    by_ids=questions_by_ids,
    template="forum/includes/team_feed_question.html",
)
ANSWERS = TeamFeedSource(
    name="answer",
    recent=answers_recent,
    by_ids=answers_by_ids,
    template="forum/includes/team_feed_answer.html",
    in_team_feed=False,
)


def question_announce_to_team(*, question: Question) -> None:
    """After commit, tell team feeds about a visible question that carries its author's name."""
    if question.is_anonymous or question.moderation_state != ModerationState.VISIBLE:
        return
    question_id, author_id = question.pk, question.author_id
    transaction.on_commit(
        lambda: team_post_published(kind="question", post_id=question_id, author_id=author_id)
    )
