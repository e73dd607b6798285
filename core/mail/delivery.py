"""One delivery guarantee for every email: at least once, always with the same Message-ID.

Both ways out (the outbox, `core.mail.services`, and the newsletter engine,
`newsletter.services.sending`) write a row per email before anything is sent, and send
through this module:

1. `lease_claim` moves queued rows to `sending` under a *lease*: a fresh token and an
   expiry `LEASE` ahead. Only the worker holding the token may resolve the rows.
2. While it works, the worker calls `Lease.held()` before each email: once `RENEW_EVERY`
   has passed it renews the lease (one UPDATE for all its rows) and learns whether it still
   holds them. A worker that lost its lease stops, so a slow worker never races the one
   that took its rows over.
3. `Lease.mark_sent` marks a row `sent` right after the server accepted it. A mailing
   marks in batches instead (`Lease.mark_sent_soon`): one UPDATE for the emails accepted in
   the last MARK_BATCH emails or MARK_WITHIN, whichever comes first, and always before the
   lease is renewed or released and at the end of the chunk.
4. A worker that died renews nothing: `leases_reclaim` (the sweepers, every 10 s from beat)
   puts rows whose lease lapsed back to `queued`, and they are sent again.

So a worker killed at any moment delays its emails by at most `LEASE` + one sweep, and the
only copies sent twice are those the server accepted just before the kill whose `sent`
mark was not yet written: one email on the outbox, at most MARK_BATCH emails (the last
MARK_WITHIN of that worker's sending) on a mailing. They are sent again with the same
Message-ID (`message_id_make`), which mail clients and providers collapse. We chose that
over the alternative, a verification email lost for good.
"""

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

# The states this module moves rows between; each table's State choices use these values.
QUEUED = "queued"
SENDING = "sending"
SENT = "sent"

LEASE = timedelta(seconds=settings.MAIL_LEASE_SECONDS)
# Renewing every sixth of the lease (5 s by default) leaves 25 s for the one SMTP step that
# may be running when a renewal falls due: more than EMAIL_TIMEOUT (20 s), after which
# smtplib gives up on a silent server.
RENEW_EVERY = LEASE / 6
# A mailing's `sent` marks wait for at most this many emails or this long (the window of
# copies a killed worker may send twice): one UPDATE, one commit and one round trip for the
# batch instead of one per email (docs/newsletter.md has the measured cost).
MARK_BATCH = max(1, settings.MAIL_MARK_BATCH)
MARK_WITHIN = 0.25  # seconds


