"""Page sizes and the visible question set every read starts from.

Who the viewer is (member, moderator) is core.viewer's one rule.
"""

from django.db.models import QuerySet

from core.form_fields import MAX_PK  # noqa: F401 - ids beyond it cannot exist; re-exported
from moderation.models import ModerationState

from ..models import Question

PAGE_SIZE = 20

# 25, not 50: on a phone, 50 answers with their replies and reply boxes were about 140 KB and
# dozens of screens; 25 keep the first page near 75 KB and a thread readable in one sitting
# (docs/forum.md, "Pages of answers").
ANSWERS_PAGE_SIZE = 25
POPULAR_DAYS = 30
TABS = ("recent", "unanswered", "popular")


def _visible_questions() -> QuerySet[Question]:
    return Question.objects.filter(moderation_state=ModerationState.VISIBLE)
