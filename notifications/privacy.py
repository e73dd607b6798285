"""Notifications' part of a member's export and erasure (registered in ready()).

Export: her choices (channel per kind, the email pause), never the notifications themselves,
which are made of other members' doings. Erasure: her notifications, her choices and her
counter go; where she acted on someone else's notification, the page stops naming her at once
(an erased member is never named) and the row is dropped with its target.
"""

from typing import Any

from accounts.models import User

from .models import EmailPause, Notification, NotificationPreference
from .preferences import channels_for
from .registry import groups


def export_notifications(user: User) -> dict[str, Any]:
    channels = channels_for(member_id=user.pk)
    labels = {g.key: g.label for g in groups()}
    return {
        "preferences": [
            {"kind": labels[key], "how": channel} for key, channel in sorted(channels.items())
        ],
        "all_email_paused": EmailPause.objects.filter(member=user).exists(),
    }


def erase_notifications(user: User) -> None:
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(member=user).delete()
    EmailPause.objects.filter(member=user).delete()
    User.objects.filter(pk=user.pk).update(notifications_unread=0)
