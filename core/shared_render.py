"""Pieces for HTML rendered once and shared by many members (comment and answer pages).

A shared copy is rendered with a placeholder instead of the CSRF token and of each posting
form's idempotency key, and with no hugs; `personalise` puts in the member's own token and fresh
keys, and swaps their hugged buttons in. Its cache key
must change whenever what it shows changes: the callers fold a fingerprint of their posts into
the key, and `people_version` moves whenever anything shown about a member changes (name,
profile address, erasure, the profile facts shown beside answers).
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, QuerySet, Sum
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe

from .content_versions import content_version, content_version_bump
from .idempotency import keys_fill

# Derived from the secret key, so a member cannot type it into a post to have it replaced by
# a reader's token; shared with the anonymous page cache.
from .page_cache import csrf_placeholder

CACHE_SECONDS = 600
PEOPLE = "people"


def people_changed() -> None:
    """Something shown about a member changed: no shared copy may show the old version."""
    content_version_bump(PEOPLE)


def _people_version() -> str | None:
    return content_version(PEOPLE)


@dataclass(frozen=True)
class SharedCopy:
    """A rendering with no hugs and a placeholder token, and each post's hug count."""

    html: str
    hug_counts: dict[int, int]


@dataclass(frozen=True)
class HugTarget:
    """What a hug button reads of a post."""

    pk: int
    hug_count: int


def shared_or_render(
    *,
    request: HttpRequest,
    key: str,
    render: Callable[[], SharedCopy],
    hugged_ids: set[int],
    hug_button: Callable[[HugTarget, bool], str],
) -> SafeString:
    """The shared copy under `key` (rendered and stored on a miss), made this member's own.

    `hug_button(target, hugged)` renders one hug button as the shared template does, so the
    member's hugged buttons can replace the un-hugged ones exactly.
    """
    copy = cache.get(key)
    if not isinstance(copy, SharedCopy):
        copy = render()
        cache.set(key, copy, CACHE_SECONDS)
    swaps = []
    for pk in hugged_ids & copy.hug_counts.keys():
        target = HugTarget(pk=pk, hug_count=copy.hug_counts[pk])
        swaps.append((hug_button(target, False), hug_button(target, True)))
    return personalise(copy.html, request=request, swaps=swaps)


def posts_fingerprint(posts: QuerySet[Any], **extra: Any) -> list[Any]:
    """One aggregate that moves with any change a shared page of these posts shows.

    A new post or reply (count, newest id), a hug (sum of counts), an edit (`edited_at`) and
    every hide, restore, approval and author deletion (each stamps `moderated_at`); `extra`
    adds the caller's own aggregates.
    """
    facts = posts.aggregate(
        count=Count("id"),
        newest=Max("id"),
        hugs=Sum("hug_count"),
        edited=Max("edited_at"),
        moderated=Max("moderated_at"),
        **extra,
    )
    return [facts[name] for name in sorted(facts)]


def shared_key(prefix: str, parts: Iterable[Any]) -> str:
    """A cache key for a shared copy: the caller's parts plus the people version, hashed."""
    material = repr([*parts, _people_version()]).encode()
    return f"{prefix}:{hashlib.blake2b(material, digest_size=16).hexdigest()}"


def personalise(html: str, *, request: HttpRequest, swaps: Iterable[tuple[str, str]]) -> SafeString:
    """The shared copy with this member's fragments swapped in, their own CSRF token and a
    fresh idempotency key in each posting form."""
    for shared_fragment, own_fragment in swaps:
        html = html.replace(shared_fragment, own_fragment, 1)
    html = keys_fill(html.replace(csrf_placeholder(), get_token(request)))
    # Safe: rendered by our autoescaping templates; only our own rendered fragments go in.
    return mark_safe(html)  # nosec B308 B703
