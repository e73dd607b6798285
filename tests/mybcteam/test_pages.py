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


# --- The header (templates/base.html) ---


def test_header_offers_join_to_visitors_except_on_the_sign_up_page_itself(client):
    home = client.get("/").content.decode()
    signup = client.get("/accounts/signup/").content.decode()

    assert 'class="button button-small header-join"' in home
    assert "header-join" not in signup


def test_header_menus_are_disclosures_that_need_no_javascript(member_client, member):
    html = member_client.get("/privacy/").content.decode()

    phone_menu = html.split('<details class="header-menu header-phone">', 1)[1].split("</details>")[
        0
    ]
    account_menu = html.split('<details class="header-menu header-account header-wide">', 1)[1]
    assert "<summary>" in phone_menu
    assert 'href="/accounts/settings/"' in phone_menu
    assert "Log out" in phone_menu
    assert f"Logged in as {member.display_name}" in phone_menu
    assert 'href="/accounts/settings/"' in account_menu.split("</details>")[0]
