"""The sitemap: public pages, topics and published articles; no member-only URL ever."""

from datetime import datetime
from typing import Any

from django.urls import NoReverseMatch, reverse

from catalogue.models import Topic
from core.sitemaps import SiteUrlSitemap

from .models import Article
from .selectors import article_list_published


class PublicPagesSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> list[str]:
        names = ["home", "articles:list", "forum:list", "treatments:list", "guidelines", "privacy"]
        found = []
        for name in names:
            try:
                reverse(name)
            except NoReverseMatch:
                continue  # a page exists only once its app is installed
            found.append(name)
        return found

    def location(self, item: str) -> str:
        return reverse(item)


class TopicSitemap(SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> Any:
        return Topic.objects.order_by("name")


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self) -> Any:
        return (
            article_list_published()
            .select_related(None)
            .only("slug", "published_at", "revised_at", "updated_at")
        )

    def lastmod(self, item: Article) -> datetime | None:
        return item.revised_at or item.published_at


SITEMAPS = {"pages": PublicPagesSitemap, "topics": TopicSitemap, "articles": ArticleSitemap}
