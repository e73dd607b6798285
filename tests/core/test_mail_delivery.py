"""The one delivery rule (core.mail.delivery): claims under a lease, renewed while alive.

Specified on outbox rows; the newsletter's deliveries use the same code (tests/newsletter).
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings

from core.mail import services
from core.mail.delivery import (
    LEASE,
    MARK_BATCH,
    MARK_WITHIN,
    RENEW_EVERY,
    lease_claim,
    leases_reclaim,
    message_id_make,
)
from core.mail.models import OutboxMessage

from .lease_clock import lease_clock_install

pytestmark = pytest.mark.django_db


def _rows(count: int = 3) -> list[OutboxMessage]:
    return [
        services.email_enqueue_rendered(
            kind="test/hello", to=f"r{i}@example.org", subject="Hello", body_text="Plain"
        )
        for i in range(count)
    ]


def _all():
    return OutboxMessage.objects.all()


@pytest.fixture
def clock(monkeypatch):
    return lease_clock_install(monkeypatch)


def test_lease_claim_takes_every_queued_row_once_under_one_token(clock):
    rows = _rows(3)

    first = lease_claim(rows=_all())
    second = lease_claim(rows=_all())

    assert first is not None
    assert second is None
    assert first.pending == sorted(r.id for r in rows)
    claimed = list(_all())
    assert {(r.state, r.lease_token, r.attempts) for r in claimed} == {("sending", first.token, 1)}
    assert {r.lease_expires_at for r in claimed} == {clock.now() + LEASE}


def test_lease_renew_pushes_every_pending_row_forward_in_one_update(
    clock, django_assert_num_queries
):
    _rows(3)
    lease = lease_claim(rows=_all())
    assert lease is not None
    clock.advance(30)

    with django_assert_num_queries(1):
        assert lease.renew() is True

    assert {r.lease_expires_at for r in _all()} == {clock.now() + LEASE}


def test_lease_held_renews_only_once_renew_every_has_passed(clock, django_assert_num_queries):
    _rows(2)
    lease = lease_claim(rows=_all())
    assert lease is not None

    with django_assert_num_queries(0):
        clock.advance(RENEW_EVERY.total_seconds() - 1)
        assert lease.held() is True
    with django_assert_num_queries(1):
        clock.advance(1)
        assert lease.held() is True


def test_leases_reclaim_requeues_only_rows_whose_lease_lapsed(clock):
    dead_row, live_row = _rows(2)
    dead = lease_claim(rows=_all().filter(id=dead_row.id))
    clock.advance(LEASE.total_seconds() - 5)
    live = lease_claim(rows=_all().filter(id=live_row.id))
    assert dead is not None
    assert live is not None
    clock.advance(6)  # the first lease has lapsed, the second has 34 s left

    reclaimed = leases_reclaim(rows=_all(), now=clock.now())

    assert reclaimed == 1
    dead_row.refresh_from_db()
    live_row.refresh_from_db()
    assert (dead_row.state, live_row.state) == ("queued", "sending")


def test_a_worker_that_renews_keeps_its_rows_however_slow_it_is(clock):
    _rows(2)
    lease = lease_claim(rows=_all())
    assert lease is not None

    for _ in range(10):  # twice the lease in all, renewing as it goes
        clock.advance(RENEW_EVERY.total_seconds() + 1)
        assert lease.held() is True
        assert leases_reclaim(rows=_all(), now=clock.now()) == 0

    assert set(_all().values_list("state", flat=True)) == {"sending"}


def test_a_worker_whose_lease_lapsed_loses_its_rows_to_the_next_claim(clock):
    row = _rows(1)[0]
    stalled = lease_claim(rows=_all())
    assert stalled is not None
    clock.advance(LEASE.total_seconds() + 1)  # stalled longer than the lease
    assert leases_reclaim(rows=_all(), now=clock.now()) == 1
    taker = lease_claim(rows=_all())
    assert taker is not None

    still_held = stalled.held()
    marked = stalled.mark(row.id, state="failed", last_error="late")
    released = stalled.release()

    assert still_held is False
    assert (marked, released) == (False, 0)
    row.refresh_from_db()
    assert (row.state, row.lease_token, row.attempts) == ("sending", taker.token, 2)


def test_lease_mark_sent_marks_the_row_and_resolves_it(clock):
    row = _rows(1)[0]
    lease = lease_claim(rows=_all())
    assert lease is not None

    lease.mark_sent(row.id)

    row.refresh_from_db()
    assert row.state == "sent"
    assert row.sent_at is not None
    assert lease.pending == []
    assert leases_reclaim(rows=_all(), now=clock.now() + 2 * LEASE) == 0


def _states() -> list[str]:
    return list(_all().order_by("id").values_list("state", flat=True))


def test_lease_mark_sent_soon_writes_one_update_per_mark_batch(clock, django_assert_num_queries):
    rows = _rows(MARK_BATCH + 1)
    lease = lease_claim(rows=_all())
    assert lease is not None

    with django_assert_num_queries(0):
        for row in rows[: MARK_BATCH - 1]:
            lease.mark_sent_soon(row.id)
    assert set(_states()) == {"sending"}
    with django_assert_num_queries(1):
        lease.mark_sent_soon(rows[MARK_BATCH - 1].id)

    assert _states() == ["sent"] * MARK_BATCH + ["sending"]
    assert lease.pending == [rows[-1].id]


def test_lease_mark_sent_soon_waits_no_longer_than_mark_within(clock):
    first, _ = _rows(2)
    lease = lease_claim(rows=_all())
    assert lease is not None

    lease.mark_sent_soon(first.id)
    clock.advance(MARK_WITHIN)
    assert lease.held() is True  # checked before every email: a slow stretch still marks

    assert _states() == ["sent", "sending"]


def test_lease_release_writes_waiting_marks_first_so_no_sent_row_is_queued_again(clock):
    first, _ = _rows(2)
    lease = lease_claim(rows=_all())
    assert lease is not None
    lease.mark_sent_soon(first.id)

    released = lease.release()

    assert released == 1
    assert _states() == ["sent", "queued"]


def test_lease_renew_writes_waiting_marks_and_renews_only_the_rest(clock):
    first, second = _rows(2)
    lease = lease_claim(rows=_all())
    assert lease is not None
    lease.mark_sent_soon(first.id)
    clock.advance(RENEW_EVERY.total_seconds())

    assert lease.renew() is True

    assert _states() == ["sent", "sending"]
    assert lease.pending == [second.id]


def test_a_killed_worker_resends_only_the_emails_whose_marks_were_waiting(clock):
    rows = _rows(MARK_BATCH + 3)
    lease = lease_claim(rows=_all())
    assert lease is not None
    for row in rows[: MARK_BATCH + 2]:
        lease.mark_sent_soon(row.id)
    # killed here: nothing more is written, and nothing renews the lease

    reclaimed = leases_reclaim(rows=_all(), now=clock.now() + LEASE + timedelta(seconds=1))

    assert reclaimed == 3  # two accepted but unmarked (the window), one never sent
    assert _states() == ["sent"] * MARK_BATCH + ["queued"] * 3


def test_message_id_make_is_a_message_id_on_the_senders_domain():
    made = message_id_make(kind="mail", key="abc123", from_email="Team <hello@mail.example.org>")

    assert made == "<mail.abc123@mail.example.org>"
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", message_id_make(kind="nl", key="4.5"))


def test_default_lease_finds_a_dead_workers_emails_within_a_minute():
    sweeps = [
        settings.CELERY_BEAT_SCHEDULE[name]["schedule"]
        for name in ("outbox-sweep", "newsletter-sweep")
    ]

    # A dead worker's last renewal lapses after LEASE; the next sweep hands its rows out.
    assert LEASE.total_seconds() < 60
    assert all(LEASE.total_seconds() + float(every) <= 60 for every in sweeps)  # type: ignore[arg-type]
    assert RENEW_EVERY < LEASE / 2  # a live worker renews long before its lease lapses
