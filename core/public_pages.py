"""One content version for every page cached for anonymous visitors (docs/caching.md).

Any write that changes what a visitor could see calls `public_pages_changed()`; the version
becomes a new random value and every cached page stored under the old one is a miss from then
on. Random rather than a counter: if Redis evicts or loses the key, a restarted counter could
match pages stored long ago; a fresh random value never does.
"""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"

# The version this process read last and when (time.monotonic()). Reading it from Redis is
# the one round trip left on a cached page; settings.PAGE_CACHE_VERSION_SECONDS (1 s) bounds
# how long another process may keep serving a page after a change. The process that makes
# the change sees the new version at once.
_seen: tuple[float, str] | None = None
_seen_lock = threading.Lock()


def public_pages_version_new() -> str:
    return uuid.uuid4().hex


def _remember(version: str | None) -> None:
    global _seen
    with _seen_lock:
        _seen = (time.monotonic(), version) if version is not None else None


def public_pages_version_forget() -> None:
    """Drop this process's copy of the version (tests, after clearing the cache)."""
    _remember(None)


def public_pages_version() -> str | None:
    """The current version (created if missing), or None when the cache cannot say."""
    seen = _seen
    if seen is not None and time.monotonic() - seen[0] < settings.PAGE_CACHE_VERSION_SECONDS:
        return seen[1]
    version = cache.get(VERSION_KEY)
    if version is None:
        # First request after a flush or an eviction. If another process adds one first,
        # this request does without (its page is not stored).
        fresh = public_pages_version_new()
        version = fresh if cache.add(VERSION_KEY, fresh, timeout=None) else None
    _remember(version)
    return version


def _bump() -> None:
    version = public_pages_version_new()
    _remember(version)
    try:
        cache.set(VERSION_KEY, version, timeout=None)
    except Exception:  # the change stands; the pages' TTL is the safety net
        logger.warning("page cache: could not bump the public pages version", exc_info=True)


def public_pages_changed(*, using: str | None = None) -> None:
    """Make every cached anonymous page stale now and again when the transaction commits.

    Now: later reads in the same transaction (the request that made the change, or a test)
    never get the old copy. At commit: a page another request rendered from the old rows while
    this transaction was open was stored under the version set now; the second bump makes it
    stale too. Safe to call any number of times, inside or outside a transaction.
    """
    _bump()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(_bump, using=using, robust=True)
