"""A Redis cache that reads an outage as a miss, so a cache failure never becomes a 500
and never holds a request for more than one socket timeout."""

import logging
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outage import redis_outage_note, redis_outage_recent

logger = logging.getLogger(__name__)

_OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis for every call; with redis-py 6+ that costs
    about as much as the round trip itself (an event dispatcher and the response callback
    table each time), which shows on pages served from the cache. One client per connection
    pool is safe: redis.Redis is thread-safe and its pool reconnects after a fork.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:  # a race only builds one spare client
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class FailSoftRedisCache(RedisCache):
    """Reads return the default and writes are dropped while Redis is unreachable.

    Keys that must keep working in an outage (the log-in, sign-up and password-reset rate
    limits, whose lock refused by a dead Redis would answer 429 to everyone) go to a fallback
    cache that does not depend on Redis: OPTIONS FALLBACK_ALIAS names it and
    FALLBACK_KEY_PREFIXES says which keys. After one failure Redis is skipped for a pause
    (core.outage), so a request waits for one socket timeout at most.
    """

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS") or {})
        self._fallback_alias: str | None = options.pop("FALLBACK_ALIAS", None)
        self._fallback_prefixes = tuple(options.pop("FALLBACK_KEY_PREFIXES", ()))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusedClientRedisCacheClient

    def _fallback_for(self, key: Any) -> BaseCache | None:
        if self._fallback_alias and str(key).startswith(self._fallback_prefixes):
            return caches[self._fallback_alias]
        return None

    def _call(self, operation: str, key: Any, when_down: Any, call: Callable[[Any], Any]) -> Any:
        """`call(redis)` normally; in an outage `call(fallback)` for a fallback key, else
        `when_down` (a value, or an exception to raise)."""
        fallback = self._fallback_for(key)
        if not redis_outage_recent():
            try:
                return call(super())
            except _OUTAGE:
                redis_outage_note()
                logger.warning("cache %s skipped: Redis unreachable", operation)
        if fallback is not None:
            return call(fallback)
        if isinstance(when_down, Exception):
            raise when_down
        return when_down

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call("get", key, default, lambda c: c.get(key, default, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._call("get_many", "", {}, lambda c: c.get_many(keys, version))

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        self._call("set", key, None, lambda c: c.set(key, value, timeout, version))

    def set_many(
        self, data: dict[Any, Any], timeout: Any = None, version: int | None = None
    ) -> list[Any]:
        return self._call("set_many", "", list(data), lambda c: c.set_many(data, timeout, version))

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        return self._call("add", key, False, lambda c: c.add(key, value, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._call("delete", key, False, lambda c: c.delete(key, version))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._call("delete_many", "", None, lambda c: c.delete_many(keys, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        missing = ValueError(f"Key {key!r} not found (cache unreachable).")
        return self._call("incr", key, missing, lambda c: c.incr(key, delta, version))

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:
        return self._call("touch", key, False, lambda c: c.touch(key, timeout, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._call("has_key", key, False, lambda c: c.has_key(key, version))
