"""Per request: read the replica or the primary, and let a member who just wrote read her writes.

A request that wrote (any method but GET, HEAD and OPTIONS, or an INSERT, UPDATE or DELETE on
the primary during a GET) gets a signed cookie good for REPLICA_STICKY_SECONDS. While it is
valid her requests read the primary, on whichever web node they land: the replica may not have
replayed her write yet. The cookie holds nothing but its signature and time (no member id), and
lives in the browser, so neither Redis nor a shared session store is needed for it.

A safe request without the cookie reads the replica when `core.replica_health` finds it close
enough behind. The choice is made once and holds for the whole request, and its replica reads
share one REPEATABLE READ snapshot: a page never mixes a newer and an older view of the data.
That matters for caches keyed on what the page read: a key computed after the listing it
describes (a fingerprint of answers, a content version) would otherwise, when the replica
replays a commit between the two reads, store the old listing under the new key.

If such a request answers a server error (the replica went down between two probes, or
cancelled a query that conflicted with replay), it runs again on the primary: a GET changes
nothing, so running it twice is safe, and the member sees a page, never a 500. The replica is
set aside until the next probe when a probe finds it gone.
"""

import contextlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import DatabaseError, connections, transaction
from django.http import HttpRequest, HttpResponseBase

from .db_routing import DEFAULT, REPLICA, reads_from, replica_configured
from .replica_health import replica_set_aside, replica_state_probe, replica_state_usable
from .replica_health import replica_usable as replica_usable_now

COOKIE_NAME = "primary_reads"
_SALT = "core.read_your_writes"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "MERGE")
# Every replica read of a request from one snapshot (allowed on a hot standby; SERIALIZABLE is
# not). A snapshot held for a request's few milliseconds delays conflicting replay at most that.
_ONE_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"


def statement_writes(sql: str) -> bool:
    """Whether a statement changes rows (a leading CTE counts as a write, to be safe)."""
    head = sql.lstrip()[:6].upper()
    return head.startswith(_WRITE_VERBS) or head.startswith("WITH")


def sticky_cookie_value() -> str:
    return signing.TimestampSigner(salt=_SALT).sign("1")


def request_is_sticky(request: HttpRequest) -> bool:
    """She wrote within REPLICA_STICKY_SECONDS (a valid, unexpired cookie)."""
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return False
    try:
        signing.TimestampSigner(salt=_SALT).unsign(
            value, max_age=timedelta(seconds=float(settings.REPLICA_STICKY_SECONDS))
        )
    except signing.BadSignature:  # forged, or expired (SignatureExpired is a BadSignature)
        return False
    return True


@contextlib.contextmanager
def replica_snapshot() -> Iterator[None]:
    """A read-only REPEATABLE READ transaction on the replica for the block."""
    with transaction.atomic(using=REPLICA):
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(_ONE_SNAPSHOT)
        yield


class _WriteWatch:
    """An execute wrapper on the primary's connection that notes any data-changing statement."""

    def __init__(self) -> None:
        self.wrote = False

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if not self.wrote and statement_writes(sql):
            self.wrote = True
        return execute(sql, params, many, context)


class ReadYourWritesMiddleware:
    """Chooses each request's read database; marks members who wrote. A no-op without a replica."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not replica_configured():
            return self.get_response(request)
        safe = request.method in SAFE_METHODS
        use_replica = safe and not request_is_sticky(request) and replica_usable_now()
        watch = _WriteWatch()
        with connections[DEFAULT].execute_wrapper(watch):
            response = self._respond(request, use_replica=use_replica)
        if not safe or watch.wrote:
            self._mark_sticky(response)
        return response

    def _respond(self, request: HttpRequest, *, use_replica: bool) -> HttpResponseBase:
        if use_replica:
            response = self._respond_from_replica(request)
            if response is not None and response.status_code < 500:
                return response
            if not replica_state_usable(replica_state_probe()):
                replica_set_aside()
        with reads_from(DEFAULT):
            return self.get_response(request)

    def _respond_from_replica(self, request: HttpRequest) -> HttpResponseBase | None:
        """The response read from one replica snapshot; None if the replica failed outside
        the view (opening or closing the snapshot)."""
        try:
            with replica_snapshot(), reads_from(REPLICA):
                return self.get_response(request)
        except DatabaseError:
            return None

    def _mark_sticky(self, response: HttpResponseBase) -> None:
        response.set_cookie(
            COOKIE_NAME,
            sticky_cookie_value(),
            max_age=int(settings.REPLICA_STICKY_SECONDS) + 1,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
