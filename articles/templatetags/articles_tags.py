"""Template helpers for article pages."""

from typing import Any

from django import template

from articles.services import comment_can_edit

register = template.Library()


@register.filter
def editable_by(comment: Any, user: Any) -> bool:
    """Whether `user` may still edit `comment` (author, inside the edit window)."""
    return comment_can_edit(comment=comment, user=user)
