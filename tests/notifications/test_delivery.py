"""The daily digest: every member due one gets it, in batches of a fixed number of queries
that re-queue until none is left; it counts, and never quotes anyone."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from core.mail.models import OutboxMessage
from notifications import tasks
from notifications.delivery import digest_batch_send, digest_cutoff
from notifications.models import Channel, EmailPause, EmailState, Notification
from notifications.preferences import preferences_set
from notifications.services import notify
from tests.activities.factories import UpdateFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LATER = timezone.now() + timedelta(days=2)


def _due_for(members, per_member: int = 2) -> None:
    for member in members:
        preferences_set(member=member, channels={"hugs": Channel.DIGEST}, pause_email=False)
        update = UpdateFactory.create(author=member)
        for _ in range(per_member):
            notify(kind="update_hug", recipient=member, actor=UserFactory.create(), target=update)


def test_digest_batch_send_counts_by_kind_and_quotes_nobody(rosa, amber):
    _due_for([rosa])
    notify(kind="team_request", recipient=rosa, actor=amber)  # email at once, not in the digest

    assert digest_batch_send(cutoff=LATER) == (1, False)
    digest = OutboxMessage.objects.get(kind="notifications/digest")
    assert "Hugs: 1" in digest.body_text  # two hugs, grouped into one notification
    assert "AmberAster" not in digest.body_text
    assert not Notification.objects.filter(email_state=EmailState.DIGEST).exists()


def test_digest_batch_send_runs_a_fixed_number_of_queries_whatever_the_batch(
    django_assert_num_queries,
):
    _due_for(UserFactory.create_batch(2))
    with django_assert_num_queries(6) as small:
        digest_batch_send(cutoff=LATER, batch_size=50)
    _due_for(UserFactory.create_batch(12))
    with django_assert_num_queries(len(small.captured_queries)):
        sent, _ = digest_batch_send(cutoff=LATER, batch_size=50)
    assert sent == 12


def test_digest_task_requeues_until_every_member_due_has_hers(settings):
    members = UserFactory.create_batch(5)
    _due_for(members, per_member=1)
    for row in Notification.objects.all():
        row.created_at = digest_cutoff() - timedelta(minutes=5)
        row.save(update_fields=["created_at"])

    # Celery runs in-process here: each batch queues the next one at once.
    tasks.notifications_digest_send(2)

    assert OutboxMessage.objects.filter(kind="notifications/digest").count() == 5
    assert tasks.notifications_digest_send(2) == 0


def test_digest_task_leaves_what_came_after_todays_digest_hour_for_tomorrow(rosa):
    _due_for([rosa])
    Notification.objects.update(created_at=digest_cutoff() + timedelta(seconds=1))

    with mock.patch("notifications.tasks.task_enqueue") as requeue:
        assert tasks.notifications_digest_send(200) == 0
    requeue.assert_not_called()
    assert Notification.objects.filter(email_state=EmailState.DIGEST).exists()


def test_digest_batch_send_skips_a_member_who_paused_email_since(rosa):
    _due_for([rosa])
    EmailPause.objects.create(member=rosa)

    assert digest_batch_send(cutoff=LATER) == (0, False)
    assert not Notification.objects.filter(email_state=EmailState.DIGEST).exists()


def test_digest_batch_send_in_discreet_mode_names_neither_site_nor_kind(rosa):
    rosa.discreet_email = True
    rosa.save(update_fields=["discreet_email"])
    _due_for([rosa])

    digest_batch_send(cutoff=LATER)

    message = OutboxMessage.objects.get(kind="notifications/digest")
    text = message.subject + message.body_text + message.body_html
    assert "MyBCTeam" not in text
    assert "Hugs" not in text
