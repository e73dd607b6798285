"""Fan-out on write: the hooks write jobs, the tasks put items into (and out of) Redis feeds."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.blocks import member_block
from activities.feed import fanout, feed_question_published, jobs, store
from activities.feed.store import Entry
from activities.models import FeedJob, TeamLink, Update
from activities.services.team import team_remove
from activities.services.updates import update_create, update_delete
from core.outage import redis_outage_forget
from moderation.models import ModerationState
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

from .conftest import posted, team_of

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def _built(*members) -> None:
    for member in members:
        store.feed_build_start(member_ids=[member.pk])
        store.feed_build_finish(member_id=member.pk, entries=[], complete=True)


def _ids(member, kind: str = "u") -> list[int]:
    read = store.feed_read(member_id=member.pk, before=None, count=500)
    assert read is not None
    return [entry.id for entry in read.entries if entry.kind == kind]


def test_update_create_fans_out_to_her_team_and_herself_after_commit(
    feed_redis, member, django_capture_on_commit_callbacks
):
    mates = team_of(member, 3)
    stranger = UserFactory.create()
    _built(member, *mates, stranger)

    with django_capture_on_commit_callbacks(execute=True):
        update = update_create(author=member, body="Scan day went fine.")

    assert update.moderation_state == ModerationState.VISIBLE
    for reader in (member, *mates):
        assert _ids(reader) == [update.pk]
    assert _ids(stranger) == []
    assert not FeedJob.objects.exists()  # done jobs are deleted


def test_fan_out_skips_feeds_nobody_built(feed_redis, member, django_capture_on_commit_callbacks):
    mates = team_of(member, 2)
    _built(mates[0])

    with django_capture_on_commit_callbacks(execute=True):
        update_create(author=member, body="Infusion number four done.")

    assert len(_ids(mates[0])) == 1
    assert not feed_redis.exists(store.feed_key(mates[1].pk))


def test_fan_out_reaches_every_batch_of_a_large_team(feed_redis, member, monkeypatch):
    monkeypatch.setattr(fanout, "FANOUT_BATCH", 2)
    mates = team_of(member, 5)
    _built(*mates)
    update = posted(member, minutes_ago=1)

    assert fanout.feed_update_sync(update_id=update.pk, author_id=None)

    assert all(_ids(mate) == [update.pk] for mate in mates)


def test_update_delete_takes_it_out_of_every_feed(
    feed_redis, member, django_capture_on_commit_callbacks
):
    mates = team_of(member, 2)
    _built(member, *mates)
    with django_capture_on_commit_callbacks(execute=True):
        update = update_create(author=member, body="Hard day today.")

    with django_capture_on_commit_callbacks(execute=True):
        update_delete(update=update, actor=member)

    assert all(_ids(reader) == [] for reader in (member, *mates))


def test_update_sync_follows_the_database_whatever_order_jobs_run_in(feed_redis, member):
    mates = team_of(member, 1)
    _built(*mates)
    update = posted(member, minutes_ago=1)
    published = jobs.feed_job_add(kind=FeedJob.Kind.UPDATE, target_id=update.pk)
    Update.objects.filter(pk=update.pk).update(moderation_state=ModerationState.HIDDEN)
    withdrawn = jobs.feed_job_add(kind=FeedJob.Kind.UPDATE, target_id=update.pk)

    # the withdrawal's job runs first, the publication's late
    assert jobs.feed_job_run(job_id=withdrawn.pk)
    assert jobs.feed_job_run(job_id=published.pk)

    assert _ids(mates[0]) == []


def test_her_own_pending_update_stays_in_her_feed_only(feed_redis, member):
    mates = team_of(member, 1)
    _built(member, *mates)
    update = posted(member, minutes_ago=1, moderation_state=ModerationState.PENDING)

    assert fanout.feed_update_sync(update_id=update.pk, author_id=member.pk)

    assert _ids(member) == [update.pk]
    assert _ids(mates[0]) == []


def test_feed_job_stays_for_the_sweeper_while_redis_is_away(feed_redis, member, settings):
    mates = team_of(member, 1)
    _built(*mates)
    update = posted(member, minutes_ago=1)
    good_url = settings.REDIS_URL

    # given Redis unreachable when the job runs
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    job = jobs.feed_job_add(kind=FeedJob.Kind.UPDATE, target_id=update.pk)
    assert FeedJob.objects.filter(pk=job.pk).exists()
    # when Redis is back and the sweeper finds the old job
    settings.REDIS_URL = good_url
    redis_outage_forget()
    FeedJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=1))
    queued = jobs.feed_jobs_sweep()

    assert queued == 1
    assert _ids(mates[0]) == [update.pk]
    assert not FeedJob.objects.exists()


def test_feed_jobs_sweep_leaves_fresh_and_just_retried_jobs_alone(feed_redis, member):
    now = timezone.now()
    FeedJob.objects.create(kind=FeedJob.Kind.PAIR, target_id=member.pk, created_at=now)
    FeedJob.objects.create(
        kind=FeedJob.Kind.PAIR,
        target_id=member.pk,
        created_at=now - timedelta(minutes=5),
        attempted_at=now - timedelta(seconds=10),
    )

    assert jobs.feed_jobs_sweep() == 0


def test_team_remove_drops_both_feeds(feed_redis, member, django_capture_on_commit_callbacks):
    mate = team_of(member, 1)[0]
    _built(member, mate)

    with django_capture_on_commit_callbacks(execute=True):
        team_remove(member=member, mate=mate)

    assert not feed_redis.exists(store.feed_key(member.pk))
    assert not feed_redis.exists(store.feed_key(mate.pk))


def test_block_drops_both_feeds(feed_redis, member, django_capture_on_commit_callbacks):
    mate = team_of(member, 1)[0]
    bystander = team_of(member, 1)[0]
    _built(member, mate, bystander)

    with django_capture_on_commit_callbacks(execute=True):
        member_block(blocker=member, blocked=mate)

    assert not TeamLink.objects.filter(member=member, mate=mate).exists()
    assert not feed_redis.exists(store.feed_key(member.pk))
    assert not feed_redis.exists(store.feed_key(mate.pk))
    assert feed_redis.exists(store.feed_key(bystander.pk))


def test_signed_question_fans_out_to_her_team_not_to_herself(
    feed_redis, member, django_capture_on_commit_callbacks
):
    mates = team_of(member, 2)
    _built(member, *mates)
    question = QuestionFactory.create(author=member)

    with django_capture_on_commit_callbacks(execute=True):
        feed_question_published(question_id=question.pk, author_id=member.pk)

    assert all(_ids(mate, "q") == [question.pk] for mate in mates)
    assert _ids(member, "q") == []


def test_anonymous_question_never_reaches_a_feed(
    feed_redis, member, django_capture_on_commit_callbacks
):
    mates = team_of(member, 1)
    _built(*mates)
    signed = QuestionFactory.create(author=member)
    anonymous = QuestionFactory.create(author=member, is_anonymous=True)

    with django_capture_on_commit_callbacks(execute=True):
        feed_question_published(question_id=anonymous.pk, author_id=member.pk)
        feed_question_published(question_id=signed.pk, author_id=member.pk)

    assert _ids(mates[0], "q") == [signed.pk]


def test_erased_member_leaves_her_team_feeds(feed_redis, member):
    mate = team_of(member, 1)[0]
    _built(member, mate)
    update = posted(member, minutes_ago=1)
    store.feed_entries_add(
        member_ids=[mate.pk],
        entries=[Entry.at(created_at=update.created_at, kind="u", id=update.pk)],
    )

    assert fanout.feed_member_forget(member_id=member.pk, mate_ids=[mate.pk])

    assert _ids(mate) == []
    assert not feed_redis.exists(store.feed_key(member.pk))


def test_hooks_do_nothing_without_redis(member, settings, django_capture_on_commit_callbacks):
    settings.REDIS_URL = ""
    team_of(member, 1)

    with django_capture_on_commit_callbacks(execute=True):
        update_create(author=member, body="Good day at the beach.")

    assert not FeedJob.objects.exists()


def test_feed_tasks_are_known_to_workers_and_the_sweep_is_scheduled(settings):
    from activities.feed.tasks import feed_job_run, feed_jobs_sweep
    from mybcteam.celery import app as celery_app

    # a worker imports only what autodiscovery or `imports` names: this module is neither
    # an app's tasks.py, so it must be named
    assert "activities.feed.tasks" in celery_app.conf.imports
    assert {feed_job_run.name, feed_jobs_sweep.name} <= set(celery_app.tasks)
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert feed_jobs_sweep.name in scheduled
