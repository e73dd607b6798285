"""The Moderators group and exactly the permissions it holds."""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .registry import moderated_types

MODERATORS = "Moderators"

# Moderation's own models: work the queue and sanction members; read reports and the log.
# Nothing here lets a moderator write articles, touch passwords or read "only me" fields.
MODERATION_CODENAMES = [
    "view_moderationcase",
    "change_moderationcase",
    "moderate_members",
    "view_report",
    "view_membersanction",
    "view_profilebiomoderation",
    "view_moderationlogentry",
]


def moderator_permissions() -> list[Permission]:
    """Moderation's permissions plus view/change on every registered content model."""
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="moderation", codename__in=MODERATION_CODENAMES
        )
    )
    for moderated_type in moderated_types():
        opts = moderated_type.model._meta
        content_type = ContentType.objects.get_for_model(moderated_type.model)
        permissions += list(
            Permission.objects.filter(
                content_type=content_type,
                codename__in=[f"view_{opts.model_name}", f"change_{opts.model_name}"],
            )
        )
    return permissions


def moderators_group_sync(**kwargs: Any) -> Group:
    """Create the Moderators group if needed and give it exactly its permissions (idempotent)."""
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.set(moderator_permissions())
    return group
