"""A page of an article's comment thread, rendered once and shared by ordinary members.

Rendering 50 comments with their replies is most of the cost of a member's article page, and
for most members the thread looks the same: the visible comments, placeholders for removed
ones with replies, a hug button and a report link on each. What differs per member is small
and filled in per request (`core.shared_render.personalise`): which comments they hugged,
and their CSRF token.

Everything else that varies goes the uncached way: moderators (who see hidden comments),
members who wrote on this article (their pending comments, edit and delete controls), members
who may not post (no reply boxes), and re-renders that carry a form error.

The key holds a fingerprint of the thread read in one query (comment count, the newest id,
the sum of hugs, the latest edit and the latest moderation, which every hide, restore,
approval and deletion stamps) and the people version, so a renamed or erased member's old
name is never served.
"""

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.blocks import viewer_block_ids
from core.hugs import HUG_BUTTON_TEMPLATE, hug_button_context
from core.page_cache import csrf_placeholder
from core.shared_render import (
    HugTarget,
    SharedCopy,
    posts_fingerprint,
    shared_key,
    shared_or_render,
)
from core.viewer import Viewer

from .models import Article, Comment

THREAD_TEMPLATE = "articles/includes/comment_thread.html"


def thread_is_shared(
    *, article: Article, viewer: Viewer, moderator: bool, refusal: str | None
) -> bool:
    """Whether this member sees the thread exactly as any ordinary member does."""
    if moderator or refusal:
        return False
    if viewer_block_ids(viewer=viewer):  # faces differ for her (accounts' avatar rule)
        return False
    return not Comment.objects.filter(article=article, author_id=viewer.pk).exists()


def thread_key_facts(*, article: Article) -> list[Any]:
    """What the shared thread's key is made of, read BEFORE the comments it will describe.

    Read after them, a hide committed between the two reads would store the thread with the
    hidden comment under the key that already counts the hide; read before, the worst is a
    newer thread under the older key, which the next reader's key no longer matches.
    """
    return posts_fingerprint(Comment.objects.filter(article=article))


def thread_render(
    *,
    request: HttpRequest,
    context: dict[str, Any],
    article: Article,
    page_number: int,
    shared: bool,
    key_facts: list[Any],
) -> str:
    """The thread's HTML for this request: from the shared copy when the member may have it."""
    if not shared:
        return render_to_string(THREAD_TEMPLATE, context, request)  # a SafeString already
    return shared_or_render(
        request=request,
        key=_thread_key(article=article, page_number=page_number, facts=key_facts),
        render=lambda: _render_shared(request=request, context=context),
        hugged_ids=context["hugged_ids"],
        hug_button=lambda target, hugged: _hug_button(article, target, hugged),
    )


def _thread_key(*, article: Article, page_number: int, facts: list[Any]) -> str:
    parts = [article.slug, page_number, *facts]
    return shared_key(f"articles:thread:v3:{article.pk}", parts)


def _render_shared(*, request: HttpRequest, context: dict[str, Any]) -> SharedCopy:
    neutral = {**context, "hugged_ids": set(), "csrf_token": csrf_placeholder()}
    html = render_to_string(THREAD_TEMPLATE, neutral, request)
    counts: dict[int, int] = {}
    for item in context["comments"].items:
        for comment in (item.comment, *item.replies):
            counts[comment.pk] = comment.hug_count
    return SharedCopy(html=html, hug_counts=counts)


def _hug_button(article: Article, target: HugTarget, hugged: bool) -> str:
    url = reverse("articles:comment_hug", kwargs={"slug": article.slug, "pk": target.pk})
    context = hug_button_context(
        kind="comment", pk=target.pk, url=url, hugged=hugged, count=target.hug_count, look="heart"
    )
    return render_to_string(HUG_BUTTON_TEMPLATE, {**context, "csrf_token": csrf_placeholder()})
