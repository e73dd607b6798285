"""Members' old email choices survive the move into per-kind preferences: the forum's follow
frequency and the switches on the member row become notification preferences."""

from collections.abc import Iterator, Sequence

import pytest
from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("accounts", "0006_user_notifications_unread"),
    ("forum", "0006_answer_count_without_replies"),
    ("notifications", "0001_notifications_preferences_pause"),
]


def _migrate(targets: Sequence[tuple[str, str | None]]) -> Apps:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(targets).apps


@pytest.fixture
def before() -> Iterator[Apps]:
    try:
        yield _migrate(BEFORE)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _member(apps: Apps, n: int, **switches: bool) -> int:
    user_model = apps.get_model("accounts", "User")
    user = user_model.objects.create(
        email=f"old{n}@example.com", display_name=f"Old {n}", handle=f"old-{n}", **switches
    )
    return int(user.pk)


def test_migrations_turn_old_email_choices_into_preferences(before):
    follow_preference = before.get_model("forum", "FollowPreference")
    daily = _member(before, 1)
    never = _member(before, 2)
    switches_off = _member(before, 3, notify_team_accepted=False, notify_update_comments=False)
    untouched = _member(before, 4)
    follow_preference.objects.create(member_id=daily, frequency="daily")
    follow_preference.objects.create(member_id=never, frequency="never")
    follow_preference.objects.create(member_id=untouched, frequency="immediate")

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    rows = set(NotificationPreference.objects.values_list("member_id", "group", "channel"))
    assert rows == {
        (daily, "following", "digest"),
        (never, "following", "in_app"),
        (switches_off, "team", "in_app"),
        (switches_off, "comments", "in_app"),
    }
