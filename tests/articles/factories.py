"""Factories for articles and comments; articles are saved through the rendering service."""

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from articles.models import Article, ArticleStatus, Comment
from articles.services import article_render
from core.markdown import render_member_markdown
from tests.factories import UserFactory


class ArticleFactory(factory.django.DjangoModelFactory[Article]):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Understanding treatment, part {n}")
    slug = factory.Sequence(lambda n: f"understanding-treatment-{n}")
    summary = "A plain-language guide to one part of treatment."
    key_points = "Point one.\nPoint two.\nPoint three."
    body_markdown = "## What it is\n\nSome text.\n\n## How it is given\n\nMore text."
    reviewer_name = "Dr. Test Reviewer"
    reviewer_credentials = "MD, oncologist"
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @classmethod
    def _create(cls, model_class: type[Article], *args: Any, **kwargs: Any) -> Article:
        article = model_class(**kwargs)  # factory_boy passes declarations as keywords
        article_render(article=article)
        article.save()
        return article

    @factory.post_generation
    def topics(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.topics.set(extracted)


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    """A visible comment created directly (bypassing the posting policy)."""

    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}: thinking of you all.")
    body_html = factory.LazyAttribute(lambda o: render_member_markdown(o.body))
