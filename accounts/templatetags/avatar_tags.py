"""`{% avatar member size %}`: a member's face, or her initials, at `size` CSS pixels.

    {% load avatar_tags %}
    {% avatar comment.author 40 %}                      decorative: her name is printed beside it
    {% avatar member 96 label=True eager=True %}        the only mention of her name; above the fold

The photo shows when any member may see it (shared with members, not hidden by a moderator),
and never to a visitor, nor to a member who blocked her or whom she blocked; otherwise initials
in a colour of the site's palette that stays the same for a member. Beyond "member or
visitor" the output depends on the viewer only through her blocks, so pages rendered once and
shared between members are never shared with a member who has a block (see
`accounts.blocks.viewer_block_ids`); a new, removed, hidden or re-shared photo saves the
profile, which moves the people version in their cache keys.

Reads `member.profile`: load it with the member (select_related("author__profile")) or each
avatar costs a query.
"""

import hashlib
import re
from functools import cache
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.viewer import viewer_is_member, viewer_is_moderator

from ..forms import PhotoForm
from ..models import User, Visibility
from ..photo_selectors import (
    member_profile_cached,
    photo_hidden_by_block,
    photo_shown_to_members,
)
from ..photos import PHOTO_SIZES

register = template.Library()

# Dark shades of the site's palette (static/css/site.css): white initials on each reach at
# least 4.5:1, so they read at every size.
AVATAR_COLOURS = ("#9c2a5e", "#1a5fb4", "#1e6b3a", "#a4262c", "#6b3f8f", "#5c5257", "#8a4b08")
_KEY = "KEY"
_SIZE = 99999
# Constant attributes, with no input in them.
_LAZY = mark_safe(' loading="lazy"')  # nosec B308 B703
_DECORATIVE = mark_safe('aria-hidden="true"')  # nosec B308 B703
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])|[^\W_]+")


@cache
def _photo_url_template() -> str:
    return reverse("members:photo", kwargs={"key": _KEY, "size": _SIZE})


def photo_url(*, key: str, size: int) -> str:
    """The members-only address of one stored size (one reverse() per process)."""
    return _photo_url_template().replace(_KEY, key).replace(str(_SIZE), str(size))


def _stored_size(wanted: int) -> int:
    return next((size for size in PHOTO_SIZES if size >= wanted), PHOTO_SIZES[-1])


def avatar_initials(name: str) -> str:
    """Up to two initials: "AmberAster" gives "AA", "rose garden" gives "RG"."""
    words = _WORDS.findall(name)
    letters = "".join(word[0] for word in words[:2]).upper()
    return letters or "?"


def avatar_colour(member_pk: int | None) -> str:
    digest = hashlib.blake2b(str(member_pk).encode(), digest_size=2).digest()
    return AVATAR_COLOURS[int.from_bytes(digest, "big") % len(AVATAR_COLOURS)]


def _photo(*, key: str, size: int, alt: str, lazy: bool) -> SafeString:
    one, two = _stored_size(size), _stored_size(size * 2)
    srcset = format_html(' srcset="{} 2x"', photo_url(key=key, size=two)) if two != one else ""
    return format_html(
        '<img class="avatar" src="{}"{} width="{}" height="{}" alt="{}"{} decoding="async">',
        photo_url(key=key, size=one),
        srcset,
        size,
        size,
        alt,
        _LAZY if lazy else "",
    )


def _initials(*, member: User, size: int, label: bool) -> SafeString:
    name = member.public_name
    accessible = format_html('role="img" aria-label="{}"', name) if label else _DECORATIVE
    return format_html(
        '<svg class="avatar avatar-initials" width="{}" height="{}" viewBox="0 0 100 100" {} '
        'focusable="false"><circle cx="50" cy="50" r="50" fill="{}"/>'
        '<text x="50" y="50" dy="0.35em" text-anchor="middle" font-size="40" '
        'font-weight="600" fill="#ffffff">{}</text></svg>',
        size,
        size,
        accessible,
        avatar_colour(member.pk),
        avatar_initials(name),
    )


@register.simple_tag(takes_context=True)
def avatar(
    context: template.Context,
    member: User | None,
    size: int = 48,
    label: bool = False,
    eager: bool = False,
) -> SafeString | str:
    """The avatar of `member` at `size` px. `label=True` when her name is not printed beside
    it (the image then carries it); `eager=True` above the fold (otherwise loaded lazily)."""
    if member is None:
        return ""
    size = int(size)
    viewer = context.get("user")
    profile = member_profile_cached(member) if not member.erased_at else None
    if (
        viewer is not None
        and viewer_is_member(viewer)
        and photo_shown_to_members(profile)
        and not photo_hidden_by_block(member=member, viewer=viewer)
    ):
        assert profile is not None
        alt = member.public_name if label else ""
        return _photo(key=profile.photo_key, size=size, alt=alt, lazy=not eager)
    return _initials(member=member, size=size, label=label)


@register.inclusion_tag("accounts/includes/photo_form.html", takes_context=True)
def photo_settings(context: template.Context) -> dict[str, Any]:
    """The photo section of the settings page (its own form, posting to accounts:photo)."""
    member = context["user"]
    profile = context.get("photo_profile") or member_profile_cached(member)
    form = context.get("photo_form")
    if form is None:
        visibility = profile.photo_visibility if profile is not None else Visibility.MEMBERS
        form = PhotoForm(initial={"photo_visibility": visibility})
    return {
        "user": member,
        "photo_form": form,
        "photo_profile": profile,
        "own_photo_url": (
            photo_url(key=profile.photo_key, size=PHOTO_SIZES[1])
            if profile is not None and profile.photo_key
            else ""
        ),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("accounts/includes/withheld_photo.html", takes_context=True)
def withheld_photo_for_moderators(context: template.Context, member: User) -> dict[str, Any]:
    """On her profile page only: the photo moderation withholds, shown to moderators so they
    can judge a held or hidden profile (never one kept to "only me")."""
    viewer = context.get("user")
    profile = member_profile_cached(member)
    shown = bool(
        viewer is not None
        and viewer_is_moderator(viewer)
        and profile is not None
        and profile.photo_key
        and profile.photo_hidden
        and profile.photo_visibility == Visibility.MEMBERS
    )
    url = photo_url(key=profile.photo_key, size=PHOTO_SIZES[-1]) if shown and profile else ""
    return {"photo_url": url, "member": member}
