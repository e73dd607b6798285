"""Reads on conversations: a member's list, a page of messages, who may write to whom.

Every read takes the member; a conversation she is not part of does not exist for her (404).
The list and a page of messages run a fixed number of queries whatever their length.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery

from accounts.models import User
from activities.models import TeamLink
from moderation.models import ModerationCase, ModerationState, Report

from .models import Conversation, Message, MessageRequest, MessagingSettings, Participant

PAGE_SIZE = 30


def pair(first_id: int, second_id: int) -> tuple[int, int]:
    return (first_id, second_id) if first_id < second_id else (second_id, first_id)


def conversation_between(*, member_id: int, other_id: int) -> Conversation | None:
    low, high = pair(member_id, other_id)
    return Conversation.objects.filter(first_id=low, second_id=high).first()


def _shown_to(member_id: int) -> Q:
    # Her own messages in any state; the other's only once delivered (visible), or deleted.
    return Q(author_id=member_id) | Q(moderation_state=ModerationState.VISIBLE)


def conversation_for_member(*, member: User, pk: int) -> Conversation | None:
    """Her conversation with the other member loaded; None when she is not in it, or when it
    is a request whose first message she may not see yet (held, or ignored by her)."""
    conversation = (
        Conversation.objects.filter(Q(first=member) | Q(second=member), pk=pk)
        .select_related("first", "second", "request")
        .first()
    )
    if conversation is None:
        return None
    request = getattr(conversation, "request", None)
    if request is not None and request.recipient_id == member.pk:
        if request.status == MessageRequest.Status.IGNORED:
            return None
        if not conversation.messages.filter(moderation_state=ModerationState.VISIBLE).exists():
            return None
    return conversation


@dataclass(frozen=True)
class ConversationRow:
    conversation: Conversation
    other: User
    unread: bool
    muted: bool
    is_request: bool
    waiting: bool  # her own request, not answered yet


def conversation_list(*, member: User) -> tuple[list[ConversationRow], list[ConversationRow]]:
    """Her conversations (newest activity first) and the requests waiting for her answer.

    Two queries whatever the number of conversations.
    """
    newest_other = (
        Message.objects.filter(conversation=OuterRef("conversation"))
        .exclude(author_id=member.pk)
        .filter(moderation_state=ModerationState.VISIBLE)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    sides = (
        Participant.objects.filter(member=member, left_at__isnull=True)
        .filter(conversation__last_message_at__isnull=False)
        .annotate(newest_other_at=Subquery(newest_other))
        .select_related(
            "conversation", "conversation__first", "conversation__second", "conversation__request"
        )
        .order_by("-conversation__last_message_at", "-conversation_id")[:200]
    )
    conversations: list[ConversationRow] = []
    requests: list[ConversationRow] = []
    for side in sides:
        conversation = side.conversation
        request = getattr(conversation, "request", None)
        other = conversation.second if conversation.first_id == member.pk else conversation.first
        newest: Any = side.newest_other_at
        unread = newest is not None and (side.last_read_at is None or newest > side.last_read_at)
        incoming = (
            request is not None
            and request.recipient_id == member.pk
            and request.status != MessageRequest.Status.ACCEPTED
        )
        if incoming and request is not None and request.status == MessageRequest.Status.IGNORED:
            continue
        row = ConversationRow(
            conversation=conversation,
            other=other,
            unread=unread,
            muted=side.muted,
            is_request=incoming,
            waiting=request is not None
            and request.sender_id == member.pk
            and request.status != MessageRequest.Status.ACCEPTED,
        )
        (requests if incoming else conversations).append(row)
    return conversations, requests


@dataclass(frozen=True)
class MessagePage:
    messages: list[Message]
    older_cursor: int | None  # the id to ask for messages before, when there are more


def message_page(
    *, conversation: Conversation, member: User, before: int | None = None
) -> MessagePage:
    """Up to PAGE_SIZE messages before `before` (newest at the bottom); one query."""
    rows = conversation.messages.filter(_shown_to(member.pk)).select_related("author")
    if before is not None:
        rows = rows.filter(pk__lt=before)
    newest_first = list(rows.order_by("-pk")[: PAGE_SIZE + 1])
    more = len(newest_first) > PAGE_SIZE
    shown = newest_first[:PAGE_SIZE]
    shown.reverse()
    return MessagePage(messages=shown, older_cursor=shown[0].pk if more and shown else None)


def participant_for(*, conversation: Conversation, member: User) -> Participant | None:
    return Participant.objects.filter(conversation=conversation, member=member).first()


def requests_open(*, member_id: int) -> bool:
    value = (
        MessagingSettings.objects.filter(member_id=member_id)
        .values_list("requests_open", flat=True)
        .first()
    )
    return True if value is None else bool(value)


def message_visible_to(message: Message, viewer: Any) -> bool:
    """Moderation's rule for the report form: a participant who can see this message."""
    if not getattr(viewer, "is_authenticated", False):
        return False
    conversation = message.conversation
    if viewer.pk not in (conversation.first_id, conversation.second_id):
        return False
    return message.author_id == viewer.pk or message.moderation_state == ModerationState.VISIBLE


def message_open_to_moderators(*, message: Message) -> ModerationCase | None:
    """The case that lets moderators read this message: held for review, or reported."""
    case = ModerationCase.objects.filter(
        content_type__app_label="conversations",
        content_type__model="message",
        object_id=message.pk,
    ).first()
    if case is None:
        return None
    if message.moderation_state == ModerationState.PENDING:
        return case
    if Report.objects.filter(case=case).exists():
        return case
    return None


def message_context_for_review(*, message: Message) -> list[Message]:
    """The reported message and the few delivered before it in its conversation (one query)."""
    count = int(getattr(settings, "MESSAGES_REPORT_CONTEXT", 5))
    before = list(
        Message.objects.filter(conversation_id=message.conversation_id, pk__lt=message.pk)
        .filter(moderation_state=ModerationState.VISIBLE)
        .select_related("author")
        .order_by("-pk")[:count]
    )
    before.reverse()
    return [*before, message]


@dataclass(frozen=True)
class MessageStanding:
    conversation_id: int | None
    is_mate: bool
    requests_open: bool


def message_standing(*, viewer_id: int, member_id: int) -> MessageStanding:
    """What a profile needs for its "Message" button, in one query. The finer rules (new
    member, limits, suspension) are explained on the page the button leads to."""
    low, high = pair(viewer_id, member_id)
    row = (
        User.objects.filter(pk=member_id)
        .annotate(
            conversation_id=Subquery(
                Conversation.objects.filter(first_id=low, second_id=high).values("pk")[:1]
            ),
            is_mate=Exists(TeamLink.objects.filter(member_id=viewer_id, mate_id=member_id)),
            requests_closed=Exists(
                MessagingSettings.objects.filter(member_id=member_id, requests_open=False)
            ),
        )
        .values("conversation_id", "is_mate", "requests_closed")
        .first()
    )
    if row is None:
        return MessageStanding(conversation_id=None, is_mate=False, requests_open=False)
    return MessageStanding(
        conversation_id=row["conversation_id"],
        is_mate=bool(row["is_mate"]),
        requests_open=not row["requests_closed"],
    )
