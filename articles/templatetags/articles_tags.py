"""Template helpers for article pages."""

from django import template

from articles.models import Comment
from articles.services import comment_can_edit
from core.viewer import Viewer

register = template.Library()


@register.filter
def editable_by(comment: Comment, user: Viewer) -> bool:
    """Whether `user` may still edit `comment` (author, inside the edit window)."""
    return comment_can_edit(comment=comment, user=user)
