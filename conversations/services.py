"""Writes on conversations: send, request, accept, ignore, edit, delete, mute, leave, read.

Every write checks the rules in `rules` first. A message that waits for review is saved
pending: its recipient sees nothing of it (not even that it exists) until a moderator approves
it, and then it is delivered as if just sent (`message_deliver`).
"""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from accounts.blocks import members_blocked_between
from accounts.models import User
from core.idempotency import create_once
from moderation.models import ModerationState
from moderation.services import case_hold, case_raise_private

from . import crypto, rules
from .models import (
    MESSAGE_MAX_LENGTH,
    Conversation,
    Message,
    MessageRequest,
    MessagingSettings,
    Participant,
)
from .notices import conversation_notices_read, message_notify
from .selectors import conversation_between, pair


def clean_body(body: str) -> str:
    body = (body or "").strip()
    if "\x00" in body:
        raise ValidationError("Your message contains a character we cannot store.")
    if not body:
        raise ValidationError("Please write something before sending.")
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            f"Please keep your message under {MESSAGE_MAX_LENGTH:,} characters "
            f"(it has {len(body):,})."
        )
    return body


@dataclass(frozen=True)
class Sent:
    message: Message
    held: bool  # waiting for a moderator: the recipient sees nothing yet
    is_request: bool
    crisis: bool  # show her the crisis resources


def _conversation_get_or_create(*, sender: User, recipient: User) -> Conversation:
    low, high = pair(sender.pk, recipient.pk)
    try:
        with transaction.atomic():
            conversation, _ = Conversation.objects.get_or_create(first_id=low, second_id=high)
    except IntegrityError:
        conversation = Conversation.objects.get(first_id=low, second_id=high)
    for member_id in (low, high):
        Participant.objects.get_or_create(conversation=conversation, member_id=member_id)
    return conversation


def _first_from(*, conversation: Conversation, sender: User) -> bool:
    return not conversation.messages.filter(author=sender).exists()


def message_deliver(*, message: Message) -> None:
    """A visible message reaches the other member: the list moves, she may get an email.

    Once only: the first caller to mark it delivered does the rest."""
    now = timezone.now()
    if not Message.objects.filter(pk=message.pk, delivered_at__isnull=True).update(
        delivered_at=now
    ):
        return
    message.delivered_at = now
    conversation = message.conversation
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    if message.author_id is None:
        return
    sides = {
        side.member_id: side
        for side in Participant.objects.filter(conversation=conversation).select_related("member")
    }
    mine = sides.get(message.author_id)
    if mine is not None and mine.left_at is not None:
        # Writing again brings a conversation she left back to her list.
        Participant.objects.filter(pk=mine.pk).update(left_at=None)
    other = sides.get(conversation.other_id(message.author_id))
    if other is None or other.left_at is not None or other.muted:
        return
    request = MessageRequest.objects.filter(conversation=conversation).first()
    is_request = request is not None and request.status != MessageRequest.Status.ACCEPTED
    message_notify(message=message, recipient=other.member, is_request=is_request)


def _send(*, sender: User, recipient: User, body: str, conversation: Conversation | None) -> Sent:
    body = clean_body(body)
    if conversation is None:
        conversation = conversation_between(member_id=sender.pk, other_id=recipient.pk)
    answer = rules.write_route(sender=sender, recipient=recipient, conversation=conversation)
    if answer.route is None:
        raise PermissionDenied(answer.refusal)
    rules.limits_check(sender=sender, route=answer.route)
    if conversation is None:
        conversation = _conversation_get_or_create(sender=sender, recipient=recipient)
    is_request = answer.route is rules.Route.REQUEST
    if is_request:
        MessageRequest.objects.create(conversation=conversation, sender=sender, recipient=recipient)
    reason = ""
    if is_request or _first_from(conversation=conversation, sender=sender):
        reason = rules.held_reason(text=body)
    crisis = rules.is_crisis(body)
    message = Message.objects.create(
        conversation=conversation,
        author=sender,
        body=body,
        moderation_state=ModerationState.PENDING if reason else ModerationState.VISIBLE,
        moderation_reason=reason,
    )
    if reason:
        case_hold(item=message, held_reason=reason, urgent=crisis)
    else:
        if crisis:
            case_raise_private(item=message, reason=rules.CRISIS_REASON)
        message_deliver(message=message)
    return Sent(message=message, held=bool(reason), is_request=is_request, crisis=crisis)


def message_send(
    *,
    sender: User,
    recipient: User,
    body: str,
    idempotency_key: UUID | None = None,
    conversation: Conversation | None = None,
) -> Sent:
    """Send a message (or a message request) to `recipient`.

    Raises PermissionDenied (not allowed: blocked, requests off, new member...), ValidationError
    (empty, too long) or PostingLimitExceeded. A key she already sent with returns that message.
    `conversation`, when the caller already holds theirs, saves looking it up again.
    """
    outcome: list[Sent] = []

    def create() -> Message:
        sent = _send(sender=sender, recipient=recipient, body=body, conversation=conversation)
        outcome.append(sent)
        return sent.message

    if idempotency_key is None:
        with transaction.atomic():
            message = create()
    else:  # create_once runs it in its own transaction
        message = create_once(author=sender, key=idempotency_key, model=Message, create=create)
    if outcome:
        return outcome[0]
    return Sent(
        message=message,
        held=message.moderation_state == ModerationState.PENDING,
        is_request=False,
        crisis=False,
    )


