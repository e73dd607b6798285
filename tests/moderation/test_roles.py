from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from moderation.registry import moderated_types
from moderation.roles import MODERATORS, moderators_group_sync
from tests.factories import UserFactory


def _codenames(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_moderators_group_exists_after_migrations_with_exact_permissions(db):
    group = Group.objects.get(name=MODERATORS)

    expected = {
        "moderation.view_moderationcase",
        "moderation.change_moderationcase",
        "moderation.moderate_members",
        "moderation.view_report",
        "moderation.view_membersanction",
        "moderation.view_profilebiomoderation",
        "moderation.view_moderationlogentry",
    }
    for moderated_type in moderated_types():
        opts = moderated_type.model._meta
        expected |= {
            f"{opts.app_label}.view_{opts.model_name}",
            f"{opts.app_label}.change_{opts.model_name}",
        }
    assert _codenames(group) == expected


def test_moderators_group_never_gets_authoring_passwords_or_log_writes(db):
    codenames = _codenames(moderators_group_sync())

    forbidden = [
        c
        for c in codenames
        if c.startswith(("accounts.", "auth.", "articles.add_", "articles.delete_"))
        or c.endswith(("article", "topic", "treatment", "profile", "user"))
        or c.startswith(("moderation.change_moderationlogentry", "moderation.delete_"))
    ]
    assert forbidden == []


def test_moderators_group_sync_is_idempotent(db):
    first = _codenames(moderators_group_sync())

    second = _codenames(moderators_group_sync())

    assert first == second
    assert Group.objects.filter(name=MODERATORS).count() == 1


def test_create_moderator_command_makes_staff_in_group(db):
    user = UserFactory.create(email="maya@example.com")
    out = StringIO()

    call_command("create_moderator", "MAYA@example.com", stdout=out)

    user.refresh_from_db()
    assert user.is_staff is True
    assert user.is_superuser is False
    assert user.groups.filter(name=MODERATORS).exists()
    assert user.has_perm("moderation.change_moderationcase")
    assert not user.has_perm("accounts.change_user")
    assert "is now a moderator" in out.getvalue()


def test_create_moderator_command_unknown_email_fails(db):
    with pytest.raises(CommandError, match="No member"):
        call_command("create_moderator", "nobody@example.com")


def test_staff_two_factor_applies_to_moderators(client, moderator, settings):
    settings.STAFF_REQUIRE_2FA = True
    client.force_login(moderator)

    response = client.get("/admin/moderation/moderationcase/")

    assert response.status_code == 302
    assert "/2fa/" in response["Location"] or "mfa" in response["Location"]
