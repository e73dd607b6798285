"""A Redis outage reads as a cache miss: pages keep working."""

import pytest

from core.cache import FailSoftRedisCache


@pytest.fixture
def unreachable_cache():
    # port 1 on loopback: nothing listens, the connection is refused at once
    return FailSoftRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )


def test_fail_soft_cache_get_returns_default_when_redis_is_down(unreachable_cache):
    assert unreachable_cache.get("key", "fallback") == "fallback"
    assert unreachable_cache.get_many(["a", "b"]) == {}


def test_fail_soft_cache_writes_are_dropped_when_redis_is_down(unreachable_cache):
    unreachable_cache.set("key", "value", 10)

    assert unreachable_cache.add("key", "value") is False
    assert unreachable_cache.delete("key") is False


@pytest.mark.redis
def test_fail_soft_cache_round_trips_on_a_real_redis(settings):
    cache = FailSoftRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "cache-test"})

    cache.set("greeting", {"hello": "world"}, 30)

    assert cache.get("greeting") == {"hello": "world"}
    cache.delete("greeting")
