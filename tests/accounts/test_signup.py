"""Sign-up, email confirmation, login, rate limits and enumeration prevention."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

from accounts.models import User
from moderation.policy import posting_refusal
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.member@example.com",
    "password1": "a-long-enough-passphrase-42",
    "password2": "a-long-enough-passphrase-42",
    "display_name": "Quiet Heron",
}


def _signup(client, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse("account_signup"), {**SIGNUP, **overrides})


def test_signup_sends_verification_email_through_outbox_and_confirm_link_allows_login(
    client, django_capture_on_commit_callbacks
):
    response = _signup(client, django_capture_on_commit_callbacks)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.member@example.com")
    assert user.display_name == "Quiet Heron"
    assert user.handle == "quiet-heron"
    assert [m.to for m in mail.outbox] == [["new.member@example.com"]]
    message = mail.outbox[0]
    assert "confirm" in message.subject.lower()
    assert "/accounts/settings/" in message.body
    assert "not medical advice" in message.body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", str(message.body))
    assert link is not None

    path = link.group(0).split("://", 1)[1].split("/", 1)[1]
    confirm_page = client.get("/" + path)
    assert confirm_page.status_code == HTTPStatus.OK
    assert b"site-header" in confirm_page.content
    confirmed = client.post("/" + path)
    assert confirmed.status_code == HTTPStatus.FOUND
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    login = client.post(
        reverse("account_login"),
        {"login": "new.member@example.com", "password": SIGNUP["password1"]},
    )
    assert login.status_code == HTTPStatus.FOUND
    assert client.get(reverse("accounts:settings")).status_code == HTTPStatus.OK


def test_signup_verification_sent_page_explains_why_posting_waits(client):
    response = client.get(reverse("account_email_verification_sent"))

    assert response.status_code == HTTPStatus.OK
    assert b"cannot log in or post" in response.content
    assert b"site-header" in response.content


def test_posting_refusal_unverified_member_is_told_to_confirm_email(unverified_member, client):
    client.force_login(unverified_member)

    refusal = posting_refusal(unverified_member)
    page = client.get(reverse("accounts:settings"))

    assert refusal is not None
    assert "confirm your email" in refusal
    assert "confirm your email" in page.content.decode()


def test_posting_refusal_verified_member_may_post(member):
    assert posting_refusal(member) is None


def test_signup_existing_email_gives_same_response_as_new_one(
    client, django_capture_on_commit_callbacks
):
    UserFactory.create(email="taken@example.com")

    existing = _signup(client, django_capture_on_commit_callbacks, email="taken@example.com")
    client.logout()
    fresh = _signup(
        client,
        django_capture_on_commit_callbacks,
        email="fresh@example.com",
        display_name="Other Name",
    )

    assert existing.status_code == fresh.status_code == HTTPStatus.FOUND
    assert existing["Location"] == fresh["Location"]
    # The owner of the existing address is told by email; the page says nothing.
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "already" in subjects["taken@example.com"].lower()
    assert User.objects.filter(email="taken@example.com").count() == 1


def test_signup_requires_display_name_and_rejects_markup(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": "<script>"})

    assert response.status_code == HTTPStatus.OK
    assert "display_name" in response.context["form"].errors
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


IMPERSONATING_NAMES = [
    "ModeratorMaya",
    "Moderator Maya",
    "moderator-maya",
    "M0derator Maya",
    "MyBCTeam Support",
    "Admin Team",
    "The Administrator",
    "Mod Team",
    "Staff Sue",
    "Official Heron",
    "Former member.",
    "FORMER MEMBER",
]


@pytest.mark.parametrize("name", IMPERSONATING_NAMES)
def test_signup_refuses_staff_sounding_names_and_keeps_what_was_typed(client, name):
    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": name})

    assert response.status_code == HTTPStatus.OK
    assert "staff or moderator account" in str(response.context["form"].errors["display_name"])
    assert f'value="{name}"' in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


@pytest.mark.parametrize(
    "name", ["HopefulHeron", "hopeful heron", "Hopeful-Heron.", "HOPEFUL_HERON"]
)
def test_signup_refuses_another_members_name_whatever_its_spacing_or_case(client, name):
    UserFactory.create(display_name="Hopeful Heron")

    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": name})

    assert response.status_code == HTTPStatus.OK
    assert "Another member already uses that name" in str(
        response.context["form"].errors["display_name"]
    )
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_signup_accepts_an_ordinary_new_name(client, django_capture_on_commit_callbacks):
    UserFactory.create(display_name="Hopeful Heron")

    response = _signup(client, django_capture_on_commit_callbacks, display_name="Hopeful Wren")

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get(email=SIGNUP["email"]).display_name == "Hopeful Wren"


def _fail_logins(client, email: str, times: int, **extra: str) -> None:
    for i in range(times):
        response = client.post(
            reverse("account_login"), {"login": email, "password": f"wrong-{i}"}, **extra
        )
        assert response.status_code == HTTPStatus.OK


def test_login_sixth_rapid_attempt_for_one_email_is_refused_even_with_right_password(
    client, member
):
    _fail_logins(client, member.email, 5)

    sixth = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}
    )

    assert sixth.status_code == HTTPStatus.OK
    assert "Too many tries to log in" in sixth.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_with_right_password_after_few_failures_works(client, member):
    _fail_logins(client, member.email, 3)

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == HTTPStatus.FOUND


def test_login_forged_forwarded_for_does_not_reset_rate_limit(client, member):
    for i in range(5):
        client.post(
            reverse("account_login"),
            {"login": member.email, "password": f"wrong-{i}"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )

    sixth = client.post(
        reverse("account_login"),
        {"login": member.email, "password": TEST_PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )

    assert "Too many tries to log in" in sixth.content.decode()


def test_password_reset_email_links_to_site_url_and_lets_member_set_new_password(
    client, member, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://community.example"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": member.email})

    assert response.status_code == HTTPStatus.FOUND
    body = mail.outbox[-1].body
    link = re.search(r"https://community\.example(/accounts/password/reset/key/\S+/)", str(body))
    assert link is not None
    step = client.get(link.group(1))
    assert step.status_code == HTTPStatus.FOUND
    form_page = client.get(step["Location"])
    assert form_page.status_code == HTTPStatus.OK
    assert b"site-header" in form_page.content
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            step["Location"],
            {"password1": "brand-new-passphrase-77", "password2": "brand-new-passphrase-77"},
        )
    assert done.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    assert member.check_password("brand-new-passphrase-77")
    assert "reset" in mail.outbox[-1].subject.lower()


def test_password_reset_unknown_email_looks_the_same(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(reverse("account_reset_password"), {"email": member.email})
        unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})

    assert known.status_code == unknown.status_code == HTTPStatus.FOUND
    assert known["Location"] == unknown["Location"]


class _CountingHasher(MD5PasswordHasher):
    """The fast test hasher, counting how often a password is hashed."""

    algorithm = "counting-md5"
    calls = 0

    def encode(self, password: str, salt: str) -> str:
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.mark.parametrize("registered", [False, True])
def test_signup_form_hashes_the_password_once_whether_or_not_the_address_is_registered(
    client, django_capture_on_commit_callbacks, settings, registered
):
    settings.PASSWORD_HASHERS = [f"{__name__}._CountingHasher"]
    if registered:
        UserFactory.create(email=SIGNUP["email"], display_name="Someone Else")
    _CountingHasher.calls = 0

    response = _signup(client, django_capture_on_commit_callbacks)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("account_email_verification_sent")
    assert _CountingHasher.calls == 1
