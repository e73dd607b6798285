"""Update cards rendered once and shared by every member who sees them the same way.

Rendering the twenty cards of a feed or Activities page was half of its cost. A card shows
nothing of its reader but her hug on it, whether she may post (a hug button or only the count)
and her CSRF token; so a card of someone else's visible update is rendered with a placeholder
token and stored under a key made of everything it shows: the update's own fields (body,
tag, audience, edits, state, hug and comment counts, the moderators' context note), its
author's name, address and photo, the reader's hug and her posting permission. Any change to
what the card shows is a new key, so a stored card can never show an old version; a hidden,
deleted or blocked post is never asked for, because the page's rows still come from the
visibility rule (`update_list_visible`) on every request. Her own cards (pending state, the
crisis card, no report link) are rendered for her alone.

One cache round trip reads every card of a page; the missing ones are rendered and written in
one more.
"""

import hashlib
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.page_cache import csrf_placeholder
from moderation.context_notes import ANNOTATION
from moderation.models import ModerationState

from .feed.types import FeedItem

CARD_TEMPLATE = "activities/includes/update_card.html"
CACHE_SECONDS = 600
KEY_PREFIX = "activities:card:v1"


def _shared(item: FeedItem, viewer_id: int) -> bool:
    update = item.post
    return (
        item.kind == "update"
        and item.template == CARD_TEMPLATE
        and update.author_id != viewer_id
        and update.moderation_state == ModerationState.VISIBLE
    )


def card_key(item: FeedItem, *, may_post: bool) -> str:
    """The cache key of this card as shown to a member with this hug and posting state."""
    update = item.post
    author = update.author
    profile = getattr(author, "profile", None)
    material = (
        update.pk,
        update.moderation_state,
        update.body_html,
        update.body,
        update.tag,
        update.audience,
        update.created_at.isoformat(),
        update.edited_at.isoformat() if update.edited_at else None,
        update.hug_count,
        update.comment_count,
        getattr(update, ANNOTATION, None),
        author.pk,
        author.public_name,
        author.handle,
        profile.photo_key if profile else None,
        profile.photo_visibility if profile else None,
        profile.photo_hidden if profile else None,
        item.hugged,
        may_post,
    )
    digest = hashlib.blake2b(repr(material).encode(), digest_size=20).hexdigest()
    return f"{KEY_PREFIX}:{digest}"


def cards_fill(*, request: HttpRequest, context: dict[str, Any]) -> None:
    """Set `item.html` on every shareable card of the page in `context` (its `page` items),
    from the cache or rendered once and stored; the rest are left for the page to render."""
    page = context.get("page")
    items: list[FeedItem] = list(getattr(page, "items", None) or [])
    viewer_id = int(request.user.pk or 0)
    may_post = not context.get("posting_refusal")
    keys = {
        id(item): card_key(item, may_post=may_post) for item in items if _shared(item, viewer_id)
    }
    if not keys:
        return
    stored = cache.get_many(list(set(keys.values())))
    token = get_token(request)
    placeholder = csrf_placeholder()
    missing: dict[str, str] = {}
    neutral = {**context, "csrf_token": placeholder}
    for item in items:
        key = keys.get(id(item))
        if key is None:
            continue
        html = stored.get(key) or missing.get(key)
        if not isinstance(html, str):
            html = render_to_string(CARD_TEMPLATE, {**neutral, "item": item}, request=request)
            missing[key] = html
        # Safe: our own autoescaped template's output, with the member's token put back in.
        item.html = mark_safe(html.replace(placeholder, token))  # nosec B308 B703
    if missing:
        cache.set_many(missing, CACHE_SECONDS)
