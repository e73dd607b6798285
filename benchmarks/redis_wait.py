"""Bench-only: how long a request spent inside Redis calls, in a response header.

benchmarks.fault_settings installs RedisWaitMiddleware outermost and wraps redis-py's
`Retry.call_with_retry`, through which every command, pipeline, connect and health check of
redis-py passes (the cache's and Celery's alike), so the figure covers the socket timeouts and
any retry. Only the outermost call is timed: a connect inside a command is not counted twice.
The product never loads this module.
"""

import threading
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from redis.retry import Retry

REDIS_MS_HEADER = "X-Bench-Redis-Ms"
REDIS_CALLS_HEADER = "X-Bench-Redis-Calls"
SERVER_MS_HEADER = "X-Bench-Server-Ms"

_state = threading.local()
_original = Retry.call_with_retry


def _timed_call_with_retry(self: Retry, *args: Any, **kwargs: Any) -> Any:
    depth = getattr(_state, "depth", 0)
    if depth:
        return _original(self, *args, **kwargs)
    _state.depth = 1
    began = time.perf_counter()
    try:
        return _original(self, *args, **kwargs)
    finally:
        _state.depth = 0
        _state.seconds = getattr(_state, "seconds", 0.0) + time.perf_counter() - began
        _state.calls = getattr(_state, "calls", 0) + 1


Retry.call_with_retry = _timed_call_with_retry  # type: ignore[method-assign]


class RedisWaitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _state.seconds, _state.calls = 0.0, 0
        began = time.perf_counter()
        response = self.get_response(request)
        response[SERVER_MS_HEADER] = f"{(time.perf_counter() - began) * 1000:.1f}"
        response[REDIS_MS_HEADER] = f"{_state.seconds * 1000:.1f}"
        response[REDIS_CALLS_HEADER] = str(_state.calls)
        return response
