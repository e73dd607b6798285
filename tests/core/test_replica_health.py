"""core.replica_health: when the read replica is close enough behind to read from."""

import math

import pytest

from core.replica_health import (
    ReplicaState,
    replica_health_forget,
    replica_set_aside,
    replica_state_usable,
    replica_usable,
)


@pytest.fixture(autouse=True)
def _bounds(settings):
    settings.REPLICA_MAX_LAG_SECONDS = 2.0
    settings.REPLICA_CHECK_SECONDS = 1.0
    yield
    replica_health_forget()


def test_replica_state_usable_when_caught_up_however_old_its_last_commit():
    # a quiet site: nothing committed for an hour, nothing missing
    assert replica_state_usable(ReplicaState(reachable=True, caught_up=True, seconds_behind=3600))


def test_replica_state_usable_behind_within_the_lag_bound_only():
    assert replica_state_usable(ReplicaState(reachable=True, seconds_behind=1.9))
    assert not replica_state_usable(ReplicaState(reachable=True, seconds_behind=2.1))


def test_replica_state_not_usable_when_unreachable_or_never_replayed():
    assert not replica_state_usable(ReplicaState(reachable=False))
    assert not replica_state_usable(ReplicaState(reachable=True, seconds_behind=math.inf))


def test_replica_usable_probes_at_most_once_per_check_interval():
    probes: list[int] = []

    def probe() -> ReplicaState:
        probes.append(1)
        return ReplicaState(reachable=True, caught_up=True, seconds_behind=0)

    replica_health_forget(probe=probe)

    assert replica_usable(now=100.0)
    assert replica_usable(now=100.5)
    assert len(probes) == 1
    assert replica_usable(now=101.0)
    assert len(probes) == 2


def test_replica_usable_follows_the_lag_from_one_probe_to_the_next():
    states = iter(
        [
            ReplicaState(reachable=True, seconds_behind=0.5),
            ReplicaState(reachable=True, seconds_behind=5.0),  # replay paused or slow
            ReplicaState(reachable=False),  # down
            ReplicaState(reachable=True, caught_up=True),  # back
        ]
    )
    replica_health_forget(probe=lambda: next(states))

    assert [replica_usable(now=t) for t in (10.0, 11.0, 12.0, 13.0)] == [True, False, False, True]


def test_replica_set_aside_reads_the_primary_until_the_next_probe_is_due():
    replica_health_forget(probe=lambda: ReplicaState(reachable=True, caught_up=True))
    assert replica_usable(now=50.0)

    replica_set_aside(now=50.2)

    assert not replica_usable(now=51.1)
    assert replica_usable(now=51.2)
