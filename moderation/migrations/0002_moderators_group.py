"""The Moderators group with moderation's own permissions.

Content models (comments, questions, answers) may be migrated after this; the post_migrate
hook in ModerationConfig adds their view/change permissions once they exist.
"""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

CODENAMES = [
    "view_moderationcase",
    "change_moderationcase",
    "moderate_members",
    "view_report",
    "view_membersanction",
    "view_profilebiomoderation",
    "view_moderationlogentry",
]


def create_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Permissions are normally created after all migrations; this group needs them now.
    moderation_config = apps.get_app_config("moderation")
    moderation_config.models_module = True  # type: ignore[assignment]
    create_permissions(moderation_config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name="Moderators")
    group.permissions.add(
        *permission_model.objects.filter(
            content_type__app_label="moderation", codename__in=CODENAMES
        )
    )


def remove_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("auth", "Group").objects.filter(name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
