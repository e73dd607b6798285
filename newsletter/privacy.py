"""A member's subscription in their data export, and gone with their account."""

from typing import Any

from accounts.models import User

from .models import Subscriber
from .services import subscriber_erase_for_member


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_subscription(user: User) -> dict[str, Any]:
    """The member's subscription, preferences and consent records (or an empty dict)."""
    subscriber = (
        Subscriber.objects.filter(email=user.email.lower())
        .prefetch_related("topics", "consents")
        .first()
    ) or Subscriber.objects.filter(member=user).prefetch_related("topics", "consents").first()
    if subscriber is None:
        return {}
    return {
        "email": subscriber.email,
        "state": subscriber.state,
        "topics": [t.name for t in subscriber.topics.all()],
        "weekly_digest": subscriber.digest_enabled,
        "newsletter": subscriber.newsletter_enabled,
        "discreet": subscriber.discreet,
        "paused_until": _iso(subscriber.paused_until),
        "subscribed_at": _iso(subscriber.created_at),
        "confirmed_at": _iso(subscriber.confirmed_at),
        "consents": [
            {
                "given_at": _iso(c.given_at),
                "source_page": c.source_page,
                "wording_version": c.wording_version,
                "confirmed_at": _iso(c.confirmed_at),
            }
            for c in subscriber.consents.all()
        ],
    }


def erase_subscription(user: User) -> None:
    """Delete the subscription and its consent records (idempotent)."""
    subscriber_erase_for_member(member=user)


def subscriber_is_discreet(email: str) -> bool:
    """Whether this address chose discreet mode in its newsletter preferences (core.mail's
    discretion lookup, so every email to the address can honour it)."""
    return Subscriber.objects.filter(email=email.lower(), discreet=True).exists()
