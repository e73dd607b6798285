"""The email channel: one notice at once, or one daily digest per member in batches.

An email says no more than the page would show her at the moment it is written: the notice
renders the row for her through the same visibility rules, and the digest only counts.
"""

from datetime import UTC, datetime, timedelta
from email.utils import formataddr, parseaddr
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from accounts.models import User
from core.mail.discretion import email_is_discreet
from core.mail.services import email_enqueue, email_enqueue_many

from .models import EmailPause, EmailState, Notification
from .registry import groups, kind_find

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# A discreet email names neither the site nor any health word, from a neutral sender name.
DISCREET_SENDER_NAME = "Notifications"
PREFERENCES_PATH = "/accounts/settings/?section=notifications#notifications"


def sender_for(recipient: User, *, discreet: bool | None = None) -> str | None:
    """The neutral sender for a discreet member; None (the site's own) for the others."""
    if not (recipient.discreet_email if discreet is None else discreet):
        return None
    neutral = getattr(settings, "NEWSLETTER_DISCREET_FROM_EMAIL", "")
    if neutral:
        return str(neutral)
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((DISCREET_SENDER_NAME, address))


def email_generic(*, notification: Notification, recipient: User) -> bool:
    """Email one notification the way her page would show it now; nothing if it shows none."""
    from .rendering import render_rows

    entries, _ = render_rows(viewer=recipient, rows=[notification])
    kind = kind_find(notification.kind)
    if not entries or kind is None:
        return False
    entry = entries[0]
    # Her discreet choice on her account, or kept by another app (the newsletter's).
    discreet = recipient.discreet_email or email_is_discreet(email=recipient.email)
    email_enqueue(
        template="notifications/notice",
        to=recipient.email,
        context={
            "recipient_name": recipient.public_name,
            "discreet": discreet,
            "subject": kind.subject,
            "sentence": entry.sentence,
            "url": f"{settings.SITE_URL}/notifications/{notification.pk}/",
            "preferences_url": settings.SITE_URL + PREFERENCES_PATH,
        },
        from_email=sender_for(recipient, discreet=discreet),
    )
    return True


def _digest_lines(counts: "Iterable[Mapping[str, Any]]") -> dict[int, list[tuple[str, int]]]:
    labels = {g.key: g.label for g in groups()}
    lines: dict[int, dict[str, int]] = {}
    for row in counts:
        kind = kind_find(row["kind"])
        if kind is None:
            continue
        per = lines.setdefault(row["recipient_id"], {})
        per[labels[kind.group]] = per.get(labels[kind.group], 0) + row["n"]
    return {member: sorted(per.items()) for member, per in lines.items()}


def _still_wants_digest(member_ids: list[int]) -> set[int]:
    """Members who paused every email since the rows were written get no digest."""
    paused = set(
        EmailPause.objects.filter(member_id__in=member_ids).values_list("member_id", flat=True)
    )
    return set(member_ids) - paused


def digest_cutoff(*, now: datetime | None = None) -> datetime:
    """The latest daily digest time at or before now: rows written before it are due."""
    now = now or timezone.now()
    today = now.astimezone(UTC).replace(
        hour=settings.NOTIFICATIONS_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    return today if today <= now else today - timedelta(days=1)


def digest_batch_send(*, batch_size: int = 200, cutoff: datetime | None = None) -> tuple[int, bool]:
    """Send one batch of daily digests: the first `batch_size` members with notifications
    due for the digest each get one email counting them by kind, in a fixed number of
    queries whatever the batch holds. Returns (emails queued, whether members remain)."""
    due = Notification.objects.filter(
        email_state=EmailState.DIGEST, created_at__lt=cutoff or digest_cutoff()
    )
    member_ids = list(
        due.order_by("recipient_id").values_list("recipient_id", flat=True).distinct()[:batch_size]
    )
    if not member_ids:
        return 0, False
    waiting = due.filter(recipient_id__in=member_ids)
    counts = list(waiting.values("recipient_id", "kind").annotate(n=Count("id"), last=Max("id")))
    last_id = max(row["last"] for row in counts)
    lines = _digest_lines(counts)
    wanting = _still_wants_digest(member_ids)
    members = User.objects.filter(pk__in=wanting, is_active=True, erased_at__isnull=True).exclude(
        email=""
    )
    messages = [
        (
            member.email,
            {
                "recipient_name": member.public_name,
                "discreet": member.discreet_email,
                "lines": lines[member.pk],
                "total": sum(n for _, n in lines[member.pk]),
                "url": f"{settings.SITE_URL}/notifications/",
                "preferences_url": settings.SITE_URL + PREFERENCES_PATH,
            },
            sender_for(member),
        )
        for member in members
        if lines.get(member.pk)
    ]
    sent = email_enqueue_many(template="notifications/digest", messages=messages)
    waiting.filter(id__lte=last_id).update(email_state=EmailState.SENT)
    return sent, len(member_ids) == batch_size
