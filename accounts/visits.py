"""When a member was last here, for "new since your last visit" on the member home.

A visit is a run of home-page views with no gap longer than VISIT_GAP. `last_seen_at` is
written at most once per SEEN_WRITE_INTERVAL (so reloading the home page writes nothing), and
when a new visit starts the old `last_seen_at` becomes `previous_visit_at`: the moment the
home page counts news from, which stays put for the whole visit, so nothing she has not read
disappears on a reload.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import User

SEEN_WRITE_INTERVAL = timedelta(minutes=5)
VISIT_GAP = timedelta(minutes=30)
# With no earlier visit (her first home page), news counts from this long ago.
FIRST_VISIT_LOOKBACK = timedelta(days=7)


def member_visit_since(*, user: User, now: datetime | None = None) -> datetime:
    """The moment her news counts from; records this visit. At most one UPDATE, and none
    while she was seen less than SEEN_WRITE_INTERVAL ago."""
    now = now or timezone.now()
    last_seen = user.last_seen_at
    if last_seen is not None and now - last_seen < SEEN_WRITE_INTERVAL:
        return user.previous_visit_at or now - FIRST_VISIT_LOOKBACK
    if last_seen is None or now - last_seen >= VISIT_GAP:
        user.previous_visit_at = last_seen
    user.last_seen_at = now
    # One UPDATE by primary key: no read-modify-write race worth a lock (two tabs agree).
    User.objects.filter(pk=user.pk).update(
        last_seen_at=now, previous_visit_at=user.previous_visit_at
    )
    return user.previous_visit_at or now - FIRST_VISIT_LOOKBACK
