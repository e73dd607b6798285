"""core.db_routing: which database each read goes to when a read replica is configured.

The router only names aliases, so these run on the embedded SQLite default: `replica_configured`
is made to answer yes, as DATABASE_REPLICA_URL would.
"""

import pytest
from django.db import transaction

from core import db_routing
from core.db_routing import (
    DEFAULT,
    REPLICA,
    ReplicaRouter,
    read_alias,
    reading_primary,
    reads_from,
    reads_primary,
)
from forum.models import Question


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(db_routing, "replica_configured", lambda: True)


def test_read_alias_is_the_primary_outside_a_request_that_chose_the_replica(with_replica):
    # a Celery task, a management command, the shell: nothing opened the replica
    assert read_alias(app_label="forum") == DEFAULT
    assert reads_primary()


def test_read_alias_is_the_replica_where_a_request_chose_it(with_replica):
    with reads_from(REPLICA):
        assert read_alias(app_label="forum") == REPLICA
        assert not reads_primary()
    assert read_alias(app_label="forum") == DEFAULT


def test_read_alias_is_the_primary_without_a_replica_whatever_was_asked():
    with reads_from(REPLICA):
        assert read_alias(app_label="forum") == DEFAULT


@pytest.mark.parametrize("app_label", ["sessions", "django_cache"])
def test_read_alias_keeps_sessions_and_the_database_cache_on_the_primary(with_replica, app_label):
    with reads_from(REPLICA):
        assert read_alias(app_label=app_label) == DEFAULT


@pytest.mark.django_db(transaction=True)  # no test-wide transaction around it
def test_read_alias_is_the_primary_inside_a_transaction(with_replica):
    with reads_from(REPLICA):
        with transaction.atomic():
            assert read_alias(app_label="forum") == DEFAULT
        assert read_alias(app_label="forum") == REPLICA


def test_reading_primary_overrides_the_replica_for_its_block_only(with_replica):
    with reads_from(REPLICA):
        with reading_primary():
            assert read_alias(app_label="activities") == DEFAULT
        assert read_alias(app_label="activities") == REPLICA


def test_replica_router_reads_per_context_and_writes_migrates_on_the_primary(with_replica):
    router = ReplicaRouter()

    with reads_from(REPLICA):
        assert router.db_for_read(Question) == REPLICA
        assert router.db_for_write(Question) == DEFAULT
    assert router.db_for_read(Question) == DEFAULT
    assert router.allow_migrate(DEFAULT, "forum") is True
    assert router.allow_migrate(REPLICA, "forum") is False
    assert router.allow_relation(Question(), Question()) is True
