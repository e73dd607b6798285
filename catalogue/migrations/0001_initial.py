"""The catalogue takes over the topic and treatment tables from articles, in the state only.

The tables keep their names (`articles_topic`, `articles_treatment`) and their rows: nothing
runs against the database. articles/0007 drops the old models from articles' state once every
relation points here (accounts/0002, forum/0005, newsletter/0002).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        # The tables were created and seeded by articles; take them over as its history left them.
        ("articles", "0006_comment_thread_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=80, unique=True)),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                        ("description", models.TextField(blank=True)),
                    ],
                    options={
                        "db_table": "articles_topic",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="Treatment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                help_text="Generic or procedure name.", max_length=120, unique=True
                            ),
                        ),
                        ("slug", models.SlugField(max_length=120, unique=True)),
                        (
                            "brand_names",
                            models.CharField(
                                blank=True, help_text="Comma-separated.", max_length=200
                            ),
                        ),
                        (
                            "drug_class",
                            models.CharField(
                                choices=[
                                    ("monoclonal_antibody", "Monoclonal antibody"),
                                    ("kinase_inhibitor", "Kinase inhibitor"),
                                    ("adc", "Antibody-drug conjugate"),
                                    ("chemotherapy", "Chemotherapy"),
                                    ("regimen", "Combination regimen"),
                                    ("hormone_therapy", "Hormone therapy"),
                                    ("surgery", "Surgery"),
                                    ("radiation", "Radiation therapy"),
                                    ("other", "Other"),
                                ],
                                max_length=30,
                            ),
                        ),
                        ("description", models.TextField(blank=True)),
                    ],
                    options={
                        "db_table": "articles_treatment",
                        "ordering": ["name"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
