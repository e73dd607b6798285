from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/guidelines/", "/privacy/", "/robots.txt"])
def test_public_pages_answer_anonymous_visitors(client, path):
    response = client.get(path)

    assert response.status_code == HTTPStatus.OK


def test_guidelines_carry_the_not_medical_advice_statement(client):
    response = client.get("/guidelines/")

    assert b"not medical advice" in response.content


def test_robots_txt_keeps_crawlers_out_of_member_areas(client):
    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /members/" in body
    assert "Disallow: /accounts/" in body
    assert "Sitemap: " in body


def test_text_size_switch_is_remembered_in_a_cookie(client):
    response = client.post("/text-size/", {"size": "large", "next": "/guidelines/"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/guidelines/"
    assert response.cookies["text_size"].value == "large"
    assert b'class="text-large"' in client.get("/guidelines/").content


def test_text_size_switch_is_remembered_on_the_member_account(member_client, member):
    member_client.post("/text-size/", {"size": "large", "next": "/"})

    member.refresh_from_db()
    assert member.prefers_larger_text is True


def test_text_size_switch_refuses_an_open_redirect(client):
    response = client.post("/text-size/", {"size": "large", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def test_every_page_carries_the_security_headers(client):
    response = client.get("/")

    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_text_size_switch_ignores_a_next_with_nul_bytes(client):
    response = client.post("/text-size/", {"size": "large", "next": "/guides/\x00"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/"


@pytest.mark.parametrize("next_value", ["0", "foo", "home", "\N{HUGGING FACE}", "//evil.example/"])
def test_text_size_switch_sends_anything_but_a_local_path_home(client, next_value):
    response = client.post("/text-size/", {"size": "large", "next": next_value})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/"
