"""A member on a phone (375 px) adds a photo taken with GPS tags from the settings page: the
stored files carry no position, and her face shows on her profile at that width."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.storage import storages
from PIL import Image
from playwright.sync_api import expect

from accounts.models import Profile
from accounts.photo_store import photo_file_name
from accounts.photos import PHOTO_SIZES
from tests.accounts.photo_files import GPS_IFD, has_no_metadata, jpeg_bytes
from tests.factories import UserFactory

from .conftest import PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_member_uploads_a_photo_with_gps_tags_and_the_stored_files_have_none(
    logged_in_page: Callable[..., Any],
) -> None:
    member = UserFactory.create(display_name="RoseGarden")
    page = logged_in_page(member, viewport=PHONE)
    photo = jpeg_bytes((1200, 900), gps=True)

    # given: her settings page, on a phone
    page.goto("/accounts/settings/")
    section = page.locator("#photo")
    expect(section.get_by_role("heading", name="Your photo")).to_be_visible()
    expect(section.get_by_role("img", name="RoseGarden")).to_be_visible()  # her initials

    # when: she picks a photo whose EXIF says where it was taken, and saves
    page.get_by_label("Choose a photo").set_input_files(
        files=[{"name": "garden.jpg", "mimeType": "image/jpeg", "buffer": photo}]
    )
    section.get_by_role("button", name="Save photo").click()

    # then: it is saved, and no stored size carries a position or any other metadata
    expect(page.locator(".messages")).to_contain_text("Your new photo is saved.")
    key = Profile.objects.get(user=member).photo_key
    assert key
    for size in PHOTO_SIZES:
        with storages["photos"].open(photo_file_name(key=key, size=size)) as handle:
            stored = handle.read()
        assert has_no_metadata(stored), f"size {size} kept metadata"
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(GPS_IFD), "the upload had GPS"

    # and: her face shows on the settings page and on her profile, loaded, within 375 px
    current = section.get_by_role("img", name="Your current photo")
    expect(current).to_be_visible()
    assert current.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(member.get_absolute_url())
    avatar = page.locator(".profile-head img.avatar")
    expect(avatar).to_be_visible()
    assert avatar.evaluate("img => img.complete && img.naturalWidth > 0")
    box = avatar.bounding_box()
    assert box is not None
    assert box["width"] == 96
    assert box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
