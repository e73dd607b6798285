"""Feeds, sitemap, robots.txt, canonical URLs, OpenGraph and JSON-LD."""

import json
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from tests.factories import TopicFactory

from .factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def _json_ld(html: str) -> dict:
    return json.loads(
        html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    )


def test_article_page_has_canonical_opengraph_and_json_ld_with_reviewer(client, article):
    article.reviewed_on = timezone.localdate()
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    canonical = f"https://mybcteam.example{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:title" content="{article.title}">' in html
    assert '<meta property="og:type" content="article">' in html
    data = _json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == article.title
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr. Test Reviewer",
        "jobTitle": "MD, oncologist",
    }
    assert data["lastReviewed"] == article.reviewed_on.isoformat()


def test_json_ld_cannot_close_its_script_element(client, article):
    article.title = "</script><script>alert(1)</script>"
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    assert _json_ld(html)["headline"] == article.title
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("name", ["articles_feed", "articles_feed_atom"])
def test_feeds_list_published_articles_only_without_comments(client, article, name):
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, title="Draft title")
    CommentFactory.create(article=article, body="Member comment text")

    response = client.get(reverse(name))

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert article.title in body
    assert f"https://mybcteam.example{article.get_absolute_url()}" in body
    assert draft.title not in body
    assert "Member comment text" not in body


def test_atom_feed_is_atom(client, article):
    response = client.get(reverse("articles_feed_atom"))

    assert response["Content-Type"].startswith("application/atom+xml")


def test_sitemap_lists_articles_topics_and_public_pages_only(client, article):
    topic = TopicFactory.create(name="Surgery", slug="surgery")
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT)

    body = client.get(reverse("sitemap")).content.decode()

    for path in [
        article.get_absolute_url(),
        topic.get_absolute_url(),
        "/articles/",
        "/guidelines/",
        "/privacy/",
    ]:
        assert f"<loc>https://mybcteam.example{path}</loc>" in body
    assert "<loc>https://mybcteam.example/</loc>" in body
    assert draft.get_absolute_url() not in body
    assert "/members/" not in body
    assert "/accounts/" not in body
    assert "/comments/" not in body


def test_robots_txt_points_to_sitemap(client):
    body = client.get("/robots.txt").content.decode()

    assert "Sitemap: https://mybcteam.example/sitemap.xml" in body


def test_article_list_filters_by_topic_and_paginates(client):
    topic = TopicFactory.create(name="Chemo", slug="chemo")
    on_topic = ArticleFactory.create(title="On topic article", topics=[topic])
    ArticleFactory.create(title="Off topic article")

    body = client.get(reverse("articles:list") + "?topic=chemo").content.decode()

    assert on_topic.title in body
    assert "Off topic article" not in body


def test_home_page_lists_latest_articles(client, article):
    body = client.get("/").content.decode()

    assert "Latest articles" in body
    assert article.title in body


def test_related_articles_fall_back_to_shared_topics(client):
    topic = TopicFactory.create(name="HER2", slug="her2")
    main = ArticleFactory.create(topics=[topic])
    sibling = ArticleFactory.create(title="Sibling article", topics=[topic])
    ArticleFactory.create(title="Stranger article")

    body = client.get(main.get_absolute_url()).content.decode()

    assert sibling.title in body
    assert "Stranger article" not in body


def test_related_articles_prefer_the_editors_choice(client):
    topic = TopicFactory.create(name="HER2", slug="her2")
    main = ArticleFactory.create(topics=[topic])
    ArticleFactory.create(title="Sibling article", topics=[topic])
    chosen = ArticleFactory.create(title="Chosen article")
    main.related_articles.add(chosen)

    body = client.get(main.get_absolute_url()).content.decode()

    assert chosen.title in body
    assert "Sibling article" not in body


def test_article_page_offers_the_newsletter_box(client, article):
    html = client.get(article.get_absolute_url()).content.decode()

    assert 'action="/newsletter/subscribe/"' in html
