"""A clock for the lease code alone (core.mail.delivery), to play a slow or a dead worker."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone


class LeaseClock:
    """What core.mail.delivery reads as time; `advance` moves both its clocks together."""

    def __init__(self) -> None:
        self.offset = 0.0
        self._start_wall = timezone.now()
        self._start_mono = 1000.0

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def now(self) -> datetime:
        return self._start_wall + timedelta(seconds=self.offset)

    def monotonic(self) -> float:
        return self._start_mono + self.offset


def lease_clock_install(monkeypatch: pytest.MonkeyPatch) -> LeaseClock:
    clock = LeaseClock()
    monkeypatch.setattr("core.mail.delivery.timezone", SimpleNamespace(now=clock.now))
    monkeypatch.setattr("core.mail.delivery.time", SimpleNamespace(monotonic=clock.monotonic))
    return clock
