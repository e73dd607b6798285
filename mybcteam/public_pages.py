"""One content version for every page cached for anonymous visitors (docs/caching.md).

Any write that changes what a visitor could see calls `public_pages_changed()`; the version
becomes a new random value and every cached page stored under the old one is a miss from then
on. Random rather than a counter: if Redis evicts or loses the key, a restarted counter could
match pages stored long ago; a fresh random value never does.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"


def public_pages_version_new() -> str:
    return uuid.uuid4().hex


def _bump() -> None:
    try:
        cache.set(VERSION_KEY, public_pages_version_new(), timeout=None)
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
