"""The articles' part of a member's data export (registered in ArticlesConfig.ready)."""

from typing import Any

from django.urls import reverse

from accounts.models import User

from .models import Comment, CommentHug


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _comment_url(*, slug: str, pk: int) -> str:
    return reverse("articles:comment", kwargs={"slug": slug, "pk": pk})


def export_article_activity(user: User) -> dict[str, Any]:
    """The member's own article comments and the comments they hugged.

    Hugs carry only where the hugged comment is, never its text or its author: those are
    another member's data.
    """
    comments = (
        Comment.objects.filter(author=user)
        .order_by("pk")
        .values(
            "pk",
            "body",
            "parent_id",
            "moderation_state",
            "created_at",
            "edited_at",
            "article__title",
            "article__slug",
        )
    )
    hugs = (
        CommentHug.objects.filter(member=user)
        .order_by("pk")
        .values("created_at", "comment_id", "comment__article__title", "comment__article__slug")
    )
    return {
        "comments": [
            {
                "article_title": c["article__title"],
                "url": _comment_url(slug=c["article__slug"], pk=c["pk"]),
                "comment": c["body"],
                "is_reply": c["parent_id"] is not None,
                "state": c["moderation_state"],
                "created_at": _iso(c["created_at"]),
                "edited_at": _iso(c["edited_at"]),
            }
            for c in comments
        ],
        "hugged_comments": [
            {
                "article_title": h["comment__article__title"],
                "url": _comment_url(slug=h["comment__article__slug"], pk=h["comment_id"]),
                "hugged_at": _iso(h["created_at"]),
            }
            for h in hugs
        ],
    }
