"""Export carries her notification choices; erasure removes her notifications and choices."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from accounts.export import member_export
from accounts.services import member_erase
from activities.services import update_hug_set
from notifications.models import Channel, EmailPause, Notification, NotificationPreference
from notifications.preferences import preferences_set
from notifications.selectors import notification_page
from notifications.services import notify
from tests.activities.factories import UpdateFactory

pytestmark = pytest.mark.django_db


def test_export_includes_her_notification_choices_and_no_notification(rosa, amber):
    preferences_set(member=rosa, channels={"hugs": Channel.DIGEST}, pause_email=True)
    notify(kind="team_request", recipient=rosa, actor=amber)

    part = member_export(user=rosa)["notifications"]

    assert {"kind": "Hugs", "how": "digest"} in part["preferences"]
    assert part["all_email_paused"] is True
    assert "AmberAster" not in json.dumps(part, cls=DjangoJSONEncoder)


def test_erasure_removes_her_notifications_and_choices(rosa, amber):
    preferences_set(member=rosa, channels={"hugs": Channel.OFF}, pause_email=True)
    notify(kind="team_request", recipient=rosa, actor=amber)

    member_erase(user=rosa)

    assert not Notification.objects.filter(recipient=rosa).exists()
    assert not NotificationPreference.objects.filter(member=rosa).exists()
    assert not EmailPause.objects.filter(member=rosa).exists()


def test_erasure_stops_naming_her_in_others_notifications(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=bea, target=update, hugged=True)
    update_hug_set(member=amber, target=update, hugged=True)

    member_erase(user=amber)

    assert [e.sentence for e in notification_page(viewer=rosa).entries] == [
        "Bea hugged your update"
    ]
