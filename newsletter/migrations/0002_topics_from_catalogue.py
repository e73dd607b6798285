"""Subscribers' topics and issues' segment point to the catalogue app; state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="issue",
                    name="segment_topic",
                    field=models.ForeignKey(
                        blank=True,
                        help_text=(
                            "Empty: every confirmed subscriber. Otherwise only those following"
                            " this topic."
                        ),
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="catalogue.topic",
                    ),
                ),
                migrations.AlterField(
                    model_name="subscriber",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True, related_name="newsletter_subscribers", to="catalogue.topic"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
