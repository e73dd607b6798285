"""A Redis cache that reads an outage as a miss, so a cache failure never becomes a 500."""

import logging
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


class FailSoftRedisCache(RedisCache):
    """Reads return the default and writes are dropped while Redis is unreachable."""

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
