"""A page of an article's comment thread, rendered once and shared by ordinary members.

Rendering 50 comments with their replies is most of the cost of a member's article page, and
for most members the thread looks the same: the visible comments, placeholders for removed
ones with replies, a hug button and a report link on each. What differs per member is small
and filled in per request (`mybcteam.shared_render.personalise`): which comments they hugged,
and their CSRF token.

Everything else that varies goes the uncached way: moderators (who see hidden comments),
members who wrote on this article (their pending comments, edit and delete controls), members
who may not post (no reply boxes), and re-renders that carry a form error.

The key holds a fingerprint of the thread read in one query (comment count, the newest id,
the sum of hugs, the latest edit and the latest moderation, which every hide, restore,
approval and deletion stamps) and the people version, so a renamed or erased member's old
name is never served.
"""

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.http import HttpRequest
from django.template.loader import render_to_string

from mybcteam.page_cache import csrf_placeholder
from mybcteam.shared_render import CACHE_SECONDS, personalise, shared_key

from .models import Article, Comment

THREAD_TEMPLATE = "articles/includes/comment_thread.html"
HUG_TEMPLATE = "articles/includes/hug_button.html"


@dataclass(frozen=True)
class CachedThread:
    html: str
    hug_counts: dict[int, int]


@dataclass(frozen=True)
class _HugTarget:
    """What the hug button reads of a comment."""

    pk: int
    hug_count: int


def thread_is_shared(
    *, article: Article, viewer: Any, moderator: bool, refusal: str | None
) -> bool:
    """Whether this member sees the thread exactly as any ordinary member does."""
    if moderator or refusal:
        return False
    return not Comment.objects.filter(article=article, author_id=viewer.pk).exists()


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
    swaps = [
        _hugged_swap(article=article, target=_HugTarget(pk=pk, hug_count=cached.hug_counts[pk]))
        for pk in context["hugged_ids"] & cached.hug_counts.keys()
    ]
    return personalise(cached.html, request=request, swaps=swaps)


def _thread_key(*, article: Article, page_number: int) -> str:
    facts = Comment.objects.filter(article=article).aggregate(
        count=Count("id"),
        newest=Max("id"),
        hugs=Sum("hug_count"),
        edited=Max("edited_at"),
        moderated=Max("moderated_at"),
    )
    parts = [article.slug, page_number, *(facts[name] for name in sorted(facts))]
    return shared_key(f"articles:thread:v1:{article.pk}", parts)


def _render_shared(*, request: HttpRequest, context: dict[str, Any]) -> CachedThread:
    neutral = {**context, "hugged_ids": set(), "csrf_token": csrf_placeholder()}
    html = render_to_string(THREAD_TEMPLATE, neutral, request)
    counts: dict[int, int] = {}
    for item in context["comments"].items:
        for comment in (item.comment, *item.replies):
            counts[comment.pk] = comment.hug_count
    return CachedThread(html=html, hug_counts=counts)


def _hugged_swap(*, article: Article, target: _HugTarget) -> tuple[str, str]:
    def button(hugged: bool) -> str:
        context = {
            "article": article,
            "comment": target,
            "hugged": hugged,
            "hugged_ids": set(),
            "csrf_token": csrf_placeholder(),
        }
        return render_to_string(HUG_TEMPLATE, context)

    return button(False), button(True)
