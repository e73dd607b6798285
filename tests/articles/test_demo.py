import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import demo as accounts_demo
from articles import demo, demo_library_treatment, selectors
from articles.models import Article, Comment
from catalogue.demo import TOPICS
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


# What a Markdown marker left unrendered looks like once the HTML tags are gone.
_RAW_MARKDOWN = re.compile(r"\*\*|__|^#+ |\]\(|^\[[^\]]+\]:|^\s*[-*] ", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")


def test_demo_seed_gives_every_catalogue_topic_at_least_two_published_articles(client):
    accounts_demo.seed()

    demo.seed()

    for slug, name, _ in TOPICS:
        topic = Topic.objects.get(slug=slug)
        assert selectors.article_list_published(topic=topic).count() >= 2, name
        response = client.get(reverse("articles:topic", kwargs={"slug": slug}))
        assert "No articles here yet" not in response.content.decode(), name


def test_demo_library_articles_are_reviewed_with_key_points_and_linked_references():
    demo.seed()

    slugs = [data["slug"] for data in demo_library_treatment.ARTICLES]
    articles = Article.objects.filter(slug__in=slugs).prefetch_related("references")
    assert len(slugs) >= 12
    assert articles.count() == len(slugs) == len(set(slugs))
    for article in articles:
        assert 3 <= len(article.key_point_list) <= 5, article.slug
        assert article.reviewer_name.startswith("Dr. "), article.slug
        assert article.reviewer_credentials, article.slug
        assert article.reviewed_on is not None, article.slug
        references = list(article.references.all())
        assert references, article.slug
        assert all(ref.url.startswith(("https://", "http://")) for ref in references)
        assert article.is_public


def test_demo_library_articles_link_only_catalogue_treatments_and_topics():
    demo.seed()

    known_treatments = set(Treatment.objects.values_list("slug", flat=True))
    known_topics = {slug for slug, _, _ in TOPICS}
    for data in demo_library_treatment.ARTICLES:
        assert set(data["treatments"]) <= known_treatments, data["slug"]
        assert set(data["topics"]) <= known_topics, data["slug"]
        article = Article.objects.get(slug=data["slug"])
        assert article.treatments.count() == len(data["treatments"])


def test_demo_library_articles_render_without_raw_markdown_and_link_to_real_articles():
    demo.seed()

    existing = set(Article.objects.values_list("slug", flat=True))
    for data in demo_library_treatment.ARTICLES:
        article = Article.objects.get(slug=data["slug"])
        text = unescape(_TAG.sub("", article.body_html))
        assert not _RAW_MARKDOWN.search(text), (article.slug, _RAW_MARKDOWN.search(text))
        assert [entry["text"] for entry in article.toc][-1] == "Questions you might bring"
        words = len(re.findall(r"\w+", text))
        assert 350 <= words <= 750, (article.slug, words)
        for target in re.findall(r'href="/articles/([^/"]+)/"', article.body_html):
            assert target in existing, (article.slug, target)
