import pytest
from django.utils import timezone

from accounts import demo as accounts_demo
from articles import demo
from articles.models import Article, Comment

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
