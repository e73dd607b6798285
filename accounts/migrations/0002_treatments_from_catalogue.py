"""Profiles' treatments point to the catalogue app; state only (same tables, same columns)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("catalogue", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="profile",
                    name="current_treatments",
                    field=models.ManyToManyField(
                        blank=True, related_name="current_profiles", to="catalogue.treatment"
                    ),
                ),
                migrations.AlterField(
                    model_name="profile",
                    name="past_treatments",
                    field=models.ManyToManyField(
                        blank=True, related_name="past_profiles", to="catalogue.treatment"
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
