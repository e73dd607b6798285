from http import HTTPStatus

import pytest


@pytest.mark.django_db
def test_healthz_reports_every_dependency_ok(client):
    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["status"] == "ok"
    assert set(body) == {"status", "database", "cache", "broker"}


@pytest.mark.django_db
def test_healthz_reports_unreachable_redis_as_503_without_hanging(client, settings):
    # a port nothing listens on: the connection is refused at once
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = settings.REDIS_URL

    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["cache"].startswith("error")
    assert response.json()["broker"].startswith("error")
