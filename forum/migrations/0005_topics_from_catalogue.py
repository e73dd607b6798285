"""Questions' topics and treatments point to the catalogue app; state only (same tables)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0004_answer_followers_notified_at"),
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="question",
                    name="topics",
                    field=models.ManyToManyField(related_name="questions", to="catalogue.topic"),
                ),
                migrations.AlterField(
                    model_name="question",
                    name="treatments",
                    field=models.ManyToManyField(
                        blank=True, related_name="questions", to="catalogue.treatment"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
