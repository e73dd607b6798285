"""What articles tells notifications: a reply to her comment under an article, and what a
reader may see of such a comment (registered in ready())."""

from django.utils.text import Truncator

from accounts.blocks import blocked_either_way_q
from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from notifications.registry import Kind, TargetView, kind_register, target_register

from .models import Comment
from .selectors import article_list_published

KINDS = [
    Kind("article_reply", "replies", "{actor} replied to your comment", "A reply to your comment"),
    Kind(
        "mention_article_comment",
        "mentions",
        "{actor} mentioned you in a comment",
        "You were mentioned",
    ),
]


def comments_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """Visible comments under published articles, for members, no block with the writer."""
    if not viewer_is_member(viewer):
        return {}
    rows = (
        Comment.objects.filter(
            pk__in=ids,
            moderation_state=ModerationState.VISIBLE,
            article__in=article_list_published().order_by().values("pk"),
        )
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
        .select_related("article")
        .only("pk", "body", "author_id", "article__slug", "article__title")
    )
    return {
        c.pk: TargetView(
            f"{c.article.title}: {Truncator(c.body).chars(120)}", c.get_absolute_url(), c.author_id
        )
        for c in rows
    }


def register() -> None:
    for kind in KINDS:
        kind_register(kind)
    target_register(Comment, comments_for)
