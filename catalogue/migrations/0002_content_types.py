"""The topic and treatment content types follow their models from articles to the catalogue.

Renaming the rows (instead of letting a new pair be created) keeps their ids, so the
permissions already granted on them (the Editors group's, any single editor's) and the admin
history of topics and treatments stay attached.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

MODELS = ["topic", "treatment"]


def _move(apps: Apps, *, from_label: str, to_label: str) -> None:
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = content_type_model.objects.filter(app_label=from_label, model=model).first()
        if old is None:
            continue  # a database that never created it: post_migrate creates the new one
        # A row under the new label exists only if code looked the model up before this ran
        # (or a partial migrate created its permissions): fold its grants into the old row.
        for duplicate in content_type_model.objects.filter(app_label=to_label, model=model):
            for permission in permission_model.objects.filter(content_type=duplicate):
                kept, _ = permission_model.objects.get_or_create(
                    content_type=old,
                    codename=permission.codename,
                    defaults={"name": permission.name},
                )
                kept.group_set.add(*permission.group_set.all())
                kept.user_set.add(*permission.user_set.all())
            duplicate.delete()
        old.app_label = to_label
        old.save(update_fields=["app_label"])


def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _move(apps, from_label="articles", to_label="catalogue")


def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _move(apps, from_label="catalogue", to_label="articles")


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
        # After the Editors group was granted its rights on the old rows (articles/0004).
        ("articles", "0007_catalogue_moves_out"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
