"""Bench-only settings for benchmarks.fault_timings: the product's settings unchanged (Argon2
passwords, the fail-soft cache, the socket timeouts), plus one outermost middleware that says
how long each request spent inside Redis calls (benchmarks.redis_wait)."""

from mybcteam.settings import *  # noqa: F403
from mybcteam.settings import MIDDLEWARE

MIDDLEWARE = ["benchmarks.redis_wait.RedisWaitMiddleware", *MIDDLEWARE]
