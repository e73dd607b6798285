"""What the activities app makes searchable (registered from ActivitiesConfig.ready()).

Updates and their comments are members' words: members only, and only those the searching
member may see (`update_list_visible`: her team's team-only updates, no blocked member's).
A hit is named after its author, since an update has no title.
"""

from typing import Any

from django.db.models import QuerySet

from core.search_registry import SearchableKind
from core.viewer import Viewer
from moderation.models import ModerationState

from .models import Update, UpdateComment
from .selectors import update_list_visible


def _updates_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return update_list_visible(viewer=viewer).filter(moderation_state=ModerationState.VISIBLE)


def _comments_visible(viewer: Viewer | None) -> QuerySet[Any]:
    if viewer is None:
        return UpdateComment.objects.none()
    from accounts.blocks import blocked_either_way_q

    return UpdateComment.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        update__in=_updates_visible(viewer).order_by().values("pk"),
    ).exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))


UPDATE = SearchableKind(
    name="update",
    label="Updates",
    model=Update,
    visible=_updates_visible,
    url=lambda update: update.get_absolute_url(),
    title_field="author__display_name",
    body_fields=("body",),
    date_field="created_at",
    topic_field="",
    members_only=True,
)

UPDATE_COMMENT = SearchableKind(
    name="update_comment",
    label="Comments on updates",
    model=UpdateComment,
    visible=_comments_visible,
    url=lambda comment: comment.get_absolute_url(),
    title_field="update__author__display_name",
    body_fields=("body",),
    date_field="created_at",
    topic_field="",
    members_only=True,
)
