"""mybcteam.errors.server_error: a database that cannot be reached answers a calm 503.

The first tests raise the database's own error inside a request; the last starts the real
web server (gunicorn) against a PostgreSQL address where nothing listens, as in an outage.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http import HTTPStatus
from pathlib import Path

import pytest
from django.db.utils import OperationalError
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _explode_like_a_lost_database(*args, **kwargs):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


@pytest.mark.django_db
def test_server_error_answers_503_with_retry_after_when_the_database_is_unreachable(monkeypatch):
    import mybcteam.views

    monkeypatch.setattr(mybcteam.views, "member_count", _explode_like_a_lost_database)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "30"
    assert b"We will be back in a moment" in response.content
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_server_error_finds_the_database_error_behind_another_error(monkeypatch):
    import mybcteam.views

    def wrapped(*args, **kwargs):
        try:
            _explode_like_a_lost_database()
        except OperationalError as exc:
            raise RuntimeError("while counting members") from exc

    monkeypatch.setattr(mybcteam.views, "member_count", wrapped)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE


@pytest.mark.django_db
def test_server_error_keeps_the_500_page_for_other_crashes(monkeypatch):
    import mybcteam.views

    monkeypatch.setattr(mybcteam.views, "member_count", lambda: 1 / 0)
    client = Client(raise_request_exception=False)

    response = client.get("/")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Retry-After" not in response


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.integration
@pytest.mark.skipif(not GUNICORN.exists(), reason=f"needs gunicorn at {GUNICORN}")
def test_web_server_answers_503_on_every_page_while_postgres_is_unreachable(tmp_path):
    # given: the real web server, its database address refusing connections
    port, dead_db_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{dead_db_port}/mybc_outage",
        "REDIS_URL": "",
        "DJANGO_DEBUG": "0",
    }
    env.pop("DJANGO_ENV", None)
    server = subprocess.Popen(
        [str(GUNICORN), "mybcteam.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "30"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "server.log").open("w"),
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)

        # when / then: pages answer a calm 503; the health check says which part is down
        for path in ("/", "/questions/", "/articles/", "/search/?q=her2"):
            status, headers, body = _get(f"http://127.0.0.1:{port}{path}")
            assert (path, status) == (path, HTTPStatus.SERVICE_UNAVAILABLE)
            assert headers.get("Retry-After") == "30"
            assert b"We will be back in a moment" in body
            assert b"Traceback" not in body
            assert b"OperationalError" not in body
        status, _, body = _get(f"http://127.0.0.1:{port}/healthz")
        assert status == HTTPStatus.SERVICE_UNAVAILABLE
        assert b'"database": "error: OperationalError"' in body
    finally:
        server.terminate()
        server.wait(timeout=10)
