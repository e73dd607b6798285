"""Writes: tell a member something happened, mark read, keep her unread counter.

Content apps call `notify(...)` in plain sight from their own services, inside their
transaction; they may pass `email`, a callable that sends their own email, which runs only
when her preference for the kind is "email at once" and her email is not paused.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone

from accounts.blocks import members_blocked_between
from accounts.models import User
from core.mail.discretion import email_is_discreet

from .delivery import email_generic
from .models import Channel, EmailState, Notification
from .preferences import channel_for, email_paused
from .registry import Kind, kind_get

# Enough names for "AmberAster, Bea and 3 others", with room for some of them being blocked.
ACTOR_IDS_KEPT = 20


def _may_receive(recipient: User) -> bool:
    return recipient.is_active and recipient.erased_at is None


def _counter_add(member_id: int, delta: int) -> None:
    User.objects.filter(pk=member_id).update(
        notifications_unread=Greatest(F("notifications_unread") + delta, 0)
    )


def _group_into(
    *, kind: str, recipient: User, actor_id: int | None, ct: ContentType | None, target_id: Any
) -> Notification | None:
    """Fold a further actor into her unread notification of the same kind and target."""
    row = (
        Notification.objects.select_for_update()
        .filter(
            recipient=recipient,
            kind=kind,
            target_type=ct,
            target_id=target_id,
            read_at__isnull=True,
            anonymous=False,
        )
        .first()
    )
    if row is None:
        return None
    if actor_id is not None and actor_id not in row.actor_ids:
        row.actor_ids = [actor_id, *row.actor_ids][:ACTOR_IDS_KEPT]
        row.actor_count += 1
        row.actor_id = actor_id
    row.updated_at = timezone.now()
    row.save(update_fields=["actor_ids", "actor_count", "actor", "updated_at"])
    return row


@transaction.atomic
def notify(
    *,
    kind: str,
    recipient: User,
    actor: User | None = None,
    target: models.Model | None = None,
    anonymous: bool = False,
    reason: str = "",
    email: Callable[[], object] | None = None,
) -> Notification | None:
    """Record that `kind` happened to `recipient` (by `actor`, about `target`), then email her
    if she chose so. Nothing for her own doing, for a member who is gone, for a kind she turned
    off, or across a block (either way). Grouped kinds fold into her unread row. Returns the
    row, or None when nothing was recorded."""
    spec = kind_get(kind)
    actor_id = actor.pk if actor is not None else None
    if actor_id == recipient.pk or not _may_receive(recipient):
        return None
    channel = channel_for(member_id=recipient.pk, group=spec.group)
    if channel == Channel.OFF:
        return None
    if actor_id is not None and members_blocked_between(first_id=recipient.pk, second_id=actor_id):
        return None
    ct = ContentType.objects.get_for_model(target) if target is not None else None
    target_id = target.pk if target is not None else None
    if spec.grouped and not anonymous:
        grouped = _group_into(
            kind=kind, recipient=recipient, actor_id=actor_id, ct=ct, target_id=target_id
        )
        if grouped is not None:
            return grouped
    now = timezone.now()
    row = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        actor_id=actor_id,
        actor_ids=[actor_id] if actor_id is not None else [],
        anonymous=anonymous,
        target_type=ct,
        target_id=target_id,
        reason=reason[:500],
        created_at=now,
        updated_at=now,
        email_state=EmailState.DIGEST if channel == Channel.DIGEST else EmailState.NONE,
    )
    _counter_add(recipient.pk, 1)
    if channel == Channel.EMAIL and recipient.email and not email_paused(member_id=recipient.pk):
        _email_now(row=row, spec=spec, recipient=recipient, email=email)
    return row


def _email_now(
    *, row: Notification, spec: Kind, recipient: User, email: Callable[[], object] | None
) -> None:
    """The app's own email, or the notice: always the notice for a discreet member when the
    app's email has no discreet version (discreet mode holds for every kind)."""
    discreet = recipient.discreet_email or email_is_discreet(email=recipient.email)
    # The apps' discreet versions follow the member row's choice.
    if email is not None and (
        not discreet or (spec.own_email_discreet and recipient.discreet_email)
    ):
        email()
    else:
        email_generic(notification=row, recipient=recipient)
    Notification.objects.filter(pk=row.pk).update(email_state=EmailState.SENT)


def notification_mark_read(*, member: User, notification_id: int) -> Notification | None:
    """Mark one of her notifications read; None when it is not hers (or no longer exists)."""
    with transaction.atomic():
        row = Notification.objects.filter(pk=notification_id, recipient=member).first()
        if row is None:
            return None
        if row.read_at is None and Notification.objects.filter(
            pk=row.pk, read_at__isnull=True
        ).update(read_at=timezone.now()):
            _counter_add(member.pk, -1)
    return row


@transaction.atomic
def notifications_mark_all_read(*, member: User) -> int:
    """Mark all of hers read; the counter goes to exactly zero."""
    count = Notification.objects.filter(recipient=member, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    User.objects.filter(pk=member.pk).update(notifications_unread=0)
    member.notifications_unread = 0
    return count


def notifications_mark_gone(*, member_id: int, ids: list[int]) -> None:
    """Notifications whose target she may no longer see count as read: the bell never points
    at something the page will not show."""
    if not ids:
        return
    with transaction.atomic():
        done = Notification.objects.filter(
            pk__in=ids, recipient_id=member_id, read_at__isnull=True
        ).update(read_at=timezone.now())
        if done:
            _counter_add(member_id, -done)


def notifications_unread_recount(*, member: User) -> int:
    """Set her counter from the rows (a repair for drift; the erasure and tests use it)."""
    count = Notification.objects.filter(recipient=member, read_at__isnull=True).count()
    User.objects.filter(pk=member.pk).update(notifications_unread=count)
    return count
