"""What activities tells notifications: its kinds, and what a reader may see of an update or
a comment, through this app's own visibility rule (registered in ready())."""

from django.utils.text import Truncator

from accounts.blocks import blocked_either_way_q
from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from notifications.registry import Kind, TargetView, kind_register, target_register

from .models import Update, UpdateComment
from .selectors import update_list_visible

EXCERPT = 140

KINDS = [
    Kind(
        "team_request",
        "team",
        "{actor} asked to add you to their team",
        "A team request",
        url="/team/",
        own_email_discreet=True,
    ),
    Kind(
        "team_accepted",
        "team",
        "{actor} accepted your team request",
        "A new team mate",
        url="/team/",
        own_email_discreet=True,
    ),
    Kind(
        "update_comment",
        "comments",
        "{actor} commented on your update",
        "A comment on your update",
        own_email_discreet=True,
    ),
    Kind(
        "comment_reply",
        "replies",
        "{actor} replied to your comment",
        "A reply to your comment",
        own_email_discreet=True,
    ),
    Kind("update_hug", "hugs", "{actor} hugged your update", "A hug", grouped=True),
    Kind("mention_update", "mentions", "{actor} mentioned you in an update", "You were mentioned"),
    Kind("mention_comment", "mentions", "{actor} mentioned you in a comment", "You were mentioned"),
]


def updates_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """The updates among `ids` she may see now (one query)."""
    rows = update_list_visible(viewer=viewer).filter(pk__in=ids).only("pk", "body", "author_id")
    return {
        u.pk: TargetView(Truncator(u.body).chars(EXCERPT), u.get_absolute_url(), u.author_id)
        for u in rows
    }


def comments_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """The comments among `ids` she may see now: visible, under an update she may see, no
    block with their writer (one query)."""
    if not viewer_is_member(viewer):
        return {}
    rows = (
        UpdateComment.objects.filter(pk__in=ids, moderation_state=ModerationState.VISIBLE)
        .filter(update_id__in=update_list_visible(viewer=viewer).order_by().values("pk"))
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
        .only("pk", "body", "author_id", "update_id")
    )
    return {
        c.pk: TargetView(Truncator(c.body).chars(EXCERPT), c.get_absolute_url(), c.author_id)
        for c in rows
    }


def register() -> None:
    for kind in KINDS:
        kind_register(kind)
    target_register(Update, updates_for)
    target_register(UpdateComment, comments_for)
