"""Real processes for the integration tests: Celery workers, Celery beat and an SMTP sink.

The worker is a subprocess on the SAME test database pytest-django created (it only sees
committed rows, hence `django_db(transaction=True)`), with Redis db 4 as broker and result
backend and Django's SMTP backend pointed at an aiosmtpd sink in this process.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

from mybcteam.celery import app as celery_app

from .smtp_sink import SmtpSink

ROOT = Path(__file__).resolve().parents[2]
# The interpreter running the tests: its environment has Celery, wherever the checkout is.
CELERY = [sys.executable, "-m", "celery"]
# INTEGRATION_REDIS_DB: another database, for a second run at the same time on one Redis.
REDIS_DB = int(os.environ.get("INTEGRATION_REDIS_DB", "4"))
WORKER_START_TIMEOUT = 40.0


def redis_url_db4() -> str:
    """The project's Redis server, database 4 (the newsletter's: only it is ever flushed)."""
    parts = urlsplit(settings.REDIS_URL or "redis://127.0.0.1:6379/0")
    return urlunsplit((parts.scheme, parts.netloc, f"/{REDIS_DB}", "", ""))


def switch_broker(url: str) -> None:
    """Point this (test) process's Celery publisher at another broker."""
    celery_app.conf["broker_url"] = url
    celery_app._pool = None  # type: ignore[attr-defined]
    celery_app.amqp._producer_pool = None  # type: ignore[attr-defined]


def _database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def redis_db4() -> Iterator[str]:
    """Redis db 4, emptied (FLUSHDB on db 4 only), as this process's broker too."""
    import redis

    url = redis_url_db4()
    redis.Redis.from_url(url).flushdb()
    old_broker = celery_app.conf.broker_url
    old_ignore = celery_app.conf.task_ignore_result
    switch_broker(url)
    # Publishing only: this process never waits for results, so it never touches a backend.
    celery_app.conf.task_ignore_result = True
    yield url
    switch_broker(old_broker)
    celery_app.conf.task_ignore_result = old_ignore
    redis.Redis.from_url(url).flushdb()


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


WORKER_ARGS = [
    "worker",
    "--loglevel=INFO",
    "--concurrency=2",
    "--without-gossip",
    "--without-mingle",
    "--without-heartbeat",
]


class Worker:
    """A Celery process (a worker by default) in its own process group."""

    def __init__(
        self, *, env: dict[str, str], log: Path, args: list[str] | None = None, ready: bytes = b""
    ) -> None:
        self.env = env
        self.log = log
        self.args = args or [
            *WORKER_ARGS,
            "--hostname",
            f"newsletter-test-{os.getpid()}-{time.monotonic_ns()}@localhost",
        ]
        self.ready = ready or b"ready."
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [*CELERY, "-A", "mybcteam", *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: we can kill it and its children
            )
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.ready in self.log.read_bytes():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError("worker did not start:\n" + self.log.read_text()[-3000:])

    def kill(self) -> None:
        """SIGKILL the worker and its pool children (its own process group), by PID."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker_env(redis_db4: str, smtp_sink: SmtpSink) -> dict[str, str]:
    """The environment of every process started here: the test DB, Redis db 4, the sink."""
    return {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_db4,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_sink.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "5",
        "NEWSLETTER_RETRY_BASE_SECONDS": "1",
        "SITE_URL": settings.SITE_URL,
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "PYTHONPATH": str(ROOT),
    }


@pytest.fixture
def start_worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[[], Worker]]:
    """Start (and on teardown, stop) Celery workers wired to the test DB, Redis db 4, the sink."""
    workers: list[Worker] = []

    def start() -> Worker:
        worker = Worker(env=worker_env, log=tmp_path / f"worker{len(workers)}.log")
        workers.append(worker)
        worker.start()
        return worker

    yield start
    for worker in workers:
        worker.stop()


@pytest.fixture
def beat(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Worker]:
    """Celery beat with the project's own schedule (the sweepers), as production runs it."""
    process = Worker(
        env=worker_env,
        log=tmp_path / "beat.log",
        args=["beat", "--loglevel=INFO", "--schedule", str(tmp_path / "beat-schedule")],
        ready=b"beat: Starting",
    )
    process.start()
    yield process
    process.stop()


def wait_until(predicate: Callable[[], bool], timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def free_port_url() -> str:
    """A Redis URL on a loopback port where nothing listens (Redis "down")."""
    from .smtp_sink import free_port

    return f"redis://127.0.0.1:{free_port()}/{REDIS_DB}"
