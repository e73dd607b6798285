"""The article's own HTML (head tags and the article itself), rendered once and cached.

Nothing in these parts depends on who is looking (no comments, no names, no CSRF token), so
every visitor and member shares them. The key holds the article's version and comment count:
an edit or a new visible comment makes a new key, and the old one simply expires.
"""

import json
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .models import Article
from .rendering import reading_minutes
from .selectors import article_related

CACHE_SECONDS = 600
# The characters that could end a <script> element or start an HTML entity, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def article_cache_key(*, article: Article) -> str:
    """Changes whenever the article or its visible comment count changes."""
    version = article.updated_at.timestamp() if article.updated_at else 0
    return f"articles:page:v1:{article.pk}:{version}:{article.comment_count}"


def article_json_ld(*, article: Article) -> SafeString:
    """schema.org Article with reviewedBy, escaped so it can never close its <script>."""
    url = f"{settings.SITE_URL}{article.get_absolute_url()}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": settings.SITE_URL,
        },
        "commentCount": article.comment_count,
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    data["dateModified"] = (
        article.revised_at or article.published_at or article.updated_at
    ).isoformat()
    if article.author_id and article.author is not None:
        data["author"] = {"@type": "Person", "name": article.author.public_name}
    if article.reviewer_name:
        data["reviewedBy"] = {
            "@type": "Person",
            "name": article.reviewer_name,
            "jobTitle": article.reviewer_credentials,
        }
    if article.reviewed_on:
        data["lastReviewed"] = article.reviewed_on.isoformat()
    # Safe: <, > and & are escaped to \u00XX by the translate, so nothing can close the script.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # nosec B308 B703


def article_parts_render(*, article: Article, preview: bool = False) -> dict[str, str]:
    """Render the head tags and the article body section (no caching)."""
    context = {
        "article": article,
        "topics": list(article.topics.all()),
        "treatments": list(article.treatments.all()),
        "references": list(article.references.all()),
        "related": article_related(article=article),
        "canonical_url": f"{settings.SITE_URL}{article.get_absolute_url()}",
        "json_ld": article_json_ld(article=article),
        "reading_minutes": reading_minutes(article.body_markdown),
        "preview": preview,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
    }
    return {
        "head": render_to_string("articles/includes/article_head.html", context),
        "main": render_to_string("articles/includes/article_main.html", context),
    }


def article_page_parts(*, article: Article) -> dict[str, str]:
    """The cached parts of a published article; drafts (editors' previews) are never cached."""
    if not article.is_public:
        return article_parts_render(article=article, preview=True)
    key = article_cache_key(article=article)
    parts = cache.get(key)
    if parts is None:
        parts = article_parts_render(article=article)
        cache.set(key, parts, CACHE_SECONDS)
    return parts
