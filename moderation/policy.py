"""Who may post: one answer for every route that writes member content."""

from typing import Any

from allauth.account.models import EmailAddress


def posting_refusal(user: Any) -> str | None:
    """Why this user may not post right now, or None when they may."""
    if not user.is_authenticated:
        return "Please log in to post."
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return "Please confirm your email address before posting. Check your inbox for the link."
    return None
