"""One vocabulary on every page a newcomer meets: "Log in", "Log out", "Join", never allauth's
"Sign In", "Sign Out" or "Remember Me"; allauth's fields laid out like the site's forms."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

FOREIGN_WORDS = re.compile(
    r"sign[ -]?in|sign[ -]?out|signed (in|out)|remember me|sign[ -]?up", re.IGNORECASE
)


def _visible_text(html: str) -> str:
    """The words a reader sees: no tags, attributes or URLs (/accounts/signup/ is a path)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-bad-key/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/not-a-real-key/",
    "/accounts/inactive/",
    "/",
]
MEMBER_PAGES = [
    "account_email",
    "account_change_password",
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
    "mfa_activate_totp",
]


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_vocabulary_anonymous_pages_say_log_in_and_join(client, path):
    response = client.get(path, follow=True)

    assert response.status_code == HTTPStatus.OK
    text = _visible_text(response.content.decode())
    assert not FOREIGN_WORDS.search(text), FOREIGN_WORDS.search(text)


@pytest.mark.parametrize("url_name", MEMBER_PAGES)
def test_vocabulary_member_pages_say_log_in_and_log_out(client, member, url_name):
    client.post(reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD})

    response = client.get(reverse(url_name), follow=True)

    assert response.status_code == HTTPStatus.OK
    text = _visible_text(response.content.decode())
    assert not FOREIGN_WORDS.search(text), FOREIGN_WORDS.search(text)


def test_vocabulary_login_page_words_and_field_layout(client):
    content = client.get(reverse("account_login")).content.decode()

    assert "<h1>Log in</h1>" in content
    assert "Keep me logged in on this device" in content
    assert "Remember Me" not in content
    assert 'placeholder="' not in content  # labels, not placeholders, like every site form
    # The site's field layout: each field in a .field block, its label first.
    assert re.search(r'<div class="field">\s*<label for="id_login">Email address</label>', content)
    assert re.search(r'<div class="field field-check">', content)


def test_vocabulary_login_error_keeps_email_and_marks_the_field(client):
    response = client.post(reverse("account_login"), {"login": "someone@example.com"})

    content = response.content.decode()
    assert 'value="someone@example.com"' in content
    assert 'class="field field-error"' in content


def test_vocabulary_messages_say_logged_in_and_out(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}, follow=True
    )
    assert "You are logged in as" in response.content.decode()

    response = client.post(reverse("account_logout"), follow=True)
    assert "You are logged out." in response.content.decode()


@pytest.mark.parametrize(
    ("url_name", "ours", "stock"),
    [
        ("account_email", "Your email addresses", "Make Primary"),
        ("account_change_password", "Change your password", "Change Password"),
        ("account_reauthenticate", "Is it you?", "Confirm Access"),
    ],
)
def test_vocabulary_member_account_pages_in_our_words(client, member, url_name, ours, stock):
    client.post(reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD})

    content = client.get(reverse(url_name)).content.decode()

    assert ours in content
    assert stock not in content


@pytest.mark.parametrize(
    ("path", "ours", "stock"),
    [
        ("/accounts/password/reset/", "Forgotten your password?", "Reset My Password"),
        ("/accounts/password/reset/done/", "Check your inbox", "Password Reset"),
        ("/accounts/password/reset/key/1-bad-key/", "This link no longer works", "Bad Token"),
    ],
)
def test_vocabulary_password_pages_in_our_words(client, path, ours, stock):
    content = client.get(path, follow=True).content.decode()

    assert ours in content
    assert stock not in content


def test_email_page_adds_and_lists_an_address_in_our_words(
    client, member, django_capture_on_commit_callbacks
):
    client.post(reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD})

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_email"), {"action_add": "", "email": "second@example.com"})
    content = client.get(reverse("account_email")).content.decode()

    assert "second@example.com" in content
    assert "(waiting for confirmation)" in content
    assert "(main address)" in content
