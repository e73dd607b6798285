"""Confirming the address: logged in in the same browser, our own words, and "send the link
again" without logging in, rate-limited and the same for every address."""

import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from accounts.resend import ResendOutcome, confirmation_resend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "quiet.willow@example.com",
    "password1": "a-long-enough-passphrase-42",
    "password2": "a-long-enough-passphrase-42",
    "display_name": "QuietWillow",
}
RESEND = reverse("accounts:resend_confirmation")


def _confirm_path(message) -> str:
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", str(message.body))
    assert link is not None
    return link.group(1)


def _signup(client, capture):
    with capture(execute=True):
        return client.post(reverse("account_signup"), SIGNUP)


def test_confirm_in_the_same_browser_logs_in_and_starts_the_welcome_flow(
    client, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks)
    path = _confirm_path(mail.outbox[-1])

    page = client.get(path)
    confirmed = client.post(path)

    assert page.status_code == HTTPStatus.OK
    assert confirmed.status_code == HTTPStatus.FOUND
    assert confirmed["Location"] == reverse("accounts:welcome")
    welcome = client.get(reverse("accounts:welcome"), follow=True)
    assert welcome.status_code == HTTPStatus.OK
    assert "Welcome to MyBCTeam, QuietWillow" in welcome.content.decode()


def test_confirm_in_another_browser_asks_to_log_in_then_welcome(
    client, django_capture_on_commit_callbacks
):
    from django.test import Client

    _signup(client, django_capture_on_commit_callbacks)
    path = _confirm_path(mail.outbox[-1])
    elsewhere = Client()

    confirmed = elsewhere.post(path)

    assert confirmed.status_code == HTTPStatus.FOUND
    assert confirmed["Location"].startswith(reverse("account_login"))
    assert "next=%2Faccounts%2Fwelcome%2F" in confirmed["Location"]
    assert "_auth_user_id" not in elsewhere.session


def test_confirm_page_is_in_our_words_never_allauth_stock(
    client, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks)

    content = client.get(_confirm_path(mail.outbox[-1])).content.decode()

    assert "is an email address for user" not in content
    assert "Confirm my address" in content
    assert "quiet.willow@example.com" in content


def test_confirm_page_expired_link_offers_a_new_one(client):
    content = client.get("/accounts/confirm-email/not-a-real-key/").content.decode()

    assert "This link no longer works" in content
    assert f'action="{RESEND}"' in content
    assert "issue a new email confirmation request" not in content


def test_verification_sent_page_offers_resend_prefilled_and_no_dead_end(
    client, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks)

    content = client.get(reverse("account_email_verification_sent")).content.decode()

    assert f'action="{RESEND}"' in content
    assert 'value="quiet.willow@example.com"' in content
    assert "after logging in" not in content


def test_resend_view_sends_a_new_link_to_a_waiting_address(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory.create(email="waiting@example.com", verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, {"email": "Waiting@Example.com"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


@pytest.mark.parametrize("kind", ["waiting", "confirmed", "unknown"])
def test_resend_view_answers_the_same_for_every_address(
    client, kind, django_capture_on_commit_callbacks
):
    UserFactory.create(email="waiting@example.com", verified=False)
    UserFactory.create(email="confirmed@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND, {"email": f"{kind}@example.com"}, follow=True)

    content = response.content.decode()
    assert response.redirect_chain == [(reverse("account_email_verification_sent"), 302)]
    assert f"We have sent an email to {kind}@example.com." in content
    assert len(mail.outbox) == 1  # one email each: the same work whoever owns the address


def test_confirmation_resend_tells_each_owner_what_they_need(rf):
    UserFactory.create(email="waiting@example.com", verified=False)
    UserFactory.create(email="confirmed@example.com")
    request = rf.post(RESEND)

    outcomes = [
        confirmation_resend(request=request, email=f"{kind}@example.com")
        for kind in ("waiting", "confirmed", "unknown")
    ]

    assert outcomes == [
        ResendOutcome.LINK_SENT,
        ResendOutcome.ALREADY_CONFIRMED,
        ResendOutcome.NO_ACCOUNT,
    ]


def test_confirmation_resend_already_confirmed_email_says_log_in(
    rf, django_capture_on_commit_callbacks
):
    UserFactory.create(email="confirmed@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        confirmation_resend(request=rf.post(RESEND), email="confirmed@example.com")

    assert "already confirmed" in mail.outbox[0].body
    assert "/accounts/login/" in mail.outbox[0].body


def test_resend_view_limits_per_address(client, django_capture_on_commit_callbacks):
    UserFactory.create(email="waiting@example.com", verified=False)

    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(RESEND, {"email": "waiting@example.com"}) for _ in range(4)]

    assert [a.status_code for a in answers] == [302, 302, 302, HTTPStatus.TOO_MANY_REQUESTS]
    assert "several links in a short time" in answers[-1].content.decode()
    assert len(mail.outbox) == 3


def test_resend_view_limits_per_client_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "resend_confirmation": "2/h/ip"}

    answers = [client.post(RESEND, {"email": f"n{i}@example.com"}) for i in range(3)]

    assert answers[-1].status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Please type the email address you joined with."),
        ("not-an-address", "That does not look like an email address."),
        ("<b>x</b>@example", "That does not look like an email address."),
        ("a" * 300 + "@example.com", "longer than any email address"),
    ],
)
def test_resend_view_bad_input_is_answered_kindly(client, value, message):
    response = client.post(RESEND, {"email": value})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    content = response.content.decode()
    assert message in content
    assert "<b>x</b>" not in content
    assert not mail.outbox


def test_resend_view_needs_no_login_and_refuses_get(client):
    assert client.get(RESEND).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_login_after_confirming_elsewhere_continues_to_welcome(client):
    user = UserFactory.create()
    User.objects.filter(pk=user.pk).update(welcome_done_at=None)

    response = client.post(
        f"{reverse('account_login')}?next={reverse('accounts:welcome')}",
        {"login": user.email, "password": "correct-horse-battery-staple"},
    )

    assert response["Location"] == reverse("accounts:welcome")


def test_confirmation_resend_same_queries_whoever_owns_the_address(rf):
    UserFactory.create(email="waiting@example.com", verified=False)
    UserFactory.create(email="confirmed@example.com")
    counts = []

    for kind in ("waiting", "confirmed", "unknown"):
        with CaptureQueriesContext(connection) as captured:
            confirmation_resend(request=rf.post(RESEND), email=f"{kind}@example.com")
        counts.append(len(captured.captured_queries))

    assert len(set(counts)) == 1, counts
