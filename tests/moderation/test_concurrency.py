"""Races that only a real database shows: double submits and K reports arriving together."""

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.db import connection

from moderation import services
from moderation.models import ModerationLogEntry, ModerationState, Report, ReportReason
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _together(calls: list[Callable[[], Any]]) -> list[BaseException]:
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_report_create_double_submit_in_parallel_keeps_one_report(make_any_item):
    item = make_any_item(UserFactory.create())
    reporter = UserFactory.create()

    errors = _together(
        [
            lambda: services.report_create(reporter=reporter, item=item, reason=ReportReason.SPAM)
            for _ in range(4)
        ]
    )

    assert errors == []
    assert Report.objects.filter(reporter=reporter).count() == 1


def test_k_reports_in_parallel_hold_the_item_exactly_once(make_any_item, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 3
    item = make_any_item(UserFactory.create())
    reporters = [UserFactory.create() for _ in range(3)]

    errors = _together(
        [
            partial(services.report_create, reporter=r, item=item, reason=ReportReason.SPAM)
            for r in reporters
        ]
    )

    item.refresh_from_db()
    assert errors == []
    assert item.moderation_state == ModerationState.PENDING
    assert ModerationLogEntry.objects.filter(action="auto_hold").count() == 1
