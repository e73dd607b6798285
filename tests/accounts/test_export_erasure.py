"""/accounts/export/ and /accounts/delete/, with the registries other apps extend."""

import base64
import io
import json
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.files.storage import storages
from django.urls import reverse

from accounts.erasure import register_eraser, unregister_eraser
from accounts.export import register_exporter, unregister_exporter
from accounts.models import HealthDataConsent, Profile, User
from accounts.photo_services import profile_photo_set
from accounts.photo_store import photo_file_name
from accounts.photos import PHOTO_SIZES
from accounts.services import member_erase
from articles.models import CommentHug
from core.mail.models import OutboxMessage
from core.mail.services import email_enqueue_rendered
from moderation.policy import posting_refusal
from tests.articles.factories import ArticleFactory, CommentFactory
from tests.factories import TEST_PASSWORD

from .factories import member_with_profile
from .photo_files import jpeg_bytes

pytestmark = pytest.mark.django_db

# A stand-in for another app's posts: (author id, text). Posts reference the author row,
# which erasure keeps, so they stay and read "Former member".
POSTS: list[tuple[int, str]] = []


@pytest.fixture
def posts_app():
    """Registers a generic exporter and eraser, as a content app would."""
    POSTS.clear()
    erased: list[int] = []
    register_exporter(
        "test_posts", lambda user: [text for author, text in POSTS if author == user.pk]
    )
    register_eraser("test_posts", lambda user: erased.append(user.pk))
    yield erased
    unregister_exporter("test_posts")
    unregister_eraser("test_posts")


@pytest.fixture
def owner():
    return member_with_profile(
        role="living_with", bio="Owner's bio.", her2_status="positive", treatments=("tamoxifen",)
    )


