"""Messages in a member's data export and erasure (registered in apps.ready; docs/privacy.md).

Export: every conversation she is in, with what she wrote and what was written to her. The
other member's words are included because they were addressed to her and are part of her
correspondence, as a letter she received is hers to keep; the other member appears by the name
she shows everyone. Held messages of the other member are left out (they were never delivered).

Erasure: what she wrote is removed from both sides: the text goes and a placeholder stays in
the other member's conversation, so its replies still make sense. Her requests, settings and
sides of conversations go; the other member keeps her own words.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q

from accounts.models import User
from moderation.models import ModerationState

from .models import Conversation, Message, MessageRequest, MessagingSettings, Participant


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_messages(user: User) -> dict[str, Any]:
    conversations = (
        Conversation.objects.filter(Q(first=user) | Q(second=user))
        .select_related("first", "second")
        .order_by("pk")
    )
    shown = Q(author=user) | Q(moderation_state=ModerationState.VISIBLE)
    messages = (
        Message.objects.filter(conversation__in=conversations)
        .filter(shown)
        .order_by("conversation_id", "pk")
    )
    by_conversation: dict[int, list[dict[str, Any]]] = {}
    for message in messages:
        by_conversation.setdefault(message.conversation_id, []).append(
            {
                "written_by": "you" if message.author_id == user.pk else "the other member",
                "text": message.placeholder if message.is_removed else message.body,
                "state": message.moderation_state,
                "sent_at": _iso(message.created_at),
                "edited_at": _iso(message.edited_at),
            }
        )
    return {
        "conversations": [
            {
                "with": (c.second if c.first_id == user.pk else c.first).public_name,
                "started_at": _iso(c.created_at),
                "messages": by_conversation.get(c.pk, []),
            }
            for c in conversations
            # A request still held for review never reached her: not even that it exists.
            if c.pk in by_conversation
        ]
    }


@transaction.atomic
def erase_messages(user: User) -> None:
    # Encrypted text cannot be cleared with one UPDATE of a literal: "" is stored as is.
    Message.objects.filter(author=user).update(body="", erased=True, author=None)
    MessageRequest.objects.filter(Q(sender=user) | Q(recipient=user)).delete()
    MessagingSettings.objects.filter(member=user).delete()
    Participant.objects.filter(member=user).delete()