def _request_for(*, recipient: User, conversation: Conversation) -> MessageRequest:
    request = getattr(conversation, "request", None)
    if request is None or request.recipient_id != recipient.pk:
        raise PermissionDenied(rules.NOT_POSSIBLE)
    return request


@transaction.atomic
def message_request_accept(*, recipient: User, conversation: Conversation) -> None:
    request = _request_for(recipient=recipient, conversation=conversation)
    if members_blocked(conversation):
        raise PermissionDenied(rules.NOT_POSSIBLE)
    request.status = MessageRequest.Status.ACCEPTED
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answered_at"])


@transaction.atomic
def message_request_ignore(*, recipient: User, conversation: Conversation) -> None:
    """Set a request aside silently: the sender is not told and it leaves her list."""
    request = _request_for(recipient=recipient, conversation=conversation)
    request.status = MessageRequest.Status.IGNORED
    request.answered_at = timezone.now()
    request.save(update_fields=["status", "answered_at"])


def members_blocked(conversation: Conversation) -> bool:
    return members_blocked_between(first_id=conversation.first_id, second_id=conversation.second_id)


def edit_window_open(message: Message) -> bool:
    minutes = int(getattr(settings, "MESSAGES_EDIT_MINUTES", 10))
    return timezone.now() <= message.created_at + timedelta(minutes=minutes)


@transaction.atomic
def message_edit(*, author: User, message: Message, body: str) -> Message:
    """Correct her own message within MESSAGES_EDIT_MINUTES; the checks run again."""
    if message.author_id != author.pk or message.is_removed:
        raise PermissionDenied("You can only change your own messages.")
    if message.moderation_state == ModerationState.HIDDEN:
        raise PermissionDenied("This message was taken down by a moderator.")
    if not edit_window_open(message):
        raise PermissionDenied("The time to change this message has passed; you can delete it.")
    body = clean_body(body)
    old = message.body
    message.body = body
    message.edited_at = timezone.now()
    checked = message.pk == message.conversation.messages.filter(author=author).order_by("pk")[0].pk
    reason = rules.held_reason(text=body) if checked else ""
    if reason and message.moderation_state == ModerationState.VISIBLE:
        message.moderation_state = ModerationState.PENDING
        message.moderation_reason = reason
    message.save()
    if reason:
        case_hold(item=message, held_reason=reason)
    elif rules.is_crisis(body) and not rules.is_crisis(old):
        case_raise_private(item=message, reason=rules.CRISIS_REASON)
    return message


@transaction.atomic
def message_delete(*, author: User, message: Message) -> None:
    """Delete her own message: the text goes, a placeholder stays in both views."""
    if message.author_id != author.pk:
        raise PermissionDenied("You can only delete your own messages.")
    message.body = ""
    message.deleted_at = timezone.now()
    message.save(update_fields=["body", "deleted_at"])


def conversation_mute(*, member: User, conversation: Conversation, muted: bool) -> None:
    Participant.objects.filter(conversation=conversation, member=member).update(muted=muted)


def conversation_leave(*, member: User, conversation: Conversation) -> None:
    """Leave: it leaves her list; writing to her again brings it back."""
    Participant.objects.filter(conversation=conversation, member=member).update(
        left_at=timezone.now()
    )


def conversation_mark_read(*, member: User, conversation: Conversation) -> None:
    Participant.objects.filter(conversation=conversation, member=member).update(
        last_read_at=timezone.now()
    )
    conversation_notices_read(member=member, conversation=conversation)


def conversation_open(
    *, member: User, conversation: Conversation, participant: Participant | None
) -> None:
    """Opening a conversation reads it: her side is marked read and the bell's notices about it
    go. Each part is skipped when there is nothing to do, so reading it again writes nothing:
    her side when she read it after its last message (the list's unread dot compares the same
    times), the notices when she has no unread notification at all (a column of her row)."""
    last_read = participant.last_read_at if participant is not None else None
    last_message = conversation.last_message_at
    if participant is not None and (
        last_read is None or last_message is None or last_read < last_message
    ):
        now = timezone.now()
        Participant.objects.filter(pk=participant.pk).update(last_read_at=now)
        participant.last_read_at = now
    if member.notifications_unread:
        conversation_notices_read(member=member, conversation=conversation)


def messaging_requests_set(*, member: User, requests_open: bool) -> None:
    MessagingSettings.objects.update_or_create(
        member=member, defaults={"requests_open": requests_open}
    )


def messages_rekey(*, batch_size: int = 500) -> int:
    """Rewrite, under the newest key, every body still encrypted with an older one.

    Reads the raw tokens (a Cast skips the field's decryption) in id order, batch by batch; a
    token is rotated as it is, so a message edited meanwhile is never overwritten with old text.
    Returns how many were rewritten; running it again rewrites none.
    """
    raw = Cast("body", output_field=TextField())
    rewritten, last_id = 0, 0
    while True:
        batch = list(
            Message.objects.filter(pk__gt=last_id)
            .exclude(body="")
            .annotate(token=raw)
            .order_by("pk")
            .values_list("pk", "token")[:batch_size]
        )
        if not batch:
            return rewritten
        for pk, token in batch:
            if crypto.is_current(token):
                continue
            # Compare-and-swap on the old token: an edit that landed since wins.
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {Message._meta.db_table} SET body = %s WHERE id = %s AND body = %s",
                    [crypto.rotate(token), pk, token],
                )
                rewritten += cursor.rowcount
        last_id = batch[-1][0]
