"""The photo section of the settings page and the members-only photo view."""

import io
import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import Profile, User, Visibility
from accounts.photo_services import profile_photo_hidden_set, profile_photo_set
from accounts.photo_store import photo_file_name
from accounts.photos import PHOTO_MAX_BYTES, PHOTO_SIZES
from accounts.templatetags.avatar_tags import photo_url
from tests.factories import UserFactory

from .photo_files import (
    SVG_WITH_SCRIPT,
    TEXT_FILE,
    animated_webp,
    forged_huge_png,
    has_no_metadata,
    jpeg_bytes,
    png_bytes,
)

pytestmark = pytest.mark.django_db

PHOTO_URL = reverse("accounts:photo")


def _upload(client: Client, data: bytes, name: str = "photo.jpg", **extra: str) -> Any:
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return client.post(PHOTO_URL, {"photo": upload, "photo_visibility": "members", **extra})


def _with_photo(member: User, **profile: Any) -> Profile:
    profile_photo_set(user=member, stream=io.BytesIO(jpeg_bytes()), size=None)
    Profile.objects.filter(user=member).update(**profile)
    return Profile.objects.get(user=member)


def _stored(key: str, size: int = 256) -> bytes:
    with storages["photos"].open(photo_file_name(key=key, size=size)) as handle:
        return bytes(handle.read())


def _plain(content: bytes, url: str) -> str:
    page = re.sub(r'"X-CSRFToken": "[^"]+"', "", content.decode().replace(url, "URL"))
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.fixture
def moderator() -> User:
    user = UserFactory.create(is_staff=True)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    user.groups.add(group)
    return user


# --- the upload form ----------------------------------------------------------------------


def test_settings_page_shows_the_photo_form_without_javascript(member_client: Client) -> None:
    page = member_client.get(reverse("accounts:settings")).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert f'action="{PHOTO_URL}"' in page
    assert 'name="photo"' in page
    assert 'name="photo_visibility"' in page


def test_photo_upload_stores_every_size_without_gps(member_client: Client, member: User) -> None:
    response = _upload(member_client, jpeg_bytes(gps=True))
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("accounts:settings") + "#photo")
    profile = Profile.objects.get(user=member)
    assert len(profile.photo_key) == 32
    for size in PHOTO_SIZES:
        assert has_no_metadata(_stored(profile.photo_key, size))


def test_photo_upload_replacing_deletes_the_old_files(member_client: Client, member: User) -> None:
    _upload(member_client, jpeg_bytes())
    old_key = Profile.objects.get(user=member).photo_key
    _upload(member_client, png_bytes("RGB"), name="new.png")
    new_key = Profile.objects.get(user=member).photo_key
    storage = storages["photos"]
    assert new_key != old_key
    assert storage.exists(photo_file_name(key=new_key, size=256))
    assert not any(storage.exists(photo_file_name(key=old_key, size=s)) for s in PHOTO_SIZES)


def test_photo_remove_deletes_the_files(member_client: Client, member: User) -> None:
    _upload(member_client, jpeg_bytes())
    key = Profile.objects.get(user=member).photo_key
    response = member_client.post(PHOTO_URL, {"photo_visibility": "members", "remove": "1"})
    assert response.status_code == 302
    assert Profile.objects.get(user=member).photo_key == ""
    assert not any(storages["photos"].exists(photo_file_name(key=key, size=s)) for s in PHOTO_SIZES)


