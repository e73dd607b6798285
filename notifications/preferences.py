"""Her channel per preference group and her "pause all email" switch."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User

from .models import Channel, EmailPause, NotificationPreference
from .registry import group_get, groups


def channels_for(*, member_id: int) -> dict[str, str]:
    """Every group's channel for her: her choice, else the group's default (one query)."""
    chosen = dict(
        NotificationPreference.objects.filter(member_id=member_id).values_list("group", "channel")
    )
    return {g.key: chosen.get(g.key, g.default) for g in groups()}


def channel_for(*, member_id: int, group: str) -> str:
    """Her channel for one group (one query)."""
    chosen = (
        NotificationPreference.objects.filter(member_id=member_id, group=group)
        .values_list("channel", flat=True)
        .first()
    )
    return chosen or group_get(group).default


def email_paused(*, member_id: int) -> bool:
    return EmailPause.objects.filter(member_id=member_id).exists()


@transaction.atomic
def preferences_set(*, member: User, channels: dict[str, str], pause_email: bool) -> None:
    """Store her channel for each known group (a default is stored as no row) and the pause."""
    known = {g.key: g for g in groups()}
    for key, channel in channels.items():
        if key not in known:
            raise ValidationError("That kind of notification does not exist.")
        if channel not in Channel.values:
            raise ValidationError("Choose one of the offered ways to hear about it.")
    for key, channel in channels.items():
        if channel == known[key].default:
            NotificationPreference.objects.filter(member=member, group=key).delete()
        else:
            NotificationPreference.objects.update_or_create(
                member=member, group=key, defaults={"channel": channel}
            )
    if pause_email:
        EmailPause.objects.get_or_create(member=member)
    else:
        EmailPause.objects.filter(member=member).delete()


def preference_set(*, member: User, group: str, channel: str) -> None:
    """Store one group's channel (the question-follow page sets only its own line)."""
    with transaction.atomic():
        preferences_set(
            member=member,
            channels={group: channel},
            pause_email=email_paused(member_id=member.pk),
        )
