"""Feed cards rendered once and shared by every member who sees them the same way.

Rendering the twenty cards of a feed or Activities page was half of its cost. A team mate's
question card shows nothing of its reader; an update card shows nothing of her but her hug on
it, whether she may post (a hug button or only the count) and her CSRF token. So a card of
someone else's visible post is rendered with a placeholder token and stored under a key made
of everything it shows: the post's own fields (body or title, tag, audience, edits, state,
hug, answer and comment counts, the moderators' context note), its author's name, address
and photo, and for an update the reader's hug and her posting permission. Any change to what
the card shows is a new key, so a stored card can never show an old version; a hidden,
deleted or blocked post is never asked for, because the page's rows still come from the
visibility rules (`update_list_visible`, the sources' own) on every request. Her own cards
(pending state, the crisis card, no report link) are rendered for her alone.

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


QUESTION_TEMPLATE = "forum/includes/team_feed_question.html"


def _shared(item: FeedItem, viewer_id: int) -> bool:
    post = item.post
    if item.kind == "question":
        # A team mate's question: title, counts and her face, nothing of the reader.
        return item.template == QUESTION_TEMPLATE and post.author_id != viewer_id
    return (
        item.kind == "update"
        and item.template == CARD_TEMPLATE
        and post.author_id != viewer_id
        and post.moderation_state == ModerationState.VISIBLE
    )


def _author_material(author: Any) -> tuple[Any, ...]:
    profile = getattr(author, "profile", None)
    return (
        author.pk,
        author.public_name,
        author.handle,
        profile.photo_key if profile else None,
        profile.photo_visibility if profile else None,
        profile.photo_hidden if profile else None,
    )


def card_key(item: FeedItem, *, may_post: bool) -> str:
    """The cache key of this card as shown to a member with this hug and posting state."""
    post = item.post
    if item.kind == "question":
        material: tuple[Any, ...] = (
            "question",
            post.pk,
            post.title,
            post.get_absolute_url(),
            post.created_at.isoformat(),
            post.answer_count,
            post.hug_count,
        )
    else:
        material = (
            "update",
            post.pk,
            post.moderation_state,
            post.body_html,
            post.body,
            post.tag,
            post.audience,
            post.created_at.isoformat(),
            post.edited_at.isoformat() if post.edited_at else None,
            post.hug_count,
            post.comment_count,
            getattr(post, ANNOTATION, None),
            item.hugged,
            may_post,
        )
    material += _author_material(post.author)
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
            html = render_to_string(item.template, {**neutral, "item": item}, request=request)
            missing[key] = html
        # Safe: our own autoescaped template's output, with the member's token put back in.
        item.html = mark_safe(html.replace(placeholder, token))  # nosec B308 B703
    if missing:
        cache.set_many(missing, CACHE_SECONDS)
