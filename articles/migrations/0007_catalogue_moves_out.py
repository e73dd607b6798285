"""Topics and treatments now live in the catalogue app; articles lets go of them (state only).

Runs after every relation to them points to the catalogue, so no state ever holds a field
whose model is gone. The tables stay: the catalogue's models use them under their old names.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_comment_thread_indexes"),
        ("catalogue", "0001_initial"),
        ("accounts", "0002_treatments_from_catalogue"),
        ("forum", "0005_topics_from_catalogue"),
        ("newsletter", "0002_topics_from_catalogue"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True, related_name="articles", to="catalogue.topic"
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="treatments",
                    field=models.ManyToManyField(
                        blank=True, related_name="articles", to="catalogue.treatment"
                    ),
                ),
                migrations.DeleteModel(name="Topic"),
                migrations.DeleteModel(name="Treatment"),
            ],
            database_operations=[],
        ),
    ]
