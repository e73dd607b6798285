"""Deliveries are claimed under a lease (core.mail.delivery) instead of a fixed stale age."""

from datetime import timedelta

from django.db import migrations, models
from django.db.models import F

# What the sweeper waited for before (the task hard time limit + 60 s): a worker of the old
# code that is still sending when this runs keeps its rows for as long as it was promised.
OLD_STALE_CLAIM = timedelta(seconds=360)


def forwards(apps, schema_editor):
    Delivery = apps.get_model("newsletter", "Delivery")
    Delivery.objects.filter(state="sending").update(
        lease_expires_at=F("claimed_at") + OLD_STALE_CLAIM
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0002_topics_from_catalogue"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="lease_expires_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="delivery",
            name="lease_token",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
