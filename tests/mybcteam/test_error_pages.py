from http import HTTPStatus

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/questions/?topic=%00",
        "/articles/?topic=chemo%00",
        "/search/?q=her2%00",
        "/search/?%00=1",
    ],
)
def test_a_query_string_with_a_nul_byte_gets_a_clear_400_not_a_500(client, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert b"NUL byte" in response.content
    assert "Content-Security-Policy" in response


def test_an_unknown_address_gets_the_friendly_not_found_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert b"We could not find that page" in response.content


def test_a_server_error_gets_a_page_that_needs_no_request_context(settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "Something went wrong on our side" in html


def test_a_crash_in_a_view_answers_with_the_500_page(settings, monkeypatch):
    import mybcteam.views

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(mybcteam.views, "health_report", explode)
    client = Client(raise_request_exception=False)

    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert b"Something went wrong on our side" in response.content
