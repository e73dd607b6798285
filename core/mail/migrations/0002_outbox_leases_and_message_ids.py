"""Leases and stored Message-IDs; rows once given up as `unknown` are sent again.

An `unknown` row was claimed by a worker that vanished: the SMTP server may or may not have
accepted it. It goes back to `queued`, so a message that never arrived arrives now, and one
that did arrive may arrive twice, with the same Message-ID (see docs/email.md).
"""

import uuid
from datetime import timedelta
from email.utils import parseaddr

from django.db import migrations, models
from django.db.models import F
from django.utils import timezone

# What the sweeper waited for before (the task hard time limit + 60 s): a worker of the old
# code that is still sending when this runs keeps its row for as long as it was promised.
OLD_STALE_CLAIM = timedelta(seconds=360)


def _message_id(from_email: str) -> str:
    domain = parseaddr(from_email)[1].rpartition("@")[2] or "localhost"
    return f"<mail.{uuid.uuid4().hex}@{domain}>"


def forwards(apps, schema_editor):
    OutboxMessage = apps.get_model("mail", "OutboxMessage")
    now = timezone.now()
    OutboxMessage.objects.filter(state="unknown").update(
        state="queued", next_attempt_at=now, last_error="Interrupted earlier; sent again."
    )
    OutboxMessage.objects.filter(state="sending").update(
        lease_expires_at=F("claimed_at") + OLD_STALE_CLAIM
    )
    unsent = OutboxMessage.objects.filter(message_id="").exclude(state="sent")
    for message in unsent.only("id", "from_email").iterator():
        OutboxMessage.objects.filter(id=message.id).update(
            message_id=_message_id(message.from_email)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="outboxmessage",
            name="lease_expires_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="lease_token",
            field=models.UUIDField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="message_id",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outboxmessage",
            name="state",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("sending", "Sending"),
                    ("sent", "Sent"),
                    ("failed", "Failed"),
                ],
                default="queued",
                max_length=10,
            ),
        ),
    ]
