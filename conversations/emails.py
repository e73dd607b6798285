"""The one email messages send: "You have a new message", through the outbox.

It never carries the message text, and in discreet mode (her account's choice, or any app's
discreet lookup in core.mail.discretion) neither the sender's name nor the site's name.
"""

from django.conf import settings
from django.urls import reverse

from accounts.models import User
from core.mail.discretion import discreet_sender, email_is_discreet
from core.mail.services import email_enqueue


def new_message_email(*, recipient: User, sender: User | None) -> bool:
    if not recipient.is_active or recipient.erased_at is not None or not recipient.email:
        return False
    discreet = bool(recipient.discreet_email) or email_is_discreet(email=recipient.email)
    email_enqueue(
        template="conversations/new_message",
        to=recipient.email,
        context={
            "recipient_name": recipient.public_name,
            "discreet": discreet,
            "sender_name": "" if discreet or sender is None else sender.public_name,
            "url": f"{settings.SITE_URL}{reverse('conversations:list')}",
            "preferences_url": f"{settings.SITE_URL}{reverse('conversations:list')}#settings",
        },
        from_email=discreet_sender() if discreet else None,
    )
    return True
