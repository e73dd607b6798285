"""Remember, per process, that Redis failed a moment ago, so the next calls do not wait on it.

A Redis server that is down answers a connection at once; one that hangs holds every call for
its socket timeout. Without a memory of the failure, a page that touches the cache five times
and queues a task would wait six timeouts. After one failure, the cache and the task queue skip
Redis for REDIS_OUTAGE_PAUSE_SECONDS (reads are misses, queued work waits in the database for
the sweepers), so a request waits on Redis for one timeout at most.
"""

import threading
import time

from django.conf import settings

_lock = threading.Lock()
_paused_until = 0.0


def redis_outage_note() -> None:
    """A Redis call just failed: skip Redis in this process for the pause."""
    global _paused_until
    with _lock:
        _paused_until = time.monotonic() + float(settings.REDIS_OUTAGE_PAUSE_SECONDS)


def redis_outage_recent() -> bool:
    """Whether Redis failed within the pause (then callers do without it)."""
    return time.monotonic() < _paused_until


def redis_outage_forget() -> None:
    """Try Redis again on the next call (tests, and after a check finds it back)."""
    global _paused_until
    with _lock:
        _paused_until = 0.0
