"""benchmarks/capacity_model.py: its arithmetic, and docs/scaling.md showing its current output."""

from dataclasses import fields, replace

import pytest

from benchmarks import capacity_model
from benchmarks.capacity_model import Inputs, plan

# Everything off but what a test turns on, so each figure can be worked out by hand.
QUIET = {field.name: 0.0 for field in fields(Inputs)} | {
    "cpu_utilisation": 1.0,
    "peak_to_mean": 1.0,
    "digest_window_hours": 1.0,
    "machine_cores": 8.0,
    "workers_per_core": 2.0,
    "connection_limit": 100.0,
}


def inputs(**values: float) -> Inputs:
    base = Inputs()
    chosen = QUIET | values
    return replace(
        base, **{name: replace(getattr(base, name), value=value) for name, value in chosen.items()}
    )


def test_plan_turns_active_members_into_peak_requests_per_second():
    model = inputs(daily_active_share=0.5, views_per_active_day=2, peak_to_mean=3)

    result = plan(86_400, model)

    # 86 400 members, half of them active, 2 views each: 86 400 views a day, 1 a second,
    # 3 a second at the peak
    assert result.member_peak_rps == pytest.approx(3.0)


def test_plan_splits_a_member_pages_cpu_between_web_and_database_at_the_planned_use():
    model = inputs(
        daily_active_share=1,
        views_per_active_day=1,
        member_view_cpu_ms=100,
        member_view_db_share=0.25,
        cpu_utilisation=0.5,
    )

    result = plan(86_400, model)  # one view a second

    assert result.web_cores == pytest.approx(100 * 0.75 / 1000 / 0.5)
    assert result.db_cores == pytest.approx(100 * 0.25 / 1000 / 0.5)


def test_plan_counts_visitor_hits_cheap_and_misses_as_full_pages():
    model = inputs(
        visitor_views_per_member_day=1,
        visitor_hit_ratio=0.75,
        visitor_hit_cpu_ms=1,
        member_view_cpu_ms=10,
    )

    result = plan(86_400, model)  # one visitor view a second

    assert result.web_cores == pytest.approx((0.75 * 1 + 0.25 * 10) / 1000)


def test_plan_sizes_redis_from_fortnight_active_members():
    model = inputs(
        fortnight_active_share=0.5, feed_bytes=1_000, devices_per_member=2, session_redis_bytes=100
    )

    result = plan(10_000, model)

    assert result.redis_feeds_mb == pytest.approx(5_000 * 1_000 / 1e6)
    assert result.redis_sessions_mb == pytest.approx(5_000 * 2 * 100 / 1e6)
    assert result.redis_total_mb == pytest.approx(5.0 + 1.0)


def test_plan_grows_the_database_by_posts_messages_and_deliveries():
    model = inputs(
        daily_active_share=1,
        posts_per_active_day=1,
        post_bytes=1_000,
        messages_per_active_day=2,
        message_bytes=500,
        digest_share=1,
        delivery_bytes=70,
        notification_emails_per_member_week=1,
        outbox_row_bytes=700,
    )

    result = plan(1_000, model)

    per_member = 365 * (1_000 + 2 * 500) + 365 / 7 * 70
    assert result.db_gb_per_year == pytest.approx(1_000 * per_member / 1e9)


def test_plan_keeps_only_the_retention_of_sent_emails():
    model = inputs(
        notification_emails_per_member_week=7,
        outbox_row_bytes=1_000,
        outbox_keep_days=30,
        member_bytes=0,
        session_row_bytes=0,
    )

    result = plan(1_000, model)

    assert result.db_gb_first_year - result.db_gb_per_year == pytest.approx(
        1_000 * 30 * 1_000 / 1e9
    )


def test_plan_asks_for_pgbouncer_only_past_the_connection_limit():
    small = inputs(daily_active_share=1, views_per_active_day=1, member_view_cpu_ms=1)
    assert not plan(1_000, small).pooler
    busy = inputs(daily_active_share=1, views_per_active_day=86_400, member_view_cpu_ms=1_000)
    assert plan(1_000, busy).connections > 100
    assert plan(1_000, busy).pooler


def test_members_at_finds_where_a_limit_is_first_reached():
    found = capacity_model.members_at(lambda p: p.members >= 12_345, Inputs())

    assert found is not None
    assert 12_345 <= found <= 12_345 * 1.01
    assert capacity_model.members_at(lambda p: False, Inputs()) is None


def test_scaling_doc_shows_the_models_current_output():
    text = capacity_model.DOC.read_text()

    assert capacity_model.document_with_model(text, capacity_model.render()) == text, (
        "docs/scaling.md is out of date: run `python -m benchmarks.capacity_model --write`"
    )