def test_photo_visibility_saves_without_a_new_file(member_client: Client, member: User) -> None:
    _upload(member_client, jpeg_bytes())
    key = Profile.objects.get(user=member).photo_key
    member_client.post(PHOTO_URL, {"photo_visibility": "me"})
    profile = Profile.objects.get(user=member)
    assert (profile.photo_key, profile.photo_visibility) == (key, Visibility.ONLY_ME)


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (TEXT_FILE, "holiday.jpg", "could not read this file as a photo"),
        (SVG_WITH_SCRIPT, "face.svg", "could not read this file as a photo"),
        (jpeg_bytes((900, 700))[:4000], "cut.jpg", "damaged or cut short"),
        (forged_huge_png(), "huge.png", "too large for us to open safely"),
        (b"\xff" * (PHOTO_MAX_BYTES + 1), "big.jpg", "larger than 10 MB"),
    ],
    ids=["renamed-text", "svg-script", "truncated-jpeg", "50000px-png", "over-10mb"],
)
def test_photo_upload_refuses_bad_files_with_a_clear_message(
    member_client: Client, member: User, data: bytes, name: str, words: str
) -> None:
    response = _upload(member_client, data, name=name)
    assert response.status_code == 400
    page = response.content.decode()
    assert words in page.replace("&#x27;", "'")
    assert Profile.objects.get(user=member).photo_key == ""
    assert not storages["photos"].listdir("")[0], "nothing may be stored"


def test_photo_upload_over_the_cap_is_dropped_while_read_with_a_clear_message(
    member_client: Client, member: User, settings: Any
) -> None:
    # given: a cap below the file, so the body reader drops it before the view runs
    settings.UPLOAD_MAX_FILE_BYTES = 100_000
    data = jpeg_bytes((2000, 1500)) + b"\0" * 200_000
    response = _upload(member_client, data, photo_visibility="me")
    assert response.status_code == 400
    page = response.content.decode()
    assert "larger than 10 MB" in page.replace("&#x27;", "'")
    # what she chose besides the file is kept
    assert re.search(r'<input type="radio" name="photo_visibility" value="me"[^>]*checked', page)
    assert Profile.objects.get(user=member).photo_key == ""


def test_photo_upload_refused_keeps_the_earlier_photo(member_client: Client, member: User) -> None:
    _upload(member_client, jpeg_bytes())
    key = Profile.objects.get(user=member).photo_key
    assert _upload(member_client, TEXT_FILE).status_code == 400
    assert Profile.objects.get(user=member).photo_key == key
    assert storages["photos"].exists(photo_file_name(key=key, size=48))


def test_photo_upload_of_an_animation_stores_one_still_frame(
    member_client: Client, member: User
) -> None:
    assert _upload(member_client, animated_webp(), name="moving.webp").status_code == 302
    assert has_no_metadata(_stored(Profile.objects.get(user=member).photo_key, 48))


def test_photo_settings_need_login(client: Client) -> None:
    response = client.post(PHOTO_URL, {"photo_visibility": "members"})
    assert response.status_code == 302
    assert "login" in response["Location"]


# --- serving: who may fetch a photo -------------------------------------------------------


def test_photo_view_serves_members_privately(client: Client, member: User) -> None:
    profile = _with_photo(member)
    client.force_login(UserFactory.create())
    response = client.get(photo_url(key=profile.photo_key, size=96))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:4] == b"RIFF"  # type: ignore[attr-defined]


def test_photo_view_gives_visitors_404_exactly_as_for_a_missing_photo(
    client: Client, member: User
) -> None:
    profile = _with_photo(member)
    real_url, missing_url = (
        photo_url(key=profile.photo_key, size=96),
        photo_url(key="0" * 32, size=96),
    )
    real, missing = client.get(real_url), client.get(missing_url)
    assert real.status_code == missing.status_code == 404
    assert real["Content-Type"] == missing["Content-Type"]
    # The same page, but for its own address (the log-in link) and the fresh CSRF token.
    assert _plain(real.content, real_url) == _plain(missing.content, missing_url)


def test_photo_view_only_me_is_only_her(client: Client, member: User, moderator: User) -> None:
    url = photo_url(key=_with_photo(member, photo_visibility=Visibility.ONLY_ME).photo_key, size=48)
    client.force_login(UserFactory.create())
    assert client.get(url).status_code == 404
    client.force_login(moderator)
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200


