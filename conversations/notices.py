"""What messages tell notifications: a new message and a new message request, each under one
preference line ("Private messages": in-app, email at once, daily digest or off). The
notification never carries the text; its target is the conversation, shown to a reader only
while she may open it. Registered in ready()."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from accounts.models import User
from core.viewer import Viewer, viewer_is_member
from notifications.models import Channel, Notification
from notifications.registry import (
    Kind,
    PreferenceGroup,
    TargetView,
    group_register,
    kind_register,
    target_register,
)
from notifications.services import notifications_mark_gone, notify

from .emails import new_message_email
from .models import Conversation, Message, MessageRequest

GROUP = PreferenceGroup("messages", "Private messages and message requests", Channel.EMAIL, 15)
KINDS = [
    # Grouped: while she has not looked, further messages in that conversation fold into one
    # line (and one email), so a lively conversation is not a stream of emails.
    Kind(
        "message",
        "messages",
        "{actor} sent you a message",
        "You have a new message",
        grouped=True,
        own_email_discreet=True,
    ),
    Kind(
        "message_request",
        "messages",
        "{actor} sent you a message request",
        "You have a new message request",
        own_email_discreet=True,
    ),
]


def conversations_for(viewer: Viewer, ids: list[int]) -> dict[int, TargetView]:
    """Her conversations among `ids` (one query); a request she set aside shows nothing."""
    if not viewer_is_member(viewer):
        return {}
    rows = (
        Conversation.objects.filter(Q(first_id=viewer.pk) | Q(second_id=viewer.pk), pk__in=ids)
        .exclude(request__recipient_id=viewer.pk, request__status=MessageRequest.Status.IGNORED)
        .only("pk", "first_id", "second_id")
    )
    return {c.pk: TargetView("", c.get_absolute_url(), c.other_id(viewer.pk)) for c in rows}


def register() -> None:
    group_register(GROUP)
    for kind in KINDS:
        kind_register(kind)
    target_register(Conversation, conversations_for)


def message_notify(*, message: Message, recipient: User, is_request: bool) -> None:
    """Through her preferences; the email at once is ours (never the text, discreet-aware)."""
    sender = message.author
    notify(
        kind="message_request" if is_request else "message",
        recipient=recipient,
        actor=sender,
        target=message.conversation,
        email=lambda: new_message_email(recipient=recipient, sender=sender),
    )


def conversation_notices_read(*, member: User, conversation: Conversation) -> None:
    """Opening the conversation is reading what the bell said about it (one query when none)."""
    ids = list(
        Notification.objects.filter(
            recipient=member,
            target_type=ContentType.objects.get_for_model(Conversation),
            target_id=conversation.pk,
            read_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    notifications_mark_gone(member_id=member.pk, ids=ids)
