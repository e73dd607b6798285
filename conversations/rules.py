"""Who may write to whom, how fast, and which messages wait for a moderator first.

Team mates write to each other freely; anyone else starts with a message request, which the
recipient may have turned off. Blocks (either way) stop everything. New members (the
new-member period, or fewer visible posts than the link-trust threshold: moderation's own
numbers) cannot start requests. Requests and each member's first message in a conversation go
through the scam checks; crisis language is noticed everywhere.
"""

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from accounts.blocks import members_blocked_between
from accounts.models import User
from activities.selectors import team_are_mates
from core.viewer import viewer_has_staff_powers
from moderation.policy import (
    PostingLimitExceeded,
    asks_for_money,
    asks_for_private_contact,
    contains_link,
    harmful_claim_found,
    mentions_self_harm,
    posting_refusal,
)
from moderation.selectors import member_visible_post_count

from .models import Conversation, Message, MessageRequest
from .selectors import requests_open


class Route(Enum):
    DIRECT = "direct"  # write freely: team mates, or an accepted request
    REQUEST = "request"  # the first message goes as a request


@dataclass(frozen=True)
class WriteAnswer:
    route: Route | None
    refusal: str = ""  # why not, in her words, when route is None


NOT_POSSIBLE = "It is not possible to send a message to this member."


def _is_new(member: User) -> bool:
    hours = int(settings.MODERATION_NEW_MEMBER_HOURS)
    if member.date_joined > timezone.now() - timedelta(hours=hours):
        return True
    trust = int(settings.MODERATION_LINK_TRUST_POSTS)
    return member_visible_post_count(author=member, limit=trust) < trust


def _conversation_route(*, conversation: Conversation, sender: User) -> WriteAnswer | None:
    request = getattr(conversation, "request", None)
    if request is None or request.status == MessageRequest.Status.ACCEPTED:
        return WriteAnswer(route=Route.DIRECT)
    if request.sender_id == sender.pk:
        return WriteAnswer(
            route=None,
            refusal="Your message request is waiting for an answer. You can write again "
            "once it is accepted.",
        )
    if request.status == MessageRequest.Status.PENDING:
        # She answers a request by accepting it first (the page offers the button).
        return WriteAnswer(route=None, refusal="Please accept the request to reply.")
    return WriteAnswer(route=None, refusal=NOT_POSSIBLE)


def write_route(
    *, sender: User, recipient: User, conversation: Conversation | None = None
) -> WriteAnswer:
    """Whether `sender` may write to `recipient` now, and how (direct or as a request)."""
    refusal = posting_refusal(sender)
    if refusal:
        return WriteAnswer(route=None, refusal=refusal)
    if (
        sender.pk == recipient.pk
        or not recipient.is_active
        or recipient.erased_at is not None
        or members_blocked_between(first_id=sender.pk, second_id=recipient.pk)
    ):
        return WriteAnswer(route=None, refusal=NOT_POSSIBLE)
    if conversation is not None:
        answer = _conversation_route(conversation=conversation, sender=sender)
        if answer is not None:
            return answer
    if team_are_mates(member_id=sender.pk, other_id=recipient.pk):
        return WriteAnswer(route=Route.DIRECT)
    if not requests_open(member_id=recipient.pk):
        return WriteAnswer(
            route=None, refusal="This member is not taking message requests at the moment."
        )
    if not viewer_has_staff_powers(sender) and _is_new(sender):
        return WriteAnswer(
            route=None,
            refusal="New members can send message requests once they have been here a day "
            f"and have {settings.MODERATION_LINK_TRUST_POSTS} posts up. Until then, you can "
            "reply in the forum, or ask to join her team.",
        )
    return WriteAnswer(route=Route.REQUEST)


def _limit_message(*, count: int, noun: str, period: str) -> str:
    return (
        f"You have sent {count} {noun} in the last {period}, which is our limit for now. "
        "Please try again a little later; your text is kept below."
    )


def limits_check(*, sender: User, route: Route) -> None:
    """Raise PostingLimitExceeded when she sends faster than the settings allow (one query)."""
    if viewer_has_staff_powers(sender):
        return
    now = timezone.now()
    hour_ago, day_ago = now - timedelta(hours=1), now - timedelta(days=1)
    if route is Route.REQUEST:
        rows: Any = MessageRequest.objects.filter(sender=sender)
        prefix, noun = "MESSAGE_REQUESTS_PER", "message requests"
    else:
        rows = Message.objects.filter(author=sender)
        prefix, noun = "MESSAGES_PER", "messages"
    counts = rows.filter(created_at__gte=day_ago).aggregate(
        day=Count("pk"), hour=Count("pk", filter=Q(created_at__gte=hour_ago))
    )
    for period, retry in (("hour", 3600), ("day", 86400)):
        limit = int(getattr(settings, f"{prefix}_{period.upper()}"))
        if counts[period] >= limit:
            raise PostingLimitExceeded(
                _limit_message(count=counts[period], noun=noun, period=period),
                retry_after_seconds=retry,
            )


def held_reason(*, text: str) -> str:
    """Why a request or first message waits for a moderator, or "" when it goes at once."""
    if harmful_claim_found(text):
        return "Private message: possible harmful medical claim."
    if asks_for_money(text):
        return "Private message: asks for money or payment."
    if contains_link(text):
        return "Private message: contains a link."
    if asks_for_private_contact(text):
        return "Private message: phone number, email address or other contact."
    return ""


def is_crisis(text: str) -> bool:
    return mentions_self_harm(text)


CRISIS_REASON = "Crisis language in a private conversation: consider checking in."
