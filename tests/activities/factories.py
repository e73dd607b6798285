"""Factories and small helpers for the activities tests."""

import factory
from django.utils import timezone

from accounts.models import User
from activities.models import Audience, TeamLink, Update, UpdateComment
from tests.factories import UserFactory


class UpdateFactory(factory.django.DjangoModelFactory[Update]):
    class Meta:
        model = Update

    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Update number {n}: a quiet day after the infusion.")
    body_html = factory.LazyAttribute(lambda o: f"<p>{o.body}</p>")
    audience = Audience.MEMBERS
    created_at = factory.LazyFunction(timezone.now)


class UpdateCommentFactory(factory.django.DjangoModelFactory[UpdateComment]):
    class Meta:
        model = UpdateComment

    update = factory.SubFactory(UpdateFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}: thinking of you.")
    body_html = factory.LazyAttribute(lambda o: f"<p>{o.body}</p>")


def team_link(first: User, second: User) -> None:
    """Put two members on each other's team (both rows, as accepting a request does)."""
    TeamLink.objects.create(member=first, mate=second)
    TeamLink.objects.create(member=second, mate=first)
