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
