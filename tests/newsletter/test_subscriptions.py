"""Subscribing: double opt-in, consent, re-send limit, members' one click, leaving."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.mail.models import OutboxMessage
from newsletter import services
from newsletter.models import Consent, Subscriber
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_subscriber_subscribe_new_address_is_pending_and_gets_one_confirmation(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = services.subscriber_subscribe(email=" New@Example.org ", source_page="/x/")

    assert subscriber.email == "new@example.org"
    assert subscriber.state == Subscriber.State.PENDING
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    assert Consent.objects.filter(subscriber=subscriber, source_page="/x/").count() == 1


def test_subscriber_subscribe_again_within_ten_minutes_does_not_resend(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.subscriber_subscribe(email="a@example.org")
        services.subscriber_subscribe(email="a@example.org")

    assert len(mail.outbox) == 1
    assert Consent.objects.count() == 2


def test_subscriber_subscribe_again_after_ten_minutes_resends():
    services.subscriber_subscribe(email="a@example.org")
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=11))

    services.subscriber_subscribe(email="a@example.org")

    assert OutboxMessage.objects.filter(kind="newsletter/confirm").count() == 2


def test_subscriber_subscribe_confirmed_address_sends_nothing():
    Subscriber.objects.create(email="a@example.org", state=Subscriber.State.CONFIRMED)

    subscriber = services.subscriber_subscribe(email="a@example.org")

    assert subscriber.state == Subscriber.State.CONFIRMED
    assert OutboxMessage.objects.count() == 0


def test_subscriber_subscribe_member_own_address_confirms_at_once(member):
    subscriber = services.subscriber_subscribe(email=member.email, member=member, source_page="/")

    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.member == member
    assert OutboxMessage.objects.count() == 0
    assert Consent.objects.get().confirmed_at is not None


def test_subscriber_subscribe_member_other_address_still_needs_confirmation(member):
    subscriber = services.subscriber_subscribe(email="someone-else@example.org", member=member)

    assert subscriber.state == Subscriber.State.PENDING
    assert subscriber.member is None
    assert OutboxMessage.objects.count() == 1


def test_subscriber_confirm_is_idempotent_and_stamps_consent():
    subscriber = services.subscriber_subscribe(email="a@example.org")

    services.subscriber_confirm(subscriber_id=subscriber.id)
    again = services.subscriber_confirm(subscriber_id=subscriber.id)

    assert again is not None
    assert again.state == Subscriber.State.CONFIRMED
    assert Consent.objects.get().confirmed_at is not None


def test_subscriber_unsubscribe_then_subscribe_again_needs_confirmation():
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    services.subscriber_unsubscribe(subscriber_id=subscriber.id)

    again = services.subscriber_subscribe(email="a@example.org")

    assert again.state == Subscriber.State.PENDING
    assert OutboxMessage.objects.count() == 1


def test_subscriber_preferences_update_pauses_for_chosen_weeks():
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    topic = TopicFactory.create()

    services.subscriber_preferences_update(
        subscriber=subscriber,
        topics=[topic],
        digest_enabled=True,
        newsletter_enabled=False,
        discreet=True,
        pause_weeks=4,
    )

    subscriber.refresh_from_db()
    assert subscriber.paused_until is not None
    assert timedelta(days=27) < subscriber.paused_until - timezone.now() <= timedelta(weeks=4)
    assert list(subscriber.topics.all()) == [topic]
    assert (subscriber.newsletter_enabled, subscriber.discreet) == (False, True)


def test_subscriber_preferences_update_refuses_other_pause_lengths():
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")

    with pytest.raises(ValueError, match="pause_weeks"):
        services.subscriber_preferences_update(
            subscriber=subscriber,
            topics=[],
            digest_enabled=True,
            newsletter_enabled=True,
            discreet=False,
            pause_weeks=3,
        )


def test_subscriber_mark_bounced_stops_mail_but_not_for_unsubscribed():
    Subscriber.objects.create(email="a@example.org", state="confirmed")
    Subscriber.objects.create(email="b@example.org", state="unsubscribed")

    assert services.subscriber_mark_bounced(email="A@example.org") is True
    assert services.subscriber_mark_bounced(email="b@example.org") is False

    states = dict(Subscriber.objects.values_list("email", "state"))
    assert states == {"a@example.org": "bounced", "b@example.org": "unsubscribed"}


def test_anymail_tracking_bounce_marks_subscriber_bounced():
    from anymail.signals import AnymailTrackingEvent, EventType, tracking

    Subscriber.objects.create(email="a@example.org", state="confirmed")
    event = AnymailTrackingEvent(event_type=EventType.BOUNCED, recipient="a@example.org")

    tracking.send(sender=object, event=event, esp_name="Test")

    assert Subscriber.objects.get().state == Subscriber.State.BOUNCED
