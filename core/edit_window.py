"""The edit window: how long after posting an author may still change what they wrote.

One rule for every editable post (comments, questions, answers), driven by
`settings.EDIT_WINDOW_MINUTES`; the models mix it in, so services, selectors and templates
ask the post itself.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone


def edit_window() -> timedelta:
    """How long a post stays editable after it was posted."""
    return timedelta(minutes=settings.EDIT_WINDOW_MINUTES)


class EditWindowMixin:
    """For models with a `created_at`: whether the author's time to edit has not run out."""

    created_at: datetime

    def edit_window_open(self, *, now: datetime | None = None) -> bool:
        """True until EDIT_WINDOW_MINUTES after `created_at` (inclusive); who may edit is the
        caller's rule (the author, while the post is visible or pending)."""
        return (now or timezone.now()) <= self.created_at + edit_window()
