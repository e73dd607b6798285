"""A page of an article's comment thread, rendered once and shared by ordinary members.

Rendering 50 comments with their replies is most of the cost of a member's article page, and
for most members the thread looks the same: the visible comments, placeholders for removed
ones with replies, a hug button and a report link on each. What differs per member is small:

- which comments they hugged: the cached copy shows none hugged, and each of theirs is swapped
  for the hugged form of its button;
- their CSRF token: the copy holds a placeholder, replaced by the member's own token.

Everything else that varies goes the uncached way: moderators (who see hidden comments),
members who wrote on this article (their pending comments, edit and delete controls), members
who may not post (no reply boxes), and re-renders that carry a form error.

The key holds a fingerprint of the thread read in one query (comment count, the newest id,
the sum of hugs, the latest edit and the latest moderation, which every hide, restore and
deletion stamps) and a version that moves when any member's name or address changes, so a
renamed or erased member's old name is never served.
"""

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Comment

CACHE_SECONDS = 600
NAMES_VERSION_KEY = "articles:thread:member-names"
THREAD_TEMPLATE = "articles/includes/comment_thread.html"
HUG_TEMPLATE = "articles/includes/hug_button.html"
# Never a real token: Django's tokens are 64 letters and digits.
CSRF_PLACEHOLDER = "csrf-token-placeholder"


@dataclass(frozen=True)
class CachedThread:
    html: str
    hug_counts: dict[int, int]


def thread_is_shared(
    *, article: Article, viewer: Any, moderator: bool, refusal: str | None
) -> bool:
    """Whether this member sees the thread exactly as any ordinary member does."""
    if moderator or refusal:
        return False
    return not Comment.objects.filter(article=article, author_id=viewer.pk).exists()


def member_names_changed() -> None:
    """A display name, profile address or erasure changed: no cached thread shows old names."""
    try:
        cache.incr(NAMES_VERSION_KEY)
    except ValueError:  # not in the cache yet (or evicted): any new value changes the keys
        cache.set(NAMES_VERSION_KEY, _fresh_version(), None)


def _fresh_version() -> int:
    return time.time_ns()


def _names_version() -> int:
    version = cache.get(NAMES_VERSION_KEY)
    if version is None:
        version = _fresh_version()
        cache.add(NAMES_VERSION_KEY, version, None)
    return int(version)


def _thread_key(*, article: Article, page_number: int) -> str:
    facts = Comment.objects.filter(article=article).aggregate(
        count=Count("id"),
        newest=Max("id"),
        hugs=Sum("hug_count"),
        edited=Max("edited_at"),
        moderated=Max("moderated_at"),
    )
    parts = [article.slug, page_number, _names_version(), *(facts[k] for k in sorted(facts))]
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    return f"articles:thread:v1:{article.pk}:{digest}"


def thread_render(
    *,
    request: HttpRequest,
    context: dict[str, Any],
    article: Article,
    page_number: int,
    shared: bool,
) -> str:
    """The thread's HTML for this request: from the shared copy when the member may have it."""
    if not shared:
        return render_to_string(THREAD_TEMPLATE, context, request)  # a SafeString already
    key = _thread_key(article=article, page_number=page_number)
    cached = cache.get(key)
    if not isinstance(cached, CachedThread):
        cached = _render_shared(request=request, context=context)
        cache.set(key, cached, CACHE_SECONDS)
    return _personalise(cached, request=request, article=article, hugged_ids=context["hugged_ids"])


def _render_shared(*, request: HttpRequest, context: dict[str, Any]) -> CachedThread:
    neutral = {**context, "hugged_ids": set(), "csrf_token": CSRF_PLACEHOLDER}
    html = render_to_string(THREAD_TEMPLATE, neutral, request)
    counts: dict[int, int] = {}
    for item in context["comments"].items:
        for comment in (item.comment, *item.replies):
            counts[comment.pk] = comment.hug_count
    return CachedThread(html=html, hug_counts=counts)


def _personalise(
    cached: CachedThread, *, request: HttpRequest, article: Article, hugged_ids: set[int]
) -> SafeString:
    html = cached.html
    for pk in hugged_ids & cached.hug_counts.keys():
        comment = _HugTarget(pk=pk, hug_count=cached.hug_counts[pk])
        plain = _hug_button(article=article, comment=comment, hugged=False)
        html = html.replace(plain, _hug_button(article=article, comment=comment, hugged=True), 1)
    html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    # Safe: rendered by our templates (autoescaped); only our own fragments are swapped in.
    return mark_safe(html)  # nosec B308 B703


@dataclass(frozen=True)
class _HugTarget:
    """What the hug button reads of a comment."""

    pk: int
    hug_count: int


def _hug_button(*, article: Article, comment: _HugTarget, hugged: bool) -> str:
    context = {
        "article": article,
        "comment": comment,
        "hugged": hugged,
        "hugged_ids": set(),
        "csrf_token": CSRF_PLACEHOLDER,
    }
    return render_to_string(HUG_TEMPLATE, context)
