import html
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from accounts import demo as accounts_demo
from articles import demo, demo_library_living
from articles.models import Article, Comment
from catalogue.models import Topic, Treatment

pytestmark = pytest.mark.django_db


def test_demo_seed_writes_eight_reviewed_articles_with_threads_and_is_idempotent():
    accounts_demo.seed()

    demo.seed()
    demo.seed()

    articles = list(Article.objects.all())
    assert len(articles) >= 8
    for article in articles:
        assert 3 <= len(article.key_point_list) <= 5
        assert article.topics.exists()
        assert article.references.exists()
        assert article.reviewer_name
        assert article.is_public
        assert article.toc
    flagship = Article.objects.get(slug="her2-positive-breast-cancer-treatment-overview")
    assert flagship.comment_count == Comment.objects.filter(article=flagship).count() >= 3
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert Comment.objects.count() == len(
        set(Comment.objects.values_list("article", "author", "body"))
    )


def test_demo_seed_second_run_keeps_article_versions():
    accounts_demo.seed()
    demo.seed()
    versions = dict(Article.objects.values_list("slug", "updated_at"))

    demo.seed()

    assert dict(Article.objects.values_list("slug", "updated_at")) == versions
    assert Article.objects.filter(next_review_due__lt=timezone.localdate()).count() == 1


LIVING = demo_library_living.ARTICLES
LIVING_SLUGS = [data["slug"] for data in LIVING]
# What Markdown leaves behind in the text when it is not rendered.
RAW_MARKDOWN = re.compile(r"\*\*|__|^#+ |\]\(|\]\[|^\s*[-*+] |^\s*\d+\. |`", re.MULTILINE)


def test_demo_library_living_articles_are_reviewed_referenced_and_rendered():
    demo.seed()

    articles = Article.objects.filter(slug__in=LIVING_SLUGS).prefetch_related("references")

    assert len(articles) == len(LIVING_SLUGS) >= 12
    by_slug = {data["slug"]: data for data in LIVING}
    for article in articles:
        data = by_slug[article.slug]
        assert 3 <= len(article.key_point_list) <= 5, article.slug
        assert (article.reviewer_name, article.reviewer_credentials) == data["reviewer"]
        urls = [reference.url for reference in article.references.all()]
        assert urls, article.slug
        assert all(urlsplit(url).scheme == "https" and urlsplit(url).netloc for url in urls)
        text = html.unescape(strip_tags(article.body_html))
        assert not RAW_MARKDOWN.search(text), (article.slug, RAW_MARKDOWN.search(text))
        assert 350 <= len(text.split()) <= 700, article.slug
        headings = [entry["text"] for entry in article.toc]
        assert len(headings) >= 3, article.slug
        assert headings[-1] == "Questions you might bring", article.slug
        assert article.is_public
        assert not article.review_is_past_due


def test_demo_library_living_covers_each_of_its_topics_at_least_twice():
    demo.seed()

    own_topics = Counter(slug for data in LIVING for slug in data["topics"])

    assert {"emotional-support", "everyday-life", "clinical-trials", "caregivers"} <= set(
        own_topics
    )
    assert all(count >= 2 for count in own_topics.values()), own_topics
    for slug in own_topics:
        topic = Topic.objects.get(slug=slug)
        assert topic.description
        assert topic.articles.filter(slug__in=LIVING_SLUGS).count() == own_topics[slug]


def test_demo_library_living_links_only_to_articles_and_treatments_that_exist():
    demo.seed()

    linked = {
        slug
        for data in LIVING
        for slug in re.findall(r"\]\(/articles/([a-z0-9-]+)/\)", data["body"])
    }
    wanted_treatments = {slug for data in LIVING for slug in data["treatments"]}

    assert linked
    assert linked <= set(Article.objects.values_list("slug", flat=True))
    assert wanted_treatments <= set(Treatment.objects.values_list("slug", flat=True))
    for data in LIVING:
        article = Article.objects.get(slug=data["slug"])
        assert sorted(article.treatments.values_list("slug", flat=True)) == sorted(
            data["treatments"]
        )
