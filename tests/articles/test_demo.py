import html
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from accounts import demo as accounts_demo
from articles import demo, demo_library_living, demo_library_treatment, selectors
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


# The library beyond the HER2 series: side effects, tests, other kinds of breast cancer,
# emotional support, everyday life, trials, caregivers, decisions, surgery and chemotherapy.
LIBRARY = [*demo_library_treatment.ARTICLES, *demo_library_living.ARTICLES]
LIBRARY_SLUGS = [data["slug"] for data in LIBRARY]
# What Markdown leaves behind in the text when it is not rendered.
RAW_MARKDOWN = re.compile(r"\*\*|__|^#+ |\]\(|\]\[|^\[[^\]]+\]:|^\s*[-*+] |`", re.MULTILINE)


def test_demo_seed_gives_every_catalogue_topic_at_least_two_published_articles(client):
    accounts_demo.seed()

    demo.seed()

    for slug, name, _ in TOPICS:
        topic = Topic.objects.get(slug=slug)
        assert topic.description, name
        assert selectors.article_list_published(topic=topic).count() >= 2, name
        response = client.get(reverse("articles:topic", kwargs={"slug": slug}))
        assert "No articles here yet" not in response.content.decode(), name


def test_demo_library_articles_are_reviewed_with_key_points_and_linked_references():
    demo.seed()

    articles = Article.objects.filter(slug__in=LIBRARY_SLUGS).prefetch_related("references")

    assert len(LIBRARY_SLUGS) == len(set(LIBRARY_SLUGS)) >= 24
    assert articles.count() == len(LIBRARY_SLUGS)
    for article in articles:
        assert 3 <= len(article.key_point_list) <= 5, article.slug
        assert article.reviewer_name, article.slug
        assert article.reviewer_credentials, article.slug
        assert article.reviewed_on is not None, article.slug
        urls = [reference.url for reference in article.references.all()]
        assert urls, article.slug
        assert all(urlsplit(url).scheme == "https" and urlsplit(url).netloc for url in urls)
        assert article.is_public
        assert not article.review_is_past_due


def test_demo_library_articles_render_without_raw_markdown_and_end_with_questions():
    demo.seed()

    for article in Article.objects.filter(slug__in=LIBRARY_SLUGS):
        text = html.unescape(strip_tags(article.body_html))
        assert not RAW_MARKDOWN.search(text), (article.slug, RAW_MARKDOWN.search(text))
        assert 350 <= len(re.findall(r"\w+", text)) <= 750, article.slug
        headings = [entry["text"] for entry in article.toc]
        assert len(headings) >= 3, article.slug
        assert headings[-1] == "Questions you might bring", article.slug


def test_demo_library_articles_link_only_to_articles_treatments_and_topics_that_exist():
    demo.seed()

    existing = set(Article.objects.values_list("slug", flat=True))
    known_treatments = set(Treatment.objects.values_list("slug", flat=True))
    known_topics = {slug for slug, _, _ in TOPICS}
    for data in LIBRARY:
        assert set(data["treatments"]) <= known_treatments, data["slug"]
        assert set(data["topics"]) <= known_topics, data["slug"]
        article = Article.objects.get(slug=data["slug"])
        assert sorted(article.treatments.values_list("slug", flat=True)) == sorted(
            data["treatments"]
        )
        for target in re.findall(r'href="/articles/([^/"]+)/"', article.body_html):
            assert target in existing, (article.slug, target)


def test_demo_library_covers_each_of_its_topics_at_least_twice():
    own_topics = Counter(slug for data in LIBRARY for slug in data["topics"])

    assert all(count >= 2 for count in own_topics.values()), own_topics
