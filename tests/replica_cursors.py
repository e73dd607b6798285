"""Which database a module's raw cursors open, as if a request were reading the replica."""

from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection

from core import db_routing
from core.db_routing import DEFAULT, REPLICA


class _RecordingConnection:
    """The test database's connection, noting each cursor opened through it."""

    def __init__(self, cursors: list[str], alias: str) -> None:
        self.cursors, self.alias = cursors, alias

    def cursor(self) -> Any:
        self.cursors.append(self.alias)
        return connection.cursor()


def replica_cursors_record(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    """The aliases `module`'s `connections[...]` cursors are opened on, in order.

    The router believes a replica is configured and that no transaction is open (as in a
    request, where reads may leave the primary); the test's own transaction stays, so no
    flush empties the tables the migration tests rely on.
    """
    cursors: list[str] = []
    monkeypatch.setattr(db_routing, "replica_configured", lambda: True)
    outside = {DEFAULT: SimpleNamespace(in_atomic_block=False)}
    monkeypatch.setattr(db_routing, "connections", outside)
    fake = {alias: _RecordingConnection(cursors, alias) for alias in (DEFAULT, REPLICA)}
    monkeypatch.setattr(module, "connections", fake, raising=False)
    return cursors
