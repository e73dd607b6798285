"""The Editors group keeps the treatment guides, their references, the side-effect catalogue
and the suggested questions; the articles' suggested questions come with the articles.

Nothing members wrote (experiences, care-team questions, figures): editors author, moderators
moderate, and a member's list is hers alone.
"""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

GRANTS = {
    "treatments": ["treatmentguide", "guidereference", "sideeffect", "suggestedquestion"],
    "articles": ["articlesuggestedquestion"],
}
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # Permissions are normally created after all migrations; this group needs them now.
    for label in GRANTS:
        config = apps.get_app_config(label)
        config.models_module = True  # type: ignore[assignment]
        create_permissions(config, apps=apps, verbosity=0)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.get_or_create(name="Editors")
    for label, models in GRANTS.items():
        codenames = [f"{action}_{model}" for model in models for action in ACTIONS]
        group.permissions.add(
            *permission_model.objects.filter(content_type__app_label=label, codename__in=codenames)
        )


def revoke(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group is None:
        return
    for label, models in GRANTS.items():
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label=label, content_type__model__in=models)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0004_postgres_guide_search"),
        ("articles", "0008_article_suggested_questions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