def test_photo_view_hidden_photo_is_not_served_to_members(
    client: Client, member: User, moderator: User
) -> None:
    profile = _with_photo(member)
    profile_photo_hidden_set(member=member, hidden=True)
    url = photo_url(key=profile.photo_key, size=48)
    client.force_login(UserFactory.create())
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200
    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_photo_view_refuses_sizes_not_stored(client: Client, member: User) -> None:
    profile = _with_photo(member)
    client.force_login(member)
    assert client.get(photo_url(key=profile.photo_key, size=1000)).status_code == 404


def test_photo_view_hides_an_erased_or_banned_members_photo(client: Client, member: User) -> None:
    profile = _with_photo(member)
    User.objects.filter(pk=member.pk).update(is_active=False)
    client.force_login(UserFactory.create())
    assert client.get(photo_url(key=profile.photo_key, size=48)).status_code == 404


def test_photo_view_with_object_storage_redirects_members_to_a_short_signed_url(
    client: Client, member: User, settings: Any
) -> None:
    Profile.objects.filter(user=member).update(photo_key="a" * 32)
    settings.PHOTO_STORAGE_BUCKET = "photos-bucket"
    settings.STORAGES = {
        **settings.STORAGES,
        "photos": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "photos-bucket",
                "endpoint_url": "https://objects.example",
                "region_name": "eu-west-1",
                "access_key": "test-access",
                "secret_key": "test-secret",
                "location": "photos",
                "querystring_auth": True,
                "querystring_expire": 300,
                "signature_version": "s3v4",
            },
        },
    }
    url = photo_url(key="a" * 32, size=96)
    assert client.get(url).status_code == 404  # a visitor gets no signature
    client.force_login(UserFactory.create())
    response = client.get(url)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(
        "https://objects.example/photos-bucket/photos/" + "a" * 32 + "/96.webp"
    )
    assert "X-Amz-Signature=" in location
    assert "X-Amz-Expires=300" in location
    assert "private" in response["Cache-Control"]


def test_photo_page_shows_the_section_alone(member_client: Client) -> None:
    response = member_client.get(PHOTO_URL)
    assert response.status_code == 200
    assert 'id="photo-heading"' in response.content.decode()


def test_photo_upload_storage_failure_leaves_nothing_half_stored(
    member_client: Client, member: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: her photo, then a storage that fails after writing one size of the next
    _upload(member_client, jpeg_bytes())
    old_key = Profile.objects.get(user=member).photo_key
    storage = storages["photos"]
    real_save = storage.save
    calls: list[str] = []

    def failing_save(name: str, content: Any, **kwargs: Any) -> str:
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return str(real_save(name, content, **kwargs))

    monkeypatch.setattr(storage, "save", failing_save)

    # when: she uploads a new one
    response = _upload(member_client, png_bytes("RGB"), name="new.png")

    # then: a kind message, the written size removed, her photo unchanged
    assert response.status_code == 400
    assert "could not store your photo just now" in response.content.decode()
    assert not storage.exists(calls[0])
    assert Profile.objects.get(user=member).photo_key == old_key
    assert storage.exists(photo_file_name(key=old_key, size=256))


@pytest.mark.parametrize("direction", ["she_blocked_him", "he_blocked_her"])
def test_photo_view_a_block_either_way_is_404_exactly_as_for_a_missing_photo(
    client: Client, member: User, direction: str
) -> None:
    from accounts.blocks import member_block

    profile = _with_photo(member)
    other = UserFactory.create()
    if direction == "she_blocked_him":
        member_block(blocker=member, blocked=other)
    else:
        member_block(blocker=other, blocked=member)
    real_url, missing_url = (
        photo_url(key=profile.photo_key, size=96),
        photo_url(key="0" * 32, size=96),
    )
    client.force_login(other)

    real, missing = client.get(real_url), client.get(missing_url)

    assert real.status_code == missing.status_code == 404
    assert real["Content-Type"] == missing["Content-Type"]
    assert _plain(real.content, real_url) == _plain(missing.content, missing_url)
    client.force_login(member)
    assert client.get(real_url).status_code == 200  # her own photo stays hers
    client.force_login(UserFactory.create())
    assert client.get(real_url).status_code == 200  # and everyone else's to see
