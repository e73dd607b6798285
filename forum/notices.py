"""What the forum tells notifications: its kinds, and what a reader may see of a question or
an answer (registered in ready()). An anonymous post's author is never given out."""

from django.utils.text import Truncator

from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from notifications.registry import Kind, TargetView, kind_register, target_register

from .models import Answer, Question

MENTIONED = "You were mentioned"

KINDS = [
    Kind("question_answer", "answers", "{actor} answered your question", "A new answer"),
    Kind("answer_reply", "replies", "{actor} replied to your answer", "A reply to your answer"),
    Kind(
        "followed_answer",
        "following",
        "{actor} answered a question you follow",
        "A new answer on a question you follow",
    ),
    Kind("answer_hug", "hugs", "{actor} hugged your answer", "A hug", grouped=True),
    Kind(
        "mention_question", "mentions", "{actor} mentioned you in a question", "You were mentioned"
    ),
    Kind("mention_answer", "mentions", "{actor} mentioned you in an answer", MENTIONED),
]


def questions_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """Visible questions, for members (one query)."""
    if not viewer_is_member(viewer):
        return {}
    rows = Question.objects.filter(pk__in=ids, moderation_state=ModerationState.VISIBLE).only(
        "pk", "title", "slug", "author_id", "is_anonymous"
    )
    return {
        q.pk: TargetView(
            q.title,
            q.get_absolute_url(),
            None if q.is_anonymous else q.author_id,
            q.is_anonymous,
        )
        for q in rows
    }


def answers_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """Visible answers of visible questions, for members (one query)."""
    if not viewer_is_member(viewer):
        return {}
    rows = (
        Answer.objects.filter(
            pk__in=ids,
            moderation_state=ModerationState.VISIBLE,
            question__moderation_state=ModerationState.VISIBLE,
        )
        .select_related("question")
        .only("pk", "body", "author_id", "is_anonymous", "question_id", "question__title")
    )
    return {
        a.pk: TargetView(
            f"{a.question.title}: {Truncator(a.body).chars(120)}",
            a.get_absolute_url(),
            None if a.is_anonymous else a.author_id,
            a.is_anonymous,
        )
        for a in rows
    }


def register() -> None:
    for kind in KINDS:
        kind_register(kind)
    target_register(Question, questions_for)
    target_register(Answer, answers_for)
