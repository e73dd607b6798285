"""core.cache, core.outage and core.queue against a real Redis server that stops and hangs.

Each test starts its own redis-server on a free port (never the shared one) and stops it
(SIGKILL, as a crash) or freezes it (SIGSTOP, as a hung server whose socket still accepts).
"""

import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from http import HTTPStatus
from typing import TypeVar

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from core.mail.models import OutboxMessage
from core.mail.services import email_enqueue_rendered
from core.outage import redis_outage_forget, redis_outage_recent
from forum.models import Answer
from forum.services import answer_create
from forum.tasks import answer_notify_followers
from mybcteam.celery import app as celery_app
from tests.factories import TEST_PASSWORD
from tests.forum.factories import QuestionFactory

REDIS_SERVER = shutil.which("redis-server")
T = TypeVar("T")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs redis-server: apt-get install redis"),
]


class OwnRedis:
    """A redis-server this test started, and may crash, freeze and thaw."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(REDIS_SERVER), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def crash(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.thaw()
            self.process.kill()
            self.process.wait(timeout=10)


def _caches(url: str) -> dict[str, dict[str, object]]:
    from django.conf import settings

    production = dict(settings.CACHES) if "fallback" in settings.CACHES else None
    options = {
        "socket_connect_timeout": 0.25,
        "socket_timeout": 0.25,
        "FALLBACK_ALIAS": "fallback",
        "FALLBACK_KEY_PREFIXES": ["allauth:rl:", "ratelimit:"],
    }
    if production is not None:  # the same options as production, on this test's server
        options = dict(production["default"]["OPTIONS"])
    return {
        "default": {"BACKEND": "core.cache.FailSoftRedisCache", "LOCATION": url,
                    "OPTIONS": options},
        "fallback": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                     "LOCATION": "core_cache_fallback"},
    }  # fmt: skip


@pytest.fixture
def own_redis() -> Iterator[OwnRedis]:
    server = OwnRedis()
    server.start()
    redis_outage_forget()
    with override_settings(CACHES=_caches(server.url)):
        yield server
    server.stop()
    redis_outage_forget()


def _timed(call: Callable[[], T]) -> tuple[T, float]:
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_fail_soft_cache_waits_one_timeout_at_most_on_a_hung_redis(own_redis):
    cache.set("k", "v")
    assert cache.get("k") == "v"
    own_redis.freeze()

    def five_calls() -> None:
        cache.get("k")
        cache.set("k", "w")
        cache.add("a", 1)
        cache.get_many(["k"])
        cache.delete("k")

    _, waited = _timed(five_calls)

    assert waited < 1.0
    assert redis_outage_recent()


def test_fail_soft_cache_uses_redis_again_after_the_pause(own_redis, settings):
    settings.REDIS_OUTAGE_PAUSE_SECONDS = 0.2
    own_redis.freeze()
    assert cache.get("k", "missing") == "missing"

    own_redis.thaw()
    time.sleep(0.3)
    cache.set("k", "back")

    assert cache.get("k") == "back"


def test_fail_soft_cache_keeps_rate_limit_keys_in_the_database_while_redis_is_down(own_redis):
    own_redis.crash()

    first = cache.add("allauth:rl:account:login_failed:lock", True, 10)
    second = cache.add("allauth:rl:account:login_failed:lock", True, 10)
    cache.set("allauth:rl:account:login_failed:5/300/key:abc", [1.0, 2.0], 300)

    assert (first, second) == (True, False)
    assert cache.get("allauth:rl:account:login_failed:5/300/key:abc") == [1.0, 2.0]
    assert cache.get("page:anything", "miss") == "miss"  # other keys are plain misses


def test_login_works_while_redis_is_down(own_redis, client, member):
    own_redis.crash()

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(member.pk)


def test_login_rate_limit_still_holds_while_redis_is_down(own_redis, client, member):
    own_redis.crash()
    for attempt in range(5):
        client.post(reverse("account_login"), {"login": member.email, "password": f"no-{attempt}"})

    sixth = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}
    )

    assert "Too many tries to log in" in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_signup_and_password_reset_work_while_redis_is_down(own_redis, client, member):
    own_redis.freeze()

    signup, signup_took = _timed(lambda: client.post(reverse("account_signup"), {
        "email": "quiet.willow@example.com", "display_name": "Quiet Willow",
        "password1": "a-long-and-kind-passphrase", "password2": "a-long-and-kind-passphrase",
    }))  # fmt: skip
    reset = client.post(reverse("account_reset_password"), {"email": member.email})

    assert signup.status_code == HTTPStatus.FOUND
    assert reset.status_code == HTTPStatus.FOUND
    assert signup_took < 1.5


@pytest.fixture
def broker_on_own_redis(own_redis) -> Iterator[OwnRedis]:
    """Tasks are queued (not run in-process) on this test's Redis."""
    old = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    celery_app.conf["broker_url"] = own_redis.url
    celery_app.conf.task_always_eager = False
    celery_app._pool = None  # type: ignore[attr-defined]
    celery_app.amqp._producer_pool = None  # type: ignore[attr-defined]
    yield own_redis
    celery_app.conf["broker_url"], celery_app.conf.task_always_eager = old
    celery_app._pool = None  # type: ignore[attr-defined]
    celery_app.amqp._producer_pool = None  # type: ignore[attr-defined]


@pytest.mark.parametrize("fault", ["crash", "freeze"])
def test_email_enqueue_keeps_the_message_for_the_sweeper_without_waiting_on_redis(
    broker_on_own_redis, django_capture_on_commit_callbacks, fault
):
    getattr(broker_on_own_redis, fault)()

    with django_capture_on_commit_callbacks() as dispatches:
        for i in range(3):
            email_enqueue_rendered(kind="test", to=f"m{i}@example.com", subject="Hi", body_text="")

    started = time.monotonic()
    for dispatch in dispatches:  # what runs after the request's transaction commits
        dispatch()
    took = time.monotonic() - started

    assert took < 1.0
    assert OutboxMessage.objects.filter(state="queued").count() == 3


def test_answer_create_waits_on_a_hung_broker_once_per_pause(
    broker_on_own_redis, django_capture_on_commit_callbacks, member, monkeypatch
):
    question = QuestionFactory.create()
    attempts: list[int] = []
    publish = answer_notify_followers.delay

    def counted_publish(answer_id: int) -> object:
        attempts.append(answer_id)
        return publish(answer_id)

    monkeypatch.setattr(answer_notify_followers, "delay", counted_publish)
    broker_on_own_redis.freeze()

    took = []
    for i in range(3):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            answer_create(question=question, author=member, body=f"Thinking of you, day {i}.")
        took.append(time.monotonic() - started)

    # The first answer waits one broker timeout (0.5 s); the next skip the broker for the pause.
    assert len(attempts) == 1
    assert max(took) < 1.0
    unannounced = Answer.objects.filter(question=question, followers_notified_at__isnull=True)
    assert unannounced.count() == 3  # left for answer_notify_sweep


def test_resend_confirmation_rate_limit_still_holds_while_redis_is_down(own_redis, client):
    own_redis.crash()
    resend = reverse("accounts:resend_confirmation")

    answers = [client.post(resend, {"email": "waiting@example.com"}) for _ in range(4)]

    assert [a.status_code for a in answers[:3]] == [HTTPStatus.FOUND] * 3
    assert answers[3].status_code == HTTPStatus.TOO_MANY_REQUESTS