@dataclass
class Lease:
    """A worker's hold on the rows it claimed; `pending` are those not yet resolved."""

    model: type[models.Model]
    token: uuid.UUID
    pending: list[int]
    renewed_at: float  # time.monotonic() of the claim or the last renewal
    lost: bool = False
    # Accepted by the server, `sent` mark not yet written (mark_sent_soon); still pending.
    unmarked: list[int] = field(default_factory=list)
    unmarked_since: float = 0.0  # time.monotonic() of the oldest of them

    def held(self) -> bool:
        """True while this worker may send; renews the lease once RENEW_EVERY has passed."""
        if self.lost:
            return False
        now = time.monotonic()
        if self.unmarked and now - self.unmarked_since >= MARK_WITHIN:
            self.flush_sent()  # a slow stretch of sending still marks within MARK_WITHIN
        if now - self.renewed_at >= RENEW_EVERY.total_seconds():
            return self.renew()
        return True

    def renew(self) -> bool:
        """Push the expiry of every pending row LEASE ahead, in one UPDATE; False if lost."""
        self.flush_sent()
        if self.lost or not self.pending:
            return not self.lost
        renewed = self._mine().update(lease_expires_at=timezone.now() + LEASE)
        self.renewed_at = time.monotonic()
        # Every pending row shares one expiry, so a sweeper takes all of them or none.
        self.lost = renewed < len(self.pending)
        return not self.lost

    def mark_sent(self, row_id: int) -> None:
        """The server accepted the email: mark it at once (this UPDATE is the duplicate window).

        Unconditional: the email did go, whoever holds the row now.
        """
        self.unmarked.append(row_id)
        self.flush_sent()

    def mark_sent_soon(self, row_id: int) -> None:
        """Like mark_sent, written with the next batch: within MARK_BATCH emails or MARK_WITHIN."""
        now = time.monotonic()
        if not self.unmarked:
            self.unmarked_since = now
        self.unmarked.append(row_id)
        if len(self.unmarked) >= MARK_BATCH or now - self.unmarked_since >= MARK_WITHIN:
            self.flush_sent()

    def flush_sent(self) -> None:
        """Write every `sent` mark not yet written, in one UPDATE (autocommit: one commit)."""
        if not self.unmarked:
            return
        ids = self.unmarked
        # Raw SQL: a mailing runs this for every batch, and the ORM's overhead was most of
        # its cost. Safe: the table name is our model's; every value is a parameter.
        table = self.model._meta.db_table
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET state = %s, sent_at = %s, last_error = '' "  # nosec B608
                f"WHERE id IN ({marks})",
                [SENT, timezone.now(), *ids],
            )
        self.unmarked = []
        done = set(ids)
        self.pending = [row_id for row_id in self.pending if row_id not in done]

    def mark(self, row_id: int, **fields: object) -> bool:
        """Resolve one row otherwise (failed, skipped, queued for later) if it is still ours."""
        updated = self._mine().filter(id=row_id).update(**fields)
        self._resolve(row_id)
        return bool(updated)

    def release(self, **fields: object) -> int:
        """Put the pending rows still ours back to `queued` (a transient error, a pause)."""
        self.flush_sent()  # rows the server took are sent, not to be queued again
        released = self._mine().update(state=QUEUED, **fields)
        self.pending = []
        return released

    def _mine(self) -> QuerySet[models.Model]:
        return self.model._default_manager.filter(
            id__in=self.pending, lease_token=self.token, state=SENDING
        )

    def _resolve(self, row_id: int) -> None:
        if row_id in self.pending:
            self.pending.remove(row_id)


def lease_claim(*, rows: QuerySet[models.Model]) -> Lease | None:
    """Claim the queued rows among `rows` under a new lease; None when there are none.

    Rows another worker is claiming at this instant are skipped (SKIP LOCKED on PostgreSQL),
    so a duplicate task finds nothing to do.
    """
    now = timezone.now()
    token = uuid.uuid4()
    manager = rows.model._default_manager
    with transaction.atomic():
        ids = list(
            rows.select_for_update(skip_locked=True)
            .filter(state=QUEUED)
            .order_by("id")
            .values_list("id", flat=True)
        )
        if not ids:
            return None
        claimed = manager.filter(id__in=ids, state=QUEUED).update(
            state=SENDING,
            lease_token=token,
            lease_expires_at=now + LEASE,
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
        if claimed != len(ids):  # a database without row locks: keep only what we took
            mine = manager.filter(lease_token=token).order_by("id")
            ids = list(mine.values_list("id", flat=True))
    if not ids:
        return None
    return Lease(model=rows.model, token=token, pending=ids, renewed_at=time.monotonic())


def leases_expired(*, rows: QuerySet[models.Model], now: datetime) -> QuerySet[models.Model]:
    """The rows among `rows` whose worker stopped renewing: it died (or hung past LEASE)."""
    return rows.filter(state=SENDING, lease_expires_at__lt=now)


def leases_reclaim(*, rows: QuerySet[models.Model], now: datetime, **fields: object) -> int:
    """Put rows whose lease lapsed before `now` back to `queued`, to be sent again."""
    return leases_expired(rows=rows, now=now).update(state=QUEUED, **fields)


def message_id_make(*, kind: str, key: str, from_email: str = "") -> str:
    """`<kind.key@sender domain>`: made once per message, sent with every attempt at it."""
    return f"<{kind}.{key}@{_domain_of(from_email or settings.DEFAULT_FROM_EMAIL)}>"


@lru_cache(maxsize=64)
def _domain_of(sender: str) -> str:
    # parseaddr costs ~20 µs, and a mailing asks this for every email of the same sender.
    return parseaddr(sender)[1].rpartition("@")[2] or "localhost"
