"""The home feed's fan-out end to end: a post goes through the service, its job through Redis
to a real Celery worker, and lands in every team mate's feed within seconds."""

import time

import pytest

from activities.feed import TEAM, feed_page, store
from activities.models import FeedJob, TeamLink
from activities.services.updates import update_create
from core.outage import redis_outage_forget
from tests.factories import UserFactory

from .conftest import wait_until

pytestmark = [
    pytest.mark.integration,
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(120),
]


def test_update_reaches_every_team_mates_feed_through_a_real_worker(
    start_worker, redis_db4, settings
):
    # given her team's feeds built in the worker's Redis (db 4, the integration tests' own)
    settings.REDIS_URL = redis_db4
    redis_outage_forget()
    author = UserFactory.create()
    mates = [UserFactory.create() for _ in range(12)]
    for mate in mates:
        TeamLink.objects.create(member=author, mate=mate)
        TeamLink.objects.create(member=mate, mate=author)
        feed_page(viewer=mate, tab=TEAM)  # missing: rebuilt, empty
    start_worker()

    # when she posts
    began = time.monotonic()
    update = update_create(author=author, body="Last radiation session done, bell rung!")

    # then every mate's feed holds it within seconds, and the job row is gone
    def all_hold() -> bool:
        reads = [store.feed_read(member_id=m.pk, before=None, count=5) for m in mates]
        return all(r is not None and [e.id for e in r.entries] == [update.pk] for r in reads)

    assert wait_until(all_hold, timeout=10)
    assert time.monotonic() - began < 5
    assert wait_until(lambda: not FeedJob.objects.exists(), timeout=5)
    assert [item.pk for item in feed_page(viewer=mates[0], tab=TEAM).items] == [update.pk]
