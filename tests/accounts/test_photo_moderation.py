"""The photo follows moderation's decisions on the profile: reports, holds, hide and restore."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from accounts.models import Profile, User
from accounts.photo_services import profile_photo_set
from accounts.templatetags.avatar_tags import photo_url
from moderation.models import ModerationLogEntry, ReportReason
from moderation.services import content_hide, content_restore, report_create
from tests.factories import UserFactory

from .photo_files import jpeg_bytes

pytestmark = pytest.mark.django_db


def _photo(member: User) -> str:
    return profile_photo_set(user=member, stream=io.BytesIO(jpeg_bytes()), size=None).photo_key


def _seen_by_others(client: Client, key: str) -> bool:
    client.force_login(UserFactory.create())
    return client.get(photo_url(key=key, size=48)).status_code == 200


def test_profile_hide_hides_her_photo_and_logs_it(client: Client, member: User) -> None:
    key = _photo(member)
    moderator = UserFactory.create(is_staff=True)

    content_hide(item=member, moderator=moderator, reason="A photo of someone else's child.")

    assert Profile.objects.get(user=member).photo_hidden
    assert not _seen_by_others(client, key)
    entry = ModerationLogEntry.objects.get(action=ModerationLogEntry.Action.HIDE, member=member)
    assert entry.actor == moderator
    assert entry.content_type == ContentType.objects.get_for_model(User)
    assert entry.reason == "A photo of someone else's child."


def test_profile_restore_gives_her_photo_back(client: Client, member: User) -> None:
    key = _photo(member)
    moderator = UserFactory.create(is_staff=True)
    content_hide(item=member, moderator=moderator, reason="Checking this photo.")

    content_restore(item=member, moderator=moderator)

    assert not Profile.objects.get(user=member).photo_hidden
    assert _seen_by_others(client, key)


def test_reports_on_a_profile_hold_her_photo_for_review(
    client: Client, member: User, settings: object
) -> None:
    settings.MODERATION_AUTO_HIDE_REPORTS = 2  # type: ignore[attr-defined]
    key = _photo(member)

    for _ in range(2):
        report_create(reporter=UserFactory.create(), item=member, reason=ReportReason.HARASSMENT)

    assert Profile.objects.get(user=member).photo_hidden
    assert not _seen_by_others(client, key)


def test_a_new_photo_does_not_undo_a_moderators_hiding(client: Client, member: User) -> None:
    _photo(member)
    content_hide(item=member, moderator=UserFactory.create(is_staff=True), reason="Not allowed.")

    key = _photo(member)

    assert not _seen_by_others(client, key)


def test_profile_page_shows_a_withheld_photo_to_moderators_only(
    client: Client, member: User, moderator_with_permission: User
) -> None:
    key = _photo(member)
    content_hide(item=member, moderator=moderator_with_permission, reason="Reviewing.")
    withheld = photo_url(key=key, size=256)

    client.force_login(moderator_with_permission)
    assert withheld in client.get(member.get_absolute_url()).content.decode()
    client.force_login(UserFactory.create())
    assert key not in client.get(member.get_absolute_url()).content.decode()


@pytest.fixture
def moderator_with_permission() -> User:
    user = UserFactory.create(is_staff=True)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    user.groups.add(group)
    return user
