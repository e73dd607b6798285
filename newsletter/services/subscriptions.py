"""Subscribing, confirming, leaving and changing preferences (double opt-in)."""

import logging
from collections.abc import Iterable
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from catalogue.models import Topic
from core.mail.services import email_enqueue

from ..models import Consent, Subscriber
from ..tokens import token_make

logger = logging.getLogger(__name__)

# Bump when the sign-up box's promise changes; each consent row keeps the version it saw.
CONSENT_WORDING_VERSION = "2026-11-v1"
CONSENT_WORDING = (
    "Get updates directly to your inbox: a weekly digest of new articles and questions, and "
    "an occasional newsletter. Confirm by email; leave with one click at any time."
)
RESEND_INTERVAL = timedelta(minutes=10)
PAUSE_WEEKS = (1, 2, 4, 8)


def subscriber_link(*, subscriber_id: int, purpose: str) -> str:
    """Absolute signed link for confirm, unsubscribe or preferences."""
    token = token_make(subscriber_id=subscriber_id, purpose=purpose)
    before, after = _link_parts(settings.SITE_URL, purpose)
    return f"{before}{token}{after}"


@lru_cache(maxsize=16)
def _link_parts(site_url: str, purpose: str) -> tuple[str, str]:
    # reverse() once per purpose: it runs for every email of a mailing otherwise.
    path = reverse(f"newsletter:{purpose}", kwargs={"token": "TOKEN"})
    before, _, after = path.partition("TOKEN")
    return site_url + before, after


def _normalise(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def subscriber_subscribe(
    *, email: str, source_page: str = "", member: User | None = None
) -> Subscriber:
    """Record consent; confirm at once for a member's own verified address, else email a link.

    Says nothing about whether the address was known: callers show the same page either way.
    Re-sends the confirmation at most once per RESEND_INTERVAL.
    """
    email = _normalise(email)
    now = timezone.now()
    subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email)
    Consent.objects.create(
        subscriber=subscriber,
        given_at=now,
        source_page=source_page[:200],
        wording_version=CONSENT_WORDING_VERSION,
    )
    owns_address = member is not None and _normalise(member.email) == email
    if owns_address and member is not None:
        # The member's address was verified at sign-up: that is the second opt-in.
        subscriber.member = member
        if subscriber.state != Subscriber.State.CONFIRMED:
            subscriber.state = Subscriber.State.CONFIRMED
            subscriber.confirmed_at = now
            subscriber.unsubscribed_at = None
            subscriber.consents.filter(confirmed_at__isnull=True).update(confirmed_at=now)
        subscriber.save()
        return subscriber
    if subscriber.state == Subscriber.State.CONFIRMED:
        return subscriber
    if subscriber.state != Subscriber.State.PENDING:
        subscriber.state = Subscriber.State.PENDING
        subscriber.save(update_fields=["state"])
    recently = subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < (
        RESEND_INTERVAL
    )
    if not recently:
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["confirmation_sent_at"])
        email_enqueue(
            template="newsletter/confirm",
            to=email,
            context={
                "confirm_url": subscriber_link(subscriber_id=subscriber.id, purpose="confirm"),
                "wording": CONSENT_WORDING,
            },
        )
    return subscriber


@transaction.atomic
def subscriber_confirm(*, subscriber_id: int) -> Subscriber | None:
    """Confirm a pending subscriber (idempotent); None when the subscriber no longer exists."""
    subscriber = Subscriber.objects.select_for_update().filter(id=subscriber_id).first()
    if subscriber is None:
        return None
    if subscriber.state in (Subscriber.State.PENDING, Subscriber.State.BOUNCED):
        now = timezone.now()
        subscriber.state = Subscriber.State.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.bounced_at = None
        subscriber.save(update_fields=["state", "confirmed_at", "bounced_at"])
        subscriber.consents.filter(confirmed_at__isnull=True).update(confirmed_at=now)
    return subscriber


def subscriber_unsubscribe(*, subscriber_id: int) -> bool:
    """Stop all mail to this subscriber at once; True if they were subscribed. Idempotent."""
    changed = (
        Subscriber.objects.filter(id=subscriber_id)
        .exclude(state=Subscriber.State.UNSUBSCRIBED)
        .update(state=Subscriber.State.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    )
    return bool(changed)


def subscriber_preferences_update(
    *,
    subscriber: Subscriber,
    topics: Iterable[Topic],
    digest_enabled: bool,
    newsletter_enabled: bool,
    discreet: bool,
    pause_weeks: int | None = None,
    resume: bool = False,
) -> Subscriber:
    """Save what and how often this subscriber wants mail; a pause counts from now."""
    subscriber.digest_enabled = digest_enabled
    subscriber.newsletter_enabled = newsletter_enabled
    subscriber.discreet = discreet
    if resume:
        subscriber.paused_until = None
    elif pause_weeks:
        if pause_weeks not in PAUSE_WEEKS:
            raise ValueError("pause_weeks must be one of 1, 2, 4, 8")
        subscriber.paused_until = timezone.now() + timedelta(weeks=pause_weeks)
    subscriber.save(
        update_fields=["digest_enabled", "newsletter_enabled", "discreet", "paused_until"]
    )
    subscriber.topics.set(list(topics))
    return subscriber


def subscriber_mark_bounced(*, email: str, reason: str = "") -> bool:
    """A hard bounce: stop mailing this address until it subscribes and confirms again."""
    changed = (
        Subscriber.objects.filter(email=_normalise(email))
        .exclude(state__in=[Subscriber.State.BOUNCED, Subscriber.State.UNSUBSCRIBED])
        .update(state=Subscriber.State.BOUNCED, bounced_at=timezone.now())
    )
    if changed:
        logger.info("newsletter: subscriber marked bounced (%s)", reason[:100])
    return bool(changed)


def subscriber_erase_for_member(*, member: User) -> int:
    """Delete the member's subscription and consent records (account erasure)."""
    deleted, _ = Subscriber.objects.filter(member=member).delete()
    deleted_by_email, _ = Subscriber.objects.filter(email=_normalise(member.email)).delete()
    return deleted + deleted_by_email
