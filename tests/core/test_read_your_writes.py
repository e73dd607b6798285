"""core.read_your_writes: each request reads one database, and a member who wrote reads hers.

Run on the embedded SQLite default with `replica_configured` answering yes and a stand-in probe;
the views only record where their reads would go.
"""

import contextlib
from collections.abc import Callable, Iterator

import pytest
from django.db import OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from core import db_routing, read_your_writes
from core.db_routing import DEFAULT, REPLICA, read_alias
from core.read_your_writes import (
    COOKIE_NAME,
    ReadYourWritesMiddleware,
    request_is_sticky,
    statement_writes,
    sticky_cookie_value,
)
from core.replica_health import ReplicaState, replica_health_forget

CAUGHT_UP = ReplicaState(reachable=True, caught_up=True)
LAGGING = ReplicaState(reachable=True, seconds_behind=60.0)
DOWN = ReplicaState(reachable=False)


@pytest.fixture
def replica(monkeypatch, settings) -> Iterator[Callable[[ReplicaState], None]]:
    """A configured replica whose probe answers the state given."""
    settings.REPLICA_STICKY_SECONDS = 5.0
    monkeypatch.setattr(db_routing, "replica_configured", lambda: True)
    monkeypatch.setattr(read_your_writes, "replica_configured", lambda: True)
    state = {"now": CAUGHT_UP}

    def probe() -> ReplicaState:
        return state["now"]

    monkeypatch.setattr(read_your_writes, "replica_state_probe", probe)
    monkeypatch.setattr(read_your_writes, "replica_snapshot", contextlib.nullcontext)

    def set_state(new: ReplicaState) -> None:
        state["now"] = new
        replica_health_forget(probe=probe)

    set_state(CAUGHT_UP)
    yield set_state
    replica_health_forget()


class RecordingView:
    """Answers with `status`, noting where a forum read would go on each call."""

    def __init__(self, status: int = 200, write: bool = False) -> None:
        self.status = status
        self.write = write
        self.reads: list[str] = []

    def __call__(self, request: HttpRequest) -> HttpResponse:
        self.reads.append(read_alias(app_label="forum"))
        if self.write:
            with connection.cursor() as cursor:
                cursor.execute("UPDATE core_contentversion SET token = token WHERE 1 = 0")
        return HttpResponse("ok", status=self.status)


def _serve(view: RecordingView, request: HttpRequest) -> HttpResponse:
    return ReadYourWritesMiddleware(view)(request)  # type: ignore[return-value]


def test_statement_writes_names_changes_only():
    assert statement_writes("INSERT INTO forum_answer VALUES (1)")
    assert statement_writes("  update forum_answer SET body = ''")
    assert statement_writes("DELETE FROM forum_answer")
    assert statement_writes("WITH gone AS (DELETE FROM x RETURNING id) SELECT 1")
    assert not statement_writes("SELECT * FROM forum_answer")
    assert not statement_writes("SAVEPOINT s1")


def test_request_is_sticky_only_with_a_valid_unexpired_cookie(rf: RequestFactory, settings):
    settings.REPLICA_STICKY_SECONDS = 5.0
    fresh = rf.get("/")
    fresh.COOKIES[COOKIE_NAME] = sticky_cookie_value()
    forged = rf.get("/")
    forged.COOKIES[COOKIE_NAME] = "1:forged:signature"

    assert request_is_sticky(fresh)
    assert not request_is_sticky(forged)
    assert not request_is_sticky(rf.get("/"))
    settings.REPLICA_STICKY_SECONDS = -1.0  # her window is over
    assert not request_is_sticky(fresh)


def test_middleware_get_reads_the_replica_and_sets_no_cookie(rf, replica):
    view = RecordingView()

    response = _serve(view, rf.get("/questions/"))

    assert view.reads == [REPLICA]
    assert COOKIE_NAME not in response.cookies


def test_middleware_post_reads_the_primary_and_marks_her_for_the_sticky_window(rf, replica):
    view = RecordingView()

    response = _serve(view, rf.post("/questions/1/a/answer/"))

    assert view.reads == [DEFAULT]
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 5


def test_middleware_get_after_her_write_reads_the_primary(rf, replica):
    view = RecordingView()
    request = rf.get("/questions/")
    request.COOKIES[COOKIE_NAME] = sticky_cookie_value()

    _serve(view, request)

    assert view.reads == [DEFAULT]


@pytest.mark.django_db
def test_middleware_get_that_wrote_marks_her_too(rf, replica):
    view = RecordingView(write=True)

    response = _serve(view, rf.get("/notifications/"))

    assert COOKIE_NAME in response.cookies


@pytest.mark.parametrize("state", [LAGGING, DOWN], ids=["lagging", "down"])
def test_middleware_reads_the_primary_while_the_replica_lags_or_is_down(rf, replica, state):
    replica(state)
    view = RecordingView()

    response = _serve(view, rf.get("/questions/"))

    assert view.reads == [DEFAULT]
    assert response.status_code == 200


def test_middleware_answers_from_the_primary_when_the_replica_fails_mid_request(rf, replica):
    class FailsOnReplica(RecordingView):
        def __call__(self, request: HttpRequest) -> HttpResponse:
            response = super().__call__(request)
            replica(DOWN)  # it went away between two probes
            return response if self.reads[-1] == DEFAULT else HttpResponse(status=500)

    view = FailsOnReplica()

    response = _serve(view, rf.get("/questions/"))

    assert view.reads == [REPLICA, DEFAULT]
    assert response.status_code == 200
    view.reads.clear()
    _serve(view, rf.get("/questions/"))  # set aside: the next request reads the primary
    assert view.reads == [DEFAULT]


def test_middleware_runs_a_server_error_on_the_replica_again_and_keeps_the_replica(rf, replica):
    # e.g. a query the replica cancelled because it conflicted with replay
    view = RecordingView(status=500)

    response = _serve(view, rf.get("/questions/"))

    assert view.reads == [REPLICA, DEFAULT]
    assert response.status_code == 500
    view.reads.clear()
    _serve(view, rf.get("/questions/"))  # the replica is still up: still read
    assert view.reads[0] == REPLICA


def test_middleware_answers_from_the_primary_when_the_replica_snapshot_fails(
    rf, replica, monkeypatch
):
    @contextlib.contextmanager
    def refused() -> Iterator[None]:
        replica(DOWN)
        raise OperationalError("connection refused")
        yield

    monkeypatch.setattr(read_your_writes, "replica_snapshot", refused)
    view = RecordingView()

    response = _serve(view, rf.get("/questions/"))

    assert view.reads == [DEFAULT]
    assert response.status_code == 200


def test_middleware_without_a_replica_changes_nothing(rf):
    view = RecordingView()

    response = _serve(view, rf.post("/questions/1/a/answer/"))

    assert view.reads == [DEFAULT]
    assert COOKIE_NAME not in response.cookies
