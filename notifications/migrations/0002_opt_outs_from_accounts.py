"""Members who turned off an activities or reply email keep hearing of it under the bell
only: their old switches on the member row become per-kind preferences here."""

from django.db import migrations

SWITCHES = {
    "notify_team_requests": "team",
    "notify_team_accepted": "team",
    "notify_update_comments": "comments",
    "notify_replies": "replies",
}


def copy_opt_outs(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    NotificationPreference = apps.get_model("notifications", "NotificationPreference")
    rows = [
        NotificationPreference(member_id=member_id, group=group, channel="in_app")
        for field, group in SWITCHES.items()
        for member_id in User.objects.filter(**{field: False}).values_list("pk", flat=True)
    ]
    NotificationPreference.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_notifications_preferences_pause"),
        ("accounts", "0006_user_notifications_unread"),
    ]

    operations = [migrations.RunPython(copy_opt_outs, migrations.RunPython.noop)]
