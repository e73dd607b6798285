"""core.content_versions: the tokens cached copies are stored under live in the database."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, transaction
from django.utils import timezone

from core import content_versions, db_routing
from core.content_versions import (
    content_version,
    content_version_bump,
    content_versions_forget,
    content_versions_prune,
)
from core.db_routing import REPLICA, reads_from
from core.models import ContentVersion
from core.tasks import content_versions_prune_old

pytestmark = pytest.mark.django_db


def test_content_version_is_created_once_and_stable():
    first = content_version("a-new-kind")
    content_versions_forget()

    assert content_version("a-new-kind") == first
    assert ContentVersion.objects.filter(name="a-new-kind").count() == 1


def test_content_version_bump_moves_the_token_for_this_and_every_other_process():
    before = content_version("public-pages")

    content_version_bump("public-pages")
    here = content_version("public-pages")
    content_versions_forget()  # another process, reading the database

    assert here != before
    assert content_version("public-pages") == here


def test_content_version_bump_rolled_back_leaves_the_old_token_for_others():
    before = content_version("public-pages")

    with transaction.atomic():
        content_version_bump("public-pages")
        transaction.set_rollback(True)  # the change failed
    content_versions_forget()

    assert content_version("public-pages") == before


def test_content_version_keeps_the_last_token_while_the_database_is_unreachable(
    monkeypatch, settings
):
    settings.PAGE_CACHE_VERSION_SECONDS = 0
    seen = content_version("public-pages")

    def unreachable(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("core.content_versions._read_all", unreachable)
    monkeypatch.setattr(ContentVersion.objects, "create", unreachable)

    assert content_version("public-pages") == seen
    content_versions_forget()
    assert content_version("public-pages") is None


def test_content_versions_prune_keeps_the_newest_row_of_each_name():
    for name in ("public-pages", "people"):
        for _ in range(3):
            content_version_bump(name)
    ContentVersion.objects.update(created_at=timezone.now() - timedelta(hours=2))
    newest = {name: content_version(name) for name in ("public-pages", "people")}

    deleted = content_versions_prune()
    content_versions_forget()

    assert deleted == 6  # three bumps of each name, plus the two rows seeded by the migration
    assert {name: content_version(name) for name in newest} == newest


def test_content_versions_prune_old_task_prunes_and_is_idempotent():
    for _ in range(2):
        content_version_bump("people")
    ContentVersion.objects.update(created_at=timezone.now() - timedelta(hours=2))

    assert content_versions_prune_old() == 2  # the seeded row and the first bump
    assert content_versions_prune_old() == 0


@pytest.mark.django_db(transaction=True)  # no test-wide transaction: reads may leave the primary
def test_content_version_tokens_are_kept_per_database_read(monkeypatch):
    """A request reading a replica that has not replayed a change keeps the old token, so what
    it builds from the old rows is never stored under the new one."""
    monkeypatch.setattr(db_routing, "replica_configured", lambda: True)
    primary = content_version("public-pages")
    real_read_all = content_versions._read_all
    replayed = {"public-pages": primary}  # the replica, before the change reaches it

    def read_all(alias):
        return dict(replayed) if alias == REPLICA else real_read_all(alias)

    monkeypatch.setattr(content_versions, "_read_all", read_all)

    content_version_bump("public-pages")  # a hide, committed on the primary
    changed = content_version("public-pages")

    with reads_from(REPLICA):
        assert content_version("public-pages") == primary
    assert changed != primary
    replayed["public-pages"] = changed  # the replica replays it
    content_versions_forget()
    with reads_from(REPLICA):
        assert content_version("public-pages") == changed
