"""The follow emails' frequency moves into notifications' per-kind preferences (one place for
every kind): immediate stays the default, daily becomes the daily digest, never becomes
"only under the bell". Then the forum's own table goes."""

from django.db import migrations

CHANNEL = {"daily": "digest", "never": "in_app"}


def copy_preferences(apps, schema_editor):
    FollowPreference = apps.get_model("forum", "FollowPreference")
    NotificationPreference = apps.get_model("notifications", "NotificationPreference")
    rows = [
        NotificationPreference(member_id=member_id, group="following", channel=CHANNEL[frequency])
        for member_id, frequency in FollowPreference.objects.filter(
            frequency__in=list(CHANNEL)
        ).values_list("member_id", "frequency")
    ]
    NotificationPreference.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0006_answer_count_without_replies"),
        ("notifications", "0001_notifications_preferences_pause"),
    ]

    operations = [
        migrations.RunPython(copy_preferences, migrations.RunPython.noop),
        migrations.DeleteModel(name="FollowPreference"),
    ]
