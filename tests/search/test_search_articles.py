"""Articles and comments in site search; skipped until the articles app has its models."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from moderation.models import ModerationState
from mybcteam.search import site_search
from tests.factories import UserFactory

article_models = pytest.importorskip("articles.models")
if not hasattr(article_models, "Article") or not hasattr(article_models, "Comment"):
    pytest.skip("the articles app has no Article/Comment yet", allow_module_level=True)


def _article(title, status="published", **extra):
    return article_models.Article.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-")[:200],
        summary=extra.pop("summary", "A short summary."),
        key_points="One\nTwo\nThree",
        body_markdown=extra.pop("body_markdown", "Body text."),
        status=status,
        published_at=timezone.now() - timedelta(days=1),
        **extra,
    )


@pytest.fixture
def articles(db):
    published = _article("Kinase inhibitors explained", summary="Pills such as neratinib.")
    draft = _article("Neratinib draft notes", status="draft")
    comment = article_models.Comment.objects.create(
        article=published, author=UserFactory.create(), body="Neratinib gave me diarrhoea."
    )
    hidden = article_models.Comment.objects.create(
        article=published,
        author=UserFactory.create(),
        body="Neratinib secret",
        moderation_state=ModerationState.HIDDEN,
    )
    return {"published": published, "draft": draft, "comment": comment, "hidden": hidden}


def test_site_search_articles_public_comments_members_only(articles, member):
    anonymous = site_search(query="neratinib", viewer=AnonymousUser())
    members = site_search(query="neratinib", viewer=member)

    anon_urls = [h.url for h in anonymous.hits]
    member_urls = [h.url for h in members.hits]
    assert anon_urls == [articles["published"].get_absolute_url()]
    assert articles["comment"].get_absolute_url() in member_urls
    assert articles["hidden"].get_absolute_url() not in member_urls
    assert articles["draft"].get_absolute_url() not in member_urls
