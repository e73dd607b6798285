"""RSS and Atom feeds of published articles: titles and summaries only, never comments."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import Article
from .selectors import article_list_published

FEED_SIZE = 20


class ArticlesFeed(Feed):
    title = f"{settings.SITE_NAME} articles"
    description = "New and updated articles about breast cancer treatment, medically reviewed."

    def link(self) -> str:
        return f"{settings.SITE_URL}/articles/"

    def items(self) -> Any:
        return article_list_published()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_link(self, item: Article) -> str:
        return f"{settings.SITE_URL}{item.get_absolute_url()}"

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at

    def item_author_name(self, item: Article) -> str:
        return item.author.public_name if item.author else settings.SITE_NAME

    def item_categories(self, item: Article) -> list[str]:
        return [topic.name for topic in item.topics.all()]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description
