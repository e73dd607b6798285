"""Liveness and readiness checks for /healthz: database, cache and broker, each bounded."""

from django.conf import settings
from django.db import connection


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def _ping_redis(url: str) -> str:
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)
        client.ping()
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def check_cache() -> str:
    # The cache backend itself fails soft, so ask Redis directly rather than through it.
    return _ping_redis(settings.REDIS_URL) if settings.REDIS_URL else "ok (local memory)"


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "ok (tasks run in-process)"
    return _ping_redis(settings.CELERY_BROKER_URL)


def health_report() -> tuple[bool, dict[str, str]]:
    """All checks; the first value says whether every one passed."""
    checks = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    return all(value.startswith("ok") for value in checks.values()), checks
