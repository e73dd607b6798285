"""Who the viewer is: the one rule every selector, view, template tag and search asks.

A member is logged in and active, and may read what members write. A moderator is a member
who holds moderation's permission: decided by the permission, never by a group's name, so a
superuser or a renamed group answers the same. Django caches permissions on the user object,
so asking twice in one request costs one query at most.
"""

from typing import Any, Protocol

# Moderation's own permission; named here as a string so the ground floor imports no app.
MODERATE_CONTENT_PERMISSION = "moderation.view_moderationcase"


class Viewer(Protocol):
    """Whoever is looking: a member (accounts.User) or a visitor (AnonymousUser)."""

    @property
    def pk(self) -> Any: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    def has_perm(self, perm: str, obj: Any = None) -> bool: ...


def viewer_is_member(viewer: Viewer | None) -> bool:
    """Logged in and active: may read members-only text."""
    return bool(viewer is not None and viewer.is_authenticated and viewer.is_active)


def viewer_is_moderator(viewer: Viewer | None) -> bool:
    """A member holding moderation's permission: sees pending and hidden posts, marked."""
    return viewer_is_member(viewer) and bool(
        viewer is not None and viewer.has_perm(MODERATE_CONTENT_PERMISSION)
    )
