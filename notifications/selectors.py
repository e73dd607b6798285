"""Reads: her notifications page (keyset-paginated) and the bell's count."""

import base64
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from accounts.models import User

from .models import Notification
from .rendering import Entry, render_rows

PAGE_SIZE = 20


@dataclass(frozen=True)
class NotificationPage:
    entries: list[Entry]
    next_cursor: str | None
    gone_ids: list[int]


def _cursor_encode(row: Notification) -> str:
    raw = f"{row.updated_at.isoformat()}|{row.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _cursor_decode(cursor: str) -> tuple[datetime, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, pk = raw.split("|")
        value = (datetime.fromisoformat(at), int(pk))
    except (ValueError, UnicodeDecodeError):
        return None
    if value[0].tzinfo is None or not 0 < value[1] < 2**63:
        return None
    return value


def notification_page(
    *, viewer: User, before: str | None = None, size: int = PAGE_SIZE
) -> NotificationPage:
    """One page of her notifications, newest activity first, as she may see them now."""
    rows_qs = Notification.objects.filter(recipient=viewer).order_by("-updated_at", "-id")
    cursor = _cursor_decode(before) if before else None
    if cursor is not None:
        at, pk = cursor
        rows_qs = rows_qs.filter(Q(updated_at__lt=at) | Q(updated_at=at, id__lt=pk))
    rows = list(rows_qs[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    entries, gone = render_rows(viewer=viewer, rows=rows)
    return NotificationPage(
        entries=entries,
        next_cursor=_cursor_encode(rows[-1]) if more and rows else None,
        gone_ids=[pk for pk in gone if any(r.pk == pk and r.read_at is None for r in rows)],
    )


def notification_unread_count(*, viewer: User) -> int:
    """The bell: a column of her own row, loaded with the request's user, so no query."""
    return int(getattr(viewer, "notifications_unread", 0) or 0)
