"""django-anymail's tracking webhook: a sending service reports bounces and complaints.

Anymail turns each provider's webhook into a normalised `tracking` signal; this receiver
marks hard bounces (and complaints, which count as "stop mailing me") on the subscriber.
The webhook URLs are mounted under /newsletter/anymail/ when ANYMAIL["WEBHOOK_SECRET"]
is set (see docs/email.md).
"""

from typing import Any

from anymail.signals import EventType, tracking
from django.dispatch import receiver

from .models import Subscriber
from .services import subscriber_mark_bounced, subscriber_unsubscribe


@receiver(tracking, dispatch_uid="newsletter.anymail_tracking")
def anymail_tracking_received(sender: object, event: Any, esp_name: str, **kwargs: Any) -> None:
    """Bounced or rejected → subscriber bounced; complained → unsubscribed."""
    recipient = (getattr(event, "recipient", None) or "").strip().lower()
    if not recipient:
        return
    if event.event_type in (EventType.BOUNCED, EventType.REJECTED):
        subscriber_mark_bounced(email=recipient, reason=f"{esp_name}: {event.event_type}")
    elif event.event_type in (EventType.COMPLAINED, EventType.UNSUBSCRIBED):
        for subscriber_id in Subscriber.objects.filter(email=recipient).values_list(
            "id", flat=True
        ):
            subscriber_unsubscribe(subscriber_id=subscriber_id)
