"""Objects of the content apps for URL kwargs and text inputs (filled in as apps land)."""

from typing import Any

from accounts.models import User


def content_objects(*, author: User) -> dict[str, Any]:
    """An article, comment, question, answer, subscriber... whichever apps exist."""
    found: dict[str, Any] = {"author": author}
    return found
