"""The feed tests' own corner of Redis: a key prefix of their own, emptied key by key."""

import os
from collections.abc import Iterator

import pytest
import redis

from core.outage import redis_outage_forget


@pytest.fixture
def feed_redis(settings) -> Iterator[redis.Redis]:
    """A Redis client on REDIS_URL with FEED_KEY_PREFIX set to this test's own prefix; only
    keys under that prefix are deleted, before and after (never a FLUSHDB)."""
    settings.FEED_KEY_PREFIX = f"feedtest{os.getpid()}"
    client = redis.Redis.from_url(settings.REDIS_URL)

    def forget() -> None:
        keys = list(client.scan_iter(match=f"{settings.FEED_KEY_PREFIX}:*", count=1000))
        if keys:
            client.delete(*keys)

    forget()
    redis_outage_forget()
    yield client
    forget()
    redis_outage_forget()


def team_of(member, size: int) -> list:
    """`size` new members on her team (both directions, as accepting a request writes)."""
    from activities.models import TeamLink
    from tests.factories import UserFactory

    mates = [UserFactory.create() for _ in range(size)]
    for mate in mates:
        TeamLink.objects.create(member=member, mate=mate)
        TeamLink.objects.create(member=mate, mate=member)
    return mates


def posted(author, *, minutes_ago: float, **fields):
    """A visible update written straight to the database (no hook runs)."""
    from datetime import timedelta

    from django.utils import timezone

    from activities.models import Update

    return Update.objects.create(
        author=author,
        body=fields.pop("body", "A gentle day, thank you all."),
        created_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )
