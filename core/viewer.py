"""Who the viewer is: the one rule every selector, view, template tag and search asks.

A member is logged in and active, and may read what members write. A moderator is a member
who holds moderation's permission: decided by the permission, never by a group's name, so a
superuser or a renamed group answers the same. The answer is kept on the user object, so
asking twice in one request costs one query at most.

Staff powers (moderating, editors' drafts, trusted-staff exemptions) can be withheld for one
request: with STAFF_REQUIRE_2FA on, `accounts.middleware.StaffTwoFactorMiddleware` marks the
in-memory user of a session that has not passed the second factor, and every question below
then answers as for an ordinary member. The mark is an attribute, never a field, so no save
can persist it as a demotion.
"""

from typing import Any, Protocol

from django.db.models import Q

# Moderation's own permission; named here as a string so the ground floor imports no app.
MODERATE_CONTENT_PERMISSION = "moderation.view_moderationcase"
_CACHE_ATTRIBUTE = "_viewer_is_moderator"
_WITHHELD_ATTRIBUTE = "_viewer_staff_powers_withheld"


class Viewer(Protocol):
    """Whoever is looking: a member (accounts.User) or a visitor (AnonymousUser)."""

    @property
    def pk(self) -> Any: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    def has_perm(self, perm: str, obj: Any = None) -> bool: ...


def viewer_staff_powers_withhold(viewer: Viewer) -> None:
    """Make this user object act as an ordinary member until the request ends (memory only)."""
    setattr(viewer, _WITHHELD_ATTRIBUTE, True)


def viewer_staff_powers_withheld(viewer: Viewer | None) -> bool:
    """Whether this request's user was marked as acting without staff powers."""
    return bool(getattr(viewer, _WITHHELD_ATTRIBUTE, False))


def viewer_is_member(viewer: Viewer | None) -> bool:
    """Logged in and active: may read members-only text."""
    return bool(viewer is not None and viewer.is_authenticated and viewer.is_active)


def viewer_is_moderator(viewer: Viewer | None) -> bool:
    """A member holding moderation's permission: sees pending and hidden posts, marked."""
    if viewer is None or not viewer_is_member(viewer) or viewer_staff_powers_withheld(viewer):
        return False
    cached = getattr(viewer, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = _holds_moderation_permission(viewer)
        setattr(viewer, _CACHE_ATTRIBUTE, cached)
    return bool(cached)


def viewer_has_staff_powers(viewer: Viewer | None) -> bool:
    """A member whose account is staff or superuser, powers not withheld: staff-only links,
    and the trust that exempts staff from rate limits, new-member review and name rules."""
    if viewer is None or not viewer_is_member(viewer) or viewer_staff_powers_withheld(viewer):
        return False
    return bool(getattr(viewer, "is_staff", False) or getattr(viewer, "is_superuser", False))


def viewer_holds_permission(viewer: Viewer | None, permission: str) -> bool:
    """A member holding `permission` ("app.codename"), powers not withheld."""
    if viewer is None or not viewer_is_member(viewer) or viewer_staff_powers_withheld(viewer):
        return False
    return bool(viewer.has_perm(permission))


def _holds_moderation_permission(viewer: Viewer) -> bool:
    if hasattr(viewer, "_perm_cache") or getattr(viewer, "is_superuser", False):
        return viewer.has_perm(MODERATE_CONTENT_PERMISSION)  # no query: already known
    # What ModelBackend.has_perm answers, in one query instead of its two (the member's own
    # permissions, then their groups'): a page asking only this pays one query, not two.
    from django.contrib.auth.models import Permission  # not at import: core loads before apps

    app_label, codename = MODERATE_CONTENT_PERMISSION.split(".")
    return (
        Permission.objects.filter(Q(user=viewer.pk) | Q(group__user=viewer.pk))
        .filter(content_type__app_label=app_label, codename=codename)
        .exists()
    )


def moderator_expression() -> Any:
    """A boolean SQL expression over a user queryset: that user is a moderator, as
    `viewer_is_moderator` would answer for them (superuser, or moderation's permission held
    directly or through a group). The bulk form for listing other members: one query for a
    page of them, never one each. Staff powers withheld for a request concern only the viewer,
    so they do not apply here."""
    from django.contrib.auth.models import Permission  # not at import: core loads before apps
    from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef

    app_label, codename = MODERATE_CONTENT_PERMISSION.split(".")
    held = Permission.objects.filter(
        Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
        content_type__app_label=app_label,
        codename=codename,
    )
    return ExpressionWrapper(
        Q(is_active=True) & (Q(is_superuser=True) | Q(Exists(held))), output_field=BooleanField()
    )
