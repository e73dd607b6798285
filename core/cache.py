"""A Redis cache that reads an outage as a miss, so a cache failure never becomes a 500."""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

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
    """Reads return the default and writes are dropped while Redis is unreachable."""

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _warn(self, operation: str) -> None:
        logger.warning("cache %s skipped: Redis unreachable", operation)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except _OUTAGE:
            self._warn("get")
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except _OUTAGE:
            self._warn("get_many")
            return {}

    def set(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> None:
        try:
            super().set(key, value, timeout, version)
        except _OUTAGE:
            self._warn("set")

    def set_many(
        self, data: dict[Any, Any], timeout: Any = None, version: int | None = None
    ) -> list[Any]:
        try:
            return super().set_many(data, timeout, version)
        except _OUTAGE:
            self._warn("set_many")
            return list(data)

    def add(self, key: Any, value: Any, timeout: Any = None, version: int | None = None) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except _OUTAGE:
            self._warn("add")
            return False

    def delete(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().delete(key, version)
        except _OUTAGE:
            self._warn("delete")
            return False

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        try:
            super().delete_many(keys, version)
        except _OUTAGE:
            self._warn("delete_many")

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        try:
            return super().incr(key, delta, version)
        except _OUTAGE:
            self._warn("incr")
            raise ValueError(f"Key {key!r} not found (cache unreachable).") from None

    def touch(self, key: Any, timeout: Any = None, version: int | None = None) -> bool:
        try:
            return super().touch(key, timeout, version)
        except _OUTAGE:
            self._warn("touch")
            return False

    def has_key(self, key: Any, version: int | None = None) -> bool:
        try:
            return super().has_key(key, version)
        except _OUTAGE:
            self._warn("has_key")
            return False
