"""What moderation's decisions mean for a message (registered in apps.ready)."""

from django.urls import reverse

from moderation.models import ModerationState

from .models import Message


def message_review_url(message: Message) -> str:
    """One address for a message: its writer and reader land in the conversation; a
    moderator reads it there only while it is held or reported (each look logged)."""
    return reverse("conversations:message", args=[message.pk])


def message_after_state_change(message: Message) -> None:
    """An approved message is delivered now, as if just sent; its request then shows."""
    from .services import message_deliver

    if message.moderation_state == ModerationState.VISIBLE and message.deleted_at is None:
        message_deliver(message=message)
