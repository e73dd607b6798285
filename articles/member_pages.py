"""The article page with its comments as ordinary members share it (core.member_pages).

One copy per article, page of comments, text size and the review notice her comment box shows
(the same sentence for every member it concerns). Her own state is put in per request: her
hugged comments. Her own render instead for members holding a permission (moderators see
hidden comments, editors drafts), members who wrote on this article (pending comments, edit
and delete controls), members with a block either way (faces show them initials), members who
may not post and new members (a notice in every reply box).

The key holds the public-pages version (every save of an article, a comment, a topic and
every moderation decision moves it: the article, the related questions, the counts), one
aggregate of the article's comments (hugs move no version) and the people version (names,
erasure). Nothing of a member is in a key or a shared copy.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache as memoize
from typing import Any

from django.db import connection, connections
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from accounts.models import Block, User
from core.db_routing import read_alias
from core.member_pages import (
    MemberPage,
    holds_any_permission_sql,
    member_marks_among,
    member_page_serve,
    request_may_share,
)
from core.public_pages import public_pages_version
from core.shared_render import HugTarget, shared_key
from core.viewer import viewer_is_member
from moderation.policy import posting_state

from .models import Article, Comment, CommentHug
from .selectors import PUBLIC_STATUSES
from .thread_cache import _hug_button

Render = Callable[[], tuple[HttpResponse, dict[str, Any]]]


@dataclass(frozen=True)
class ArticlePageFacts:
    """The article, its comments' aggregate and its reader, as the shared page needs them."""

    pk: int
    public: bool
    comments: tuple[Any, ...]  # count, newest id, hugs, latest edit, latest moderation
    staff: bool  # holds a permission: a moderator, an editor
    blocks: bool
    commented: bool


@memoize
def _facts_sql() -> str:
    """One statement for `article_page_facts`, built once (as forum.member_pages)."""
    quote = connection.ops.quote_name
    articles = quote(Article._meta.db_table)
    comments = quote(Comment._meta.db_table)
    return (
        "SELECT a.id, a.status IN (%(published)s, %(scheduled)s) AND a.published_at <= %(now)s, "  # nosec B608 - model names, bound values
        "c.n, c.newest, c.hugs, c.edited, c.moderated, "
        f"{holds_any_permission_sql()}, "
        f"EXISTS(SELECT 1 FROM {quote(Block._meta.db_table)} "
        "WHERE blocker_id = %(viewer)s OR blocked_id = %(viewer)s), "
        f"EXISTS(SELECT 1 FROM {comments} WHERE article_id = a.id AND author_id = %(viewer)s) "
        f"FROM {articles} a LEFT JOIN (SELECT article_id, COUNT(*) AS n, MAX(id) AS newest, "
        "SUM(hug_count) AS hugs, MAX(edited_at) AS edited, MAX(moderated_at) AS moderated "
        f"FROM {comments} WHERE article_id = (SELECT id FROM {articles} WHERE slug = %(slug)s) "
        "GROUP BY article_id) c ON c.article_id = a.id WHERE a.slug = %(slug)s"
    )


def article_page_facts(*, slug: str, viewer: User) -> ArticlePageFacts | None:
    """What deciding and keying her shared article page needs, in one query; None for an
    article that does not exist."""
    published, scheduled = PUBLIC_STATUSES
    params: dict[str, Any] = {
        "slug": slug,
        "viewer": viewer.pk,
        "published": published,
        "scheduled": scheduled,
        "now": connection.ops.adapt_datetimefield_value(timezone.now()),
    }
    # From the database the page is rendered from (a replica's snapshot, core.read_your_writes):
    # the aggregate keys that rendering, and the primary's newer rows would key older ones.
    with connections[read_alias(app_label=Article._meta.app_label)].cursor() as cursor:
        cursor.execute(_facts_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    pk, public, *rest = row
    *comments, staff, blocks, commented = rest
    return ArticlePageFacts(
        pk=pk,
        public=bool(public),
        comments=tuple(comments),
        staff=bool(staff),
        blocks=bool(blocks),
        commented=bool(commented),
    )


def article_page_shared(request: HttpRequest, *, slug: str, render: Render) -> HttpResponse | None:
    """The article page from the members' shared copy, or None: render her own."""
    viewer = request.user
    if not viewer_is_member(viewer) or not request_may_share(request):
        return None
    if not set(request.GET) <= {"page"} or not isinstance(viewer, User):
        return None
    raw_page = request.GET.get("page", "1")
    if not (raw_page.isascii() and raw_page.isdigit()) or not 1 <= int(raw_page) <= 1000:
        return None
    if viewer.is_superuser or viewer.is_staff:
        return None
    facts = article_page_facts(slug=slug[:200], viewer=viewer)
    if facts is None or not facts.public or facts.staff or facts.blocks or facts.commented:
        return None  # a draft, a missing article, or a reader whose page is her own
    refusal, notice = posting_state(viewer)
    if refusal is not None or (notice is not None and notice.every_post):
        return None
    version = public_pages_version()
    if version is None:
        return None
    larger = request.COOKIES.get("text_size") == "large" or viewer.prefers_larger_text
    parts = [int(raw_page), repr(notice), larger, version, *facts.comments]
    return member_page_serve(
        request,
        key=shared_key(f"articles:member-page:v1:{facts.pk}", parts),
        render=render,
        swaps=lambda copy: _comment_swaps(viewer=viewer, slug=slug, copy=copy),
    )


def _comment_swaps(*, viewer: User, slug: str, copy: MemberPage) -> Iterable[tuple[str, str]]:
    """Her hugged buttons in place of the shared ones."""
    hug_counts: dict[int, int] = copy.facts.get("hug_counts", {})
    if not hug_counts:
        return
    article = Article(slug=slug)  # what a hug button's address needs
    hugged = member_marks_among(
        CommentHug, column="comment_id", member_id=viewer.pk, ids=hug_counts
    )
    for comment_id in hugged:
        target = HugTarget(pk=comment_id, hug_count=hug_counts[comment_id])
        yield _hug_button(article, target, False), _hug_button(article, target, True)
