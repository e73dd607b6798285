"""What the articles app makes searchable (registered from ArticlesConfig.ready()).

Articles are public text, so visitors match and see their summaries; comments are members'
words, for members only, named after their article.
"""

from typing import Any

from django.db.models import QuerySet

from core.search_registry import SearchableKind
from core.viewer import Viewer
from moderation.models import ModerationState

from .models import Article, Comment
from .selectors import article_list_published


def _articles_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return article_list_published().order_by()


def _comments_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return Comment.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        article__in=article_list_published().order_by().values("pk"),
    )


ARTICLE = SearchableKind(
    name="article",
    label="Articles",
    model=Article,
    visible=_articles_visible,
    url=lambda article: article.get_absolute_url(),
    title_field="title",
    body_fields=("summary", "body_markdown"),
    date_field="published_at",
    topic_field="topics",
    body_public=True,
    editorial=True,
)

COMMENT = SearchableKind(
    name="comment",
    label="Comments",
    model=Comment,
    visible=_comments_visible,
    url=lambda comment: comment.get_absolute_url(),
    title_field="article__title",
    body_fields=("body",),
    date_field="created_at",
    topic_field="article__topics",
    members_only=True,
)
