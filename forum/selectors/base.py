"""Who may read what, and the visible question set every read starts from."""

from typing import Any

from django.db.models import QuerySet

from core.form_fields import MAX_PK  # noqa: F401 - ids beyond it cannot exist; re-exported
from moderation.models import ModerationState

from ..models import Question

PAGE_SIZE = 20

ANSWERS_PAGE_SIZE = 50
POPULAR_DAYS = 30
TABS = ("recent", "unanswered", "popular")


def is_member(user: Any) -> bool:
    """Logged in and active: may read members-only text."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_moderator(user: Any) -> bool:
    """Superusers and members of the Moderators group."""
    if not is_member(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_forum_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name="Moderators").exists()
        user._forum_is_moderator = cached
    return bool(cached)


def _visible_questions() -> QuerySet[Question]:
    return Question.objects.filter(moderation_state=ModerationState.VISIBLE)
