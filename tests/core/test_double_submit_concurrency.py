"""Double submits that only a real database shows: two requests with one key at the same time.

Each test sends two real requests (the test client, one thread and one database connection
each) for every member-written kind, and holds them where the race is: both inside the create
service at once, or the second arriving while the first is still inside its transaction.
"""

import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from importlib import import_module
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from core.idempotency import key_new
from tests.factories import UserFactory

from .posting_kinds import KINDS, PostingKind, posting_kind

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
WAIT_SECONDS = 10


@pytest.fixture(autouse=True)
def _established_members(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000


class _Request(threading.Thread):
    """One request in its own thread, and so on its own database connection."""

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__()
        self.call = call
        self.response: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.response = self.call()
        except BaseException as exc:  # asserted on by the test
            self.error = exc
        finally:
            connection.close()

    def answer(self) -> Any:
        self.join(WAIT_SECONDS * 3)
        assert self.error is None
        assert self.response is not None
        return self.response


def _tab(member: Any) -> Client:
    client = Client()
    client.force_login(member)
    return client


def _post(client: Client, kind: PostingKind, data: dict[str, Any]) -> Callable[[], Any]:
    return lambda: client.post(kind.url, data)


@pytest.mark.parametrize("name", KINDS)
def test_double_submit_two_requests_inside_the_service_at_once_create_one_post(name, monkeypatch):
    kind = posting_kind(name)
    member = UserFactory.create()
    module = import_module(kind.services_module)
    service = getattr(module, kind.service)
    barrier = threading.Barrier(2, timeout=WAIT_SECONDS)

    def together(**kwargs: Any) -> Any:
        barrier.wait()  # both requests have passed the view and are entering the service
        return service(**kwargs)

    monkeypatch.setattr(module, kind.service, together)
    data = {**kind.data, "idempotency_key": key_new()}

    requests = [_Request(_post(_tab(member), kind, data)) for _ in range(2)]
    for request in requests:
        request.start()
    first, second = (request.answer() for request in requests)

    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert first["Location"] == second["Location"]
    assert kind.rows(member) == 1


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return bool(cursor.fetchone()[0])


@pytest.mark.parametrize("name", KINDS)
def test_double_submit_second_request_during_the_first_transaction_answers_its_result(
    name, monkeypatch
):
    kind = posting_kind(name)
    member = UserFactory.create()
    module = import_module(kind.decide_module)
    decide = module.moderation_decide
    inside, release = threading.Event(), threading.Event()

    def held(**kwargs: Any) -> Any:
        # Called inside the first request's transaction, before its post is saved.
        inside.set()
        release.wait(WAIT_SECONDS)
        return decide(**kwargs)

    monkeypatch.setattr(module, "moderation_decide", held)
    data = {**kind.data, "idempotency_key": key_new()}
    first = _Request(_post(_tab(member), kind, data))
    second = _Request(_post(_tab(member), kind, data))
    first.start()
    assert inside.wait(WAIT_SECONDS)

    second.start()
    deadline = time.monotonic() + WAIT_SECONDS
    while not _waiting_on_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    waited = _waiting_on_a_lock()
    release.set()
    first_answer, second_answer = first.answer(), second.answer()

    assert waited, "the second request did not wait for the first one's key"
    assert first_answer.status_code == second_answer.status_code == HTTPStatus.FOUND
    assert first_answer["Location"] == second_answer["Location"]
    assert kind.rows(member) == 1
