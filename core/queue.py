"""Queue a Celery task without ever holding a request on an unreachable broker.

Every task in this project has a row behind it (an outbox message, an answer awaiting its
follower emails, a newsletter send) that a periodic sweeper re-queues, so a task that could
not be queued is late, never lost.
"""

import logging
from typing import Any

from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from .outage import redis_outage_note, redis_outage_recent

logger = logging.getLogger(__name__)

# What publishing raises when Redis is down or hangs, in kombu's and redis-py's shapes.
BROKER_OUTAGE = (KombuError, RedisError, OSError)


def task_enqueue(task: Any, *args: Any) -> bool:
    """Queue `task(*args)`; False (and nothing raised) when the broker cannot take it now."""
    if redis_outage_recent():
        return False
    try:
        task.delay(*args)
    except BROKER_OUTAGE:  # the sweeper catches up
        redis_outage_note()
        logger.warning("queue: could not queue %s; its sweeper will", getattr(task, "name", task))
        return False
    return True
