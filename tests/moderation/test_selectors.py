"""Reads moderation keeps for other code: post counts, the usual wait, what waits for review."""

from datetime import timedelta

from django.utils import timezone

from moderation import services
from moderation.models import ModerationCase, ModerationLogEntry, ModerationState
from moderation.selectors import (
    member_visible_post_count,
    pending_items_q,
    review_wait_median_measure,
)


def test_member_visible_post_count_is_one_query_over_every_kind(
    member, make_any_item, django_assert_num_queries
):
    make_any_item(member)
    make_any_item(member, body="Second")
    make_any_item(member, body="Held", moderation_state=ModerationState.PENDING)

    with django_assert_num_queries(1):
        counted = member_visible_post_count(author=member, limit=5)

    assert counted == 2
    assert member_visible_post_count(author=member, limit=1) == 1


def _held_then_decided(make_any_item, member, moderator, *, waited: timedelta) -> None:
    made = make_any_item(member, moderation_state=ModerationState.PENDING)
    services.content_after_create(item=made, held_reason="New member")
    ModerationLogEntry.objects.filter(object_id=made.pk, action="auto_hold").update(
        created_at=timezone.now() - waited
    )
    made.refresh_from_db()
    services.content_approve(item=made, moderator=moderator)


def test_review_wait_median_measure_is_the_middle_wait_of_recent_decisions(
    make_any_item, member, moderator
):
    for hours in (1, 2, 3, 10, 40):
        _held_then_decided(make_any_item, member, moderator, waited=timedelta(hours=hours))

    median = review_wait_median_measure()

    assert median is not None
    assert abs(median - timedelta(hours=3)) < timedelta(minutes=1)


def test_review_wait_median_measure_says_nothing_from_too_few_decisions(
    make_any_item, member, moderator
):
    for hours in (1, 2):
        _held_then_decided(make_any_item, member, moderator, waited=timedelta(hours=hours))

    assert review_wait_median_measure() is None


def test_pending_items_q_keeps_only_cases_whose_post_still_waits(make_any_item, member, moderator):
    waiting = make_any_item(member, moderation_state=ModerationState.PENDING)
    services.content_after_create(item=waiting, held_reason="New member")
    urgent_visible = make_any_item(member, body="Some nights I want to die.")
    services.content_after_create(item=urgent_visible, held_reason="")

    found = ModerationCase.objects.filter(pending_items_q())

    assert [case.object_id for case in found] == [waiting.pk]
