"""The forum's part of a member's data export and erasure (registered in ForumConfig.ready)."""

from typing import Any

from accounts.models import User

from .models import (
    Answer,
    AnswerHug,
    AnswerNotification,
    Question,
    QuestionFollow,
    QuestionHug,
)
from .selectors import follow_preference_for


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_questions(user: User) -> list[dict[str, Any]]:
    """The member's own questions, anonymous ones included (they are the member's words)."""
    return [
        {
            "title": q.title,
            "details": q.body,
            "asked_anonymously": q.is_anonymous,
            "state": q.moderation_state,
            "topics": [t.name for t in q.topics.all()],
            "created_at": _iso(q.created_at),
            "edited_at": _iso(q.edited_at),
        }
        for q in Question.objects.filter(author=user).prefetch_related("topics").order_by("pk")
    ]


def export_answers(user: User) -> list[dict[str, Any]]:
    """The member's answers and replies, with the (public) title they answered."""
    return [
        {
            "question_title": a.question.title,
            "answer": a.body,
            "is_reply": a.parent_id is not None,
            "posted_anonymously": a.is_anonymous,
            "state": a.moderation_state,
            "created_at": _iso(a.created_at),
        }
        for a in Answer.objects.filter(author=user).select_related("question").order_by("pk")
    ]


def export_activity(user: User) -> dict[str, Any]:
    """Follows, hugs given and the follow emails' frequency (kept in notifications); never
    another member's name."""
    return {
        "following": list(
            QuestionFollow.objects.filter(member=user).values_list("question__title", flat=True)
        ),
        "hugged_questions": list(
            QuestionHug.objects.filter(member=user).values_list("question__title", flat=True)
        ),
        "hugged_answers_count": AnswerHug.objects.filter(member=user).count(),
        "email_frequency": follow_preference_for(member=user),
    }


def erase_member(user: User) -> None:
    """Stop every forum email and follow; posts stay, credited "Former member". Idempotent."""
    QuestionFollow.objects.filter(member=user).delete()
    AnswerNotification.objects.filter(follower=user).delete()
