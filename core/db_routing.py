"""Which database a read goes to: the primary (`default`) or a streaming read replica.

With DATABASE_REPLICA_URL set, settings add a `replica` alias and this router. Reads go to the
replica only inside `reads_from(REPLICA)`, which `core.read_your_writes` opens for a safe
request (GET, HEAD) by a member who wrote nothing in the last REPLICA_STICKY_SECONDS while the
replica is known to be close enough behind (`core.replica_health`). Everything else reads the
primary: Celery tasks, management commands, the shell, writing requests, and any read inside a
transaction (a service that reads then writes must see what it is about to change). Writes
and migrations always go to the primary.

Without a replica nothing here runs: no router is installed and every query uses `default`.
"""

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import Model

DEFAULT = "default"
REPLICA = "replica"
# Rows read right after another request wrote them, where a lagging replica would break the
# site rather than show a slightly old page: a session created by a log-in is read by the very
# next request; the database cache (core.cache's fallback while Redis is down) holds rate-limit
# counters, which a stale read would let run over.
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_cache"})

# Where reads go in this request (or task): the primary unless a request opened the replica.
_reads: ContextVar[str] = ContextVar("core_db_reads", default=DEFAULT)


def replica_configured() -> bool:
    """Whether settings define a replica alias (DATABASE_REPLICA_URL was set)."""
    return REPLICA in settings.DATABASES


@contextlib.contextmanager
def reads_from(alias: str) -> Iterator[None]:
    """Send this context's reads to `alias` (still the primary inside a transaction)."""
    token = _reads.set(alias)
    try:
        yield
    finally:
        _reads.reset(token)


def reading_primary() -> contextlib.AbstractContextManager[None]:
    """Read the primary here: code that stores what it read (a rebuilt feed, a cache not keyed
    on a content version) must not store what a lagging replica has not yet replayed."""
    return reads_from(DEFAULT)


def reads_primary() -> bool:
    """Whether a read here would go to the primary (no replica, or not allowed now)."""
    return read_alias(app_label="") == DEFAULT


def read_alias(*, app_label: str) -> str:
    """The alias a read of a model of `app_label` goes to in this context."""
    if _reads.get() != REPLICA or not replica_configured() or app_label in PRIMARY_ONLY_APPS:
        return DEFAULT
    # Inside atomic() a service reads what it is about to change: from the primary, and in
    # the same transaction as its writes.
    if connections[DEFAULT].in_atomic_block:
        return DEFAULT
    return REPLICA


class ReplicaRouter:
    """Reads per `read_alias`; writes, relations and migrations on the primary alone."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return read_alias(app_label=model._meta.app_label)

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        return DEFAULT

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool:
        # The replica holds the primary's rows: an object read there may point at one read
        # or created here (saving it writes to the primary anyway).
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == DEFAULT
