"""allauth's emails go through the outbox, rendered from our templates with one footer."""

from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from core.mail.models import OutboxMessage
from core.mail.services import email_render
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

ALLAUTH_EMAILS = sorted(
    path.name.removesuffix(".subject.txt")
    for path in (Path(settings.BASE_DIR) / "templates/emails/allauth").glob("*.subject.txt")
)
# Every email allauth 65 can send (account/email/* and mfa/email/* in its templates).
EXPECTED = {
    "account_already_exists",
    "email_changed",
    "email_confirm",
    "email_confirmation",
    "email_confirmation_signup",
    "email_deleted",
    "login_code",
    "password_changed",
    "password_reset",
    "password_reset_code",
    "password_reset_key",
    "password_set",
    "unknown_account",
    "recovery_codes_generated",
    "totp_activated",
    "totp_deactivated",
    "webauthn_added",
    "webauthn_removed",
}


def test_allauth_email_templates_cover_every_allauth_email():
    assert set(ALLAUTH_EMAILS) == EXPECTED


@pytest.mark.parametrize("name", ALLAUTH_EMAILS)
def test_allauth_email_renders_with_footer_in_text_and_html(name, member):
    context = {
        "user": member,
        "email": member.email,
        "activate_url": "https://example.test/confirm/",
        "password_reset_url": "https://example.test/reset/",
        "code": "ABC123",
        "timestamp": datetime(2026, 11, 28, 9, 30, tzinfo=UTC),
        "from_email": "old@example.com",
        "to_email": "new@example.com",
        "deleted_email": "gone@example.com",
    }

    subject, text, html = email_render(template=f"allauth/{name}", context=context)

    assert subject
    assert "\n" not in subject
    for body in (text, html):
        assert "/accounts/settings/" in body
        assert "not medical advice" in body
    assert "&lt;" not in text  # plain text is not HTML-escaped


def test_email_add_sends_confirmation_through_outbox(
    client, member, django_capture_on_commit_callbacks
):
    client.post(reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_email"), {"action_add": "", "email": "second@example.com"}
        )

    assert response.status_code == HTTPStatus.FOUND
    message = OutboxMessage.objects.get(to_email="second@example.com")
    assert message.kind == "allauth/email_confirmation"
    assert message.state == OutboxMessage.State.SENT


def test_password_change_notifies_member_by_email(
    client, member, django_capture_on_commit_callbacks
):
    client.post(reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_change_password"),
            {
                "oldpassword": TEST_PASSWORD,
                "password1": "another-long-passphrase-9",
                "password2": "another-long-passphrase-9",
            },
        )

    assert response.status_code == HTTPStatus.FOUND
    assert [m.subject for m in mail.outbox] == ["Your password was changed"]
    assert mail.outbox[0].to == [member.email]
