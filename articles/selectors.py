"""Reads of the articles app; visibility lives here, so every caller passes the viewer."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from catalogue.models import Topic
from core.viewer import Viewer, viewer_holds_permission, viewer_is_member, viewer_is_moderator
from moderation.context_notes import with_context_notes
from moderation.models import ModerationState

from .models import Article, ArticleStatus, ArticleSuggestedQuestion, Comment, CommentHug

COMMENTS_PER_PAGE = 50
ARTICLES_PER_PAGE = 12
PUBLIC_STATUSES = (ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED)


def viewer_is_editor(viewer: Viewer) -> bool:
    """Editors (and superusers) may see drafts and scheduled articles."""
    return viewer_holds_permission(viewer, "articles.change_article")


def article_list_published(*, topic: Topic | None = None) -> QuerySet[Article]:
    """Published articles whose time has come, newest first (served by article_published_idx)."""
    qs = Article.objects.filter(status__in=PUBLIC_STATUSES, published_at__lte=timezone.now())
    if topic is not None:
        qs = qs.filter(topics=topic)
    return qs.select_related("author").order_by("-published_at", "-id")


def article_get_for_viewer(*, slug: str, viewer: Viewer) -> Article | None:
    """The article if this viewer may read it: everyone once published, editors always."""
    qs = Article.objects.select_related("author")
    if not viewer_is_editor(viewer):
        qs = qs.filter(status__in=PUBLIC_STATUSES, published_at__lte=timezone.now())
    return qs.filter(slug=slug).first()


def article_suggested_questions(*, article: Article) -> list[ArticleSuggestedQuestion]:
    """The questions editors offer readers of this article for their care-team list."""
    return list(article.suggested_questions.order_by("position", "id"))


def article_related(*, article: Article, limit: int = 3) -> list[Article]:
    """The editor's chosen related articles, else published ones sharing the most topics."""
    published = article_list_published().exclude(pk=article.pk)
    chosen = list(published.filter(pk__in=article.related_articles.values("pk"))[:limit])
    if chosen:
        return chosen
    return list(
        published.filter(topics__in=article.topics.values("pk"))
        .annotate(shared=Count("topics"))
        .order_by("-shared", "-published_at", "-id")[:limit]
    )


@dataclass
class ThreadItem:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


@dataclass
class CommentPage:
    items: list[ThreadItem]
    page: Page | None
    hugged_ids: set[int]
    viewer_is_moderator: bool

    @property
    def is_empty(self) -> bool:
        return not self.items


def _visible_to(viewer: Viewer) -> Q:
    return Q(moderation_state=ModerationState.VISIBLE) | Q(
        moderation_state=ModerationState.PENDING, author_id=viewer.pk
    )


def comment_list_for_article(
    *, article: Article, viewer: Viewer, page: int | str = 1
) -> CommentPage:
    """A page of 50 top-level comments with their replies, as this viewer may see them.

    Visitors get nothing. Members see visible comments and their own pending ones; a hidden or
    removed comment with visible replies stays as a placeholder so the replies keep their
    context. Moderators see everything, marked. Four queries whatever the thread's size.
    """
    if not viewer_is_member(viewer):
        return CommentPage(items=[], page=None, hugged_ids=set(), viewer_is_moderator=False)
    moderator = viewer_is_moderator(viewer)
    top_level = Comment.objects.filter(article=article, parent__isnull=True)
    replies = Comment.objects.all()
    if not moderator:
        allowed = _visible_to(viewer)
        visible_replies = Comment.objects.filter(parent=OuterRef("pk")).filter(allowed)
        top_level = top_level.filter(allowed | Q(Exists(visible_replies)))
        replies = replies.filter(allowed)
    top_level = with_context_notes(top_level.select_related("author", "author__profile")).order_by(
        "created_at", "id"
    )
    paginator = Paginator(top_level, COMMENTS_PER_PAGE)
    page_obj = paginator.get_page(page)
    parents = list(page_obj.object_list)
    replies_by_parent: dict[int, list[Comment]] = {c.pk: [] for c in parents}
    if parents:
        for reply in with_context_notes(
            replies.filter(parent_id__in=list(replies_by_parent)).select_related(
                "author", "author__profile"
            )
        ).order_by("created_at", "id"):
            replies_by_parent[reply.parent_id].append(reply)  # type: ignore[index]
    all_ids = [c.pk for c in parents] + [r.pk for rs in replies_by_parent.values() for r in rs]
    hugged = set(
        CommentHug.objects.filter(member_id=viewer.pk, comment_id__in=all_ids).values_list(
            "comment_id", flat=True
        )
        if all_ids
        else []
    )
    items = [ThreadItem(comment=c, replies=replies_by_parent[c.pk]) for c in parents]
    return CommentPage(items=items, page=page_obj, hugged_ids=hugged, viewer_is_moderator=moderator)


def comment_get_for_viewer(*, article: Article, pk: int, viewer: Viewer) -> Comment | None:
    """One comment of this article if the viewer may see it (members only)."""
    if not viewer_is_member(viewer):
        return None
    qs = Comment.objects.filter(article=article, pk=pk)
    if not viewer_is_moderator(viewer):
        qs = qs.filter(_visible_to(viewer))
    return with_context_notes(qs.select_related("author", "author__profile", "article")).first()


def comment_get_for_author(*, article: Article, pk: int, viewer: Viewer) -> Comment | None:
    """One of the viewer's own comments on this article, in any state but removed."""
    if not viewer_is_member(viewer):
        return None
    return (
        Comment.objects.filter(article=article, pk=pk, author_id=viewer.pk)
        .exclude(moderation_state=ModerationState.REMOVED)
        .select_related("author", "author__profile", "article")
        .first()
    )


def comment_page_number(*, comment: Comment, viewer: Viewer) -> int:
    """The thread page (of 50 top-level comments) that shows this comment or its parent."""
    top_id = comment.parent_id or comment.pk
    top = Comment.objects.only("created_at", "article_id").get(pk=top_id)
    earlier = Comment.objects.filter(article_id=top.article_id, parent__isnull=True).filter(
        Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, id__lt=top.pk)
    )
    if not viewer_is_moderator(viewer):
        visible_replies = Comment.objects.filter(parent=OuterRef("pk")).filter(_visible_to(viewer))
        earlier = earlier.filter(_visible_to(viewer) | Q(Exists(visible_replies)))
    return earlier.count() // COMMENTS_PER_PAGE + 1


def article_list_for_member_topics(
    *, topic_ids: list[int], treatment_ids: list[int], limit: int = 4
) -> list[Article]:
    """The newest published articles in any of these topics or about any of these treatments
    (a member's home page); two short queries."""
    if not topic_ids and not treatment_ids:
        return []
    matches = Q(topics__in=topic_ids) | Q(treatments__in=treatment_ids)
    ids = list(
        article_list_published()
        .filter(matches)
        .order_by("-published_at", "-id")
        .values_list("id", flat=True)
        .distinct()[:limit]
    )
    # Distinct ids first, then the rows: DISTINCT over whole rows would compare the bodies.
    return list(
        Article.objects.filter(id__in=ids).select_related("author").order_by("-published_at", "-id")
    )
