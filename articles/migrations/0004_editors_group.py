"""The Editors group: write articles and keep the topic and treatment catalogues, nothing more.

No permission on users, comments or moderation: editors author, moderators moderate.
"""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

MODELS = ["article", "articlereference", "topic", "treatment"]
ACTIONS = ["add", "change", "delete", "view"]


def create_group(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Permissions are normally created after all migrations; this group needs them now.
    articles_config = apps.get_app_config("articles")
    articles_config.models_module = True  # type: ignore[assignment]
    create_permissions(articles_config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    group.permissions.add(
        *permission_model.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )


def remove_group_permissions(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is not None:
        group.permissions.filter(content_type__app_label="articles").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_articles_and_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group_permissions)]
