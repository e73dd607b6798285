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
def test_a_nul_byte_in_a_query_string_is_ignored_not_a_500(client, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK


def test_a_nul_byte_is_dropped_and_the_rest_of_the_query_kept(rf):
    from core.middleware import StripNulBytesMiddleware

    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return None

    StripNulBytesMiddleware(view)(rf.get("/search/?q=her%002&top%00ic=a&topic=b"))

    assert seen == {"q": ["her2"], "topic": ["a", "b"]}


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


def test_a_bad_request_page_renders_without_a_request():
    from django.template.loader import render_to_string

    assert "We could not read that request" in render_to_string("400.html")


def test_a_refusal_says_why(client, unverified_member):
    from tests.forum.factories import QuestionFactory

    question = QuestionFactory.create()
    client.force_login(unverified_member)

    response = client.post(f"/questions/{question.pk}/hug/", {"hug": "on"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert b"confirm" in response.content
