"""Factories for the newsletter tests."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, ArticleStatus
from newsletter.models import Issue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory[Subscriber]):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    state = Subscriber.State.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class ArticleFactory(factory.django.DjangoModelFactory[Article]):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Understanding treatment option {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "What it is, how it is given and what to ask your care team."
    key_points = "One\nTwo\nThree"
    body_markdown = "## What it is\n\nAn article body."
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class IssueFactory(factory.django.DjangoModelFactory[Issue]):
    class Meta:
        model = Issue

    subject = "News from the community this month"
    intro = "Hello! Here is **what is new**."
