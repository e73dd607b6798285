"""Whether the read replica is close enough behind the primary to read from, asked per process
at most once every REPLICA_CHECK_SECONDS.

A probe reads the primary's WAL position, then asks the replica whether it has replayed up to
there. If it has, it misses nothing committed before the probe. If not, the newest commit it
has replayed bounds how old its oldest missing commit can be: everything it lacks was committed
after that one. Above REPLICA_MAX_LAG_SECONDS, or when it cannot be reached, every request
reads the primary until a later probe finds it back. So a request reading the replica misses
no commit older than REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS.

The bound is cautious: after a long quiet spell the first write makes the replica look as old
as the quiet spell until it has replayed it (milliseconds), so a probe in that instant sends
reads to the primary for one interval. Nothing here uses Redis.
"""

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections

from .db_routing import DEFAULT, REPLICA

logger = logging.getLogger(__name__)

_PRIMARY_POSITION = "SELECT pg_current_wal_lsn()::text"
# Replayed up to the primary's position; seconds since the newest replayed commit.
_REPLICA_STATE = (
    "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, false), "
    "extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8"
)


@dataclass(frozen=True)
class ReplicaState:
    reachable: bool
    caught_up: bool = False
    seconds_behind: float = math.inf

    def lag_seconds(self) -> float:
        """An upper bound on how long ago the oldest commit the replica lacks was made."""
        if not self.reachable:
            return math.inf
        return 0.0 if self.caught_up else self.seconds_behind


def replica_state_probe() -> ReplicaState:
    """Ask the primary, then the replica (two short queries); unreachable on any error."""
    try:
        with connections[DEFAULT].cursor() as cursor:
            cursor.execute(_PRIMARY_POSITION)
            position = cursor.fetchone()[0]
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(_REPLICA_STATE, [position])
            caught_up, behind = cursor.fetchone()
    except DatabaseError:
        logger.warning("read replica: unreachable; reading the primary", exc_info=True)
        return ReplicaState(reachable=False)
    seconds = math.inf if behind is None else max(0.0, float(behind))
    return ReplicaState(reachable=True, caught_up=bool(caught_up), seconds_behind=seconds)


def replica_state_usable(state: ReplicaState) -> bool:
    """Reachable, and no further behind than REPLICA_MAX_LAG_SECONDS (a paused replay counts
    as lag: it grows past the bound with the first commit the replica lacks)."""
    return state.lag_seconds() <= float(settings.REPLICA_MAX_LAG_SECONDS)


_lock = threading.Lock()
_checked_at = -math.inf
_usable = False
_probe: Callable[[], ReplicaState] = replica_state_probe


def replica_usable(*, now: float | None = None) -> bool:
    """This process's latest verdict, probing again when it is REPLICA_CHECK_SECONDS old."""
    global _checked_at, _usable
    moment = time.monotonic() if now is None else now
    if moment - _checked_at < float(settings.REPLICA_CHECK_SECONDS):
        return _usable
    with _lock:
        if moment - _checked_at >= float(settings.REPLICA_CHECK_SECONDS):
            state = _probe()
            usable = replica_state_usable(state)
            if usable != _usable:
                logger.info("read replica: %s", "in use" if usable else f"set aside ({state})")
            _usable, _checked_at = usable, moment
    return _usable


def replica_set_aside(*, now: float | None = None) -> None:
    """A read on the replica just failed: read the primary until the next probe is due."""
    global _checked_at, _usable
    with _lock:
        _usable = False
        _checked_at = time.monotonic() if now is None else now


def replica_health_forget(*, probe: Callable[[], ReplicaState] | None = None) -> None:
    """Probe again on the next request (tests), optionally with another probe."""
    global _checked_at, _usable, _probe
    with _lock:
        _checked_at, _usable = -math.inf, False
        _probe = probe or replica_state_probe