def test_export_downloads_own_data_and_nothing_of_others(client, owner, other_member, posts_app):
    POSTS.extend([(owner.pk, "My own comment"), (other_member.pk, "Someone else's comment")])
    Profile.objects.filter(user=other_member).update(bio="Other bio.")
    client.force_login(owner)

    response = client.get(reverse("accounts:export"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["account"]["email"] == owner.email
    assert data["profile"]["bio"] == "Owner's bio."
    assert data["profile"]["her2_status"] == "positive"
    assert data["profile"]["current_treatments"] == ["Tamoxifen"]
    assert len(data["health_data_consents"]) == 1
    assert data["email_addresses"] == [{"email": owner.email, "verified": True, "primary": True}]
    assert data["test_posts"] == ["My own comment"]
    raw = response.content.decode()
    assert other_member.email not in raw
    assert other_member.display_name not in raw
    assert "Someone else's comment" not in raw
    assert "Other bio." not in raw
    assert "password" not in raw


def test_export_requires_login(client):
    response = client.get(reverse("accounts:export"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_delete_with_wrong_password_changes_nothing(client, owner):
    client.force_login(owner)

    response = client.post(reverse("accounts:delete"), {"password": "not-my-password"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "password" in response.context["form"].errors
    owner.refresh_from_db()
    assert owner.erased_at is None


def test_delete_erases_personal_data_and_keeps_posts_as_former_member(client, owner, posts_app):
    POSTS.append((owner.pk, "A comment that stays"))
    Authenticator.objects.create(user=owner, type=Authenticator.Type.TOTP, data={})
    email_enqueue_rendered(kind="test", to=owner.email, subject="Hi", body_text="Hi there")
    email, handle = owner.email, owner.handle
    client.force_login(owner)

    response = client.post(reverse("accounts:delete"), {"password": TEST_PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
    owner.refresh_from_db()
    assert owner.erased_at is not None
    assert owner.public_name == "Former member"
    assert owner.display_name == "Former member"
    assert owner.email.endswith(".invalid")
    assert email not in owner.email
    assert owner.handle != handle
    assert not owner.is_active
    assert not owner.has_usable_password()
    profile = Profile.objects.get(user=owner)
    assert (profile.bio, profile.role, profile.her2_status) == ("", "", "")
    assert profile.current_treatments.count() == 0
    assert not HealthDataConsent.objects.filter(user=owner).exists()
    assert not EmailAddress.objects.filter(user=owner).exists()
    assert not Authenticator.objects.filter(user=owner).exists()
    assert not User.objects.filter(email=email).exists()
    assert not OutboxMessage.objects.filter(to_email=email).exists()
    assert posts_app == [owner.pk]
    assert [(owner.pk, "A comment that stays")] == POSTS
    assert str(owner) == "Former member"
    assert posting_refusal(owner) is not None


def test_delete_ends_other_sessions(client, owner):
    other_device = client.__class__()
    other_device.force_login(owner)
    client.force_login(owner)

    client.post(reverse("accounts:delete"), {"password": TEST_PASSWORD})

    response = other_device.get(reverse("accounts:settings"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))


def test_delete_erased_member_cannot_log_in(client, owner):
    email = owner.email
    member_erase(user=owner)

    response = client.post(reverse("account_login"), {"login": email, "password": TEST_PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code == HTTPStatus.OK


def test_member_erase_is_idempotent(owner, posts_app):
    first = member_erase(user=owner)
    email = first.email

    second = member_erase(user=owner)

    assert second.email == email
    assert posts_app == [owner.pk]


def test_erased_email_can_sign_up_again(client, owner, django_capture_on_commit_callbacks):
    email = owner.email
    member_erase(user=owner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "email": email,
                "password1": "a-long-enough-passphrase-42",
                "password2": "a-long-enough-passphrase-42",
                "display_name": "Back Again",
            },
        )

    assert User.objects.filter(email=email, display_name="Back Again").exists()


def test_export_includes_own_article_comments_and_hugs_and_nothing_of_others(
    client, owner, other_member
):
    article = ArticleFactory.create(title="Living with fatigue")
    others = CommentFactory.create(article=article, author=other_member, body="Their own story")
    mine = CommentFactory.create(article=article, author=owner, body="My reply to them")
    mine_reply = CommentFactory.create(
        article=article, author=owner, parent=others, body="Sending strength"
    )
    CommentHug.objects.create(comment=others, member=owner)
    CommentHug.objects.create(comment=mine, member=other_member)
    client.force_login(owner)

    data = json.loads(client.get(reverse("accounts:export")).content)

    comments = data["articles"]["comments"]
    assert [c["comment"] for c in comments] == ["My reply to them", "Sending strength"]
    assert comments[0]["article_title"] == "Living with fatigue"
    assert comments[0]["url"] == mine.get_absolute_url()
    assert comments[0]["state"] == "visible"
    assert comments[0]["created_at"]
    assert comments[0]["edited_at"] is None
    assert [c["is_reply"] for c in comments] == [False, True]
    assert comments[1]["url"] == mine_reply.get_absolute_url()
    hugs = data["articles"]["hugged_comments"]
    assert hugs == [
        {
            "article_title": "Living with fatigue",
            "url": others.get_absolute_url(),
            "hugged_at": hugs[0]["hugged_at"],
        }
    ]
    raw = json.dumps(data)
    assert "Their own story" not in raw
    assert other_member.display_name not in raw
    assert other_member.email not in raw


# --- the profile photo --------------------------------------------------------------------


def _photo_member() -> tuple[User, str]:
    user = member_with_profile()
    profile = profile_photo_set(user=user, stream=io.BytesIO(jpeg_bytes(gps=True)), size=None)
    return user, profile.photo_key


def test_export_includes_her_photo_as_stored(client) -> None:
    user, key = _photo_member()
    client.force_login(user)
    data = json.loads(client.get(reverse("accounts:export")).content)
    with storages["photos"].open(photo_file_name(key=key, size=256)) as handle:
        stored = handle.read()
    assert data["photo"]["content_type"] == "image/webp"
    assert base64.b64decode(data["photo"]["base64"]) == stored
    assert "photo_key" not in data["profile"]


def test_export_without_photo_says_none(client) -> None:
    user = member_with_profile()
    client.force_login(user)
    assert json.loads(client.get(reverse("accounts:export")).content)["photo"] is None


def test_member_erase_deletes_the_photo_files_from_storage() -> None:
    user, key = _photo_member()
    storage = storages["photos"]
    names = [photo_file_name(key=key, size=size) for size in PHOTO_SIZES]
    assert all(storage.exists(name) for name in names)
    member_erase(user=user)
    assert not any(storage.exists(name) for name in names)
    assert Profile.objects.get(user=user).photo_key == ""
