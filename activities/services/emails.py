"""The activities' notifications: a team request, an accepted request, a comment on her
update, a reply to her comment. Each goes to notifications (under the bell); its email here is
the email channel, sent when her preference for the kind says so (docs/notifications.md),
through the outbox in the caller's transaction, in discreet mode when she asked, at most once.
"""

from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.utils.text import Truncator

from accounts.blocks import members_blocked_between
from accounts.models import User
from core.mail.services import email_enqueue
from moderation.models import ModerationState
from notifications.services import notify

from ..models import UpdateComment
from ..selectors import update_list_visible

# A discreet email names neither the site (its name says "breast cancer") nor any health word,
# and comes from a neutral sender name, for members who share an inbox or a screen.
DISCREET_SENDER_NAME = "Notifications"
EXCERPT_CHARS = 400


def _sender(recipient: User) -> str | None:
    if not recipient.discreet_email:
        return None
    # The neutral address discreet newsletters use, when one is configured.
    neutral = getattr(settings, "NEWSLETTER_DISCREET_FROM_EMAIL", "")
    if neutral:
        return str(neutral)
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((DISCREET_SENDER_NAME, address))


def _may_email(recipient: User) -> bool:
    return recipient.is_active and recipient.erased_at is None


def _send(*, template: str, recipient: User, context: dict[str, Any]) -> None:
    if not recipient.email:
        return
    email_enqueue(
        template=f"activities/{template}",
        to=recipient.email,
        context={
            "recipient_name": recipient.public_name,
            "discreet": recipient.discreet_email,
            "preferences_url": f"{settings.SITE_URL}/accounts/settings/#email",
            **context,
        },
        from_email=_sender(recipient),
    )


def team_request_email(*, sender: User, recipient: User) -> bool:
    """Tell her someone asked to join her team: under the bell, and by email if she chose."""
    row = notify(
        kind="team_request",
        recipient=recipient,
        actor=sender,
        email=lambda: _send(
            template="team_request",
            recipient=recipient,
            context={
                "sender_name": sender.public_name,
                "team_url": f"{settings.SITE_URL}/team/",
            },
        ),
    )
    return row is not None


def team_accepted_email(*, sender: User, accepter: User) -> bool:
    """Tell the sender her request was accepted: under the bell, and by email if she chose."""
    row = notify(
        kind="team_accepted",
        recipient=sender,
        actor=accepter,
        email=lambda: _send(
            template="team_accepted",
            recipient=sender,
            context={
                "mate_name": accepter.public_name,
                "mate_url": f"{settings.SITE_URL}{accepter.get_absolute_url()}activities/",
            },
        ),
    )
    return row is not None


def _recipient_for(comment: UpdateComment) -> tuple[User, str] | None:
    """Who hears about a comment: the parent's author for a reply, else the update's author."""
    if comment.parent_id is not None:
        parent = UpdateComment.objects.select_related("author").get(pk=comment.parent_id)
        if parent.moderation_state != ModerationState.VISIBLE:
            return None
        return parent.author, "reply"
    return comment.update.author, "comment"


def comment_notify(*, comment: UpdateComment) -> bool:
    """Tell the update's author about a visible comment, or the parent's author about a
    visible reply: once (the `notified` flag is the promise), never to its own writer, never
    across a block, never to someone who may no longer see the update. Under the bell, and by
    email if she chose. Returns whether she was told.
    """
    if comment.moderation_state != ModerationState.VISIBLE or comment.notified:
        return False
    found = _recipient_for(comment)
    if found is None:
        return False
    recipient, template = found
    if (
        recipient.pk == comment.author_id
        or not _may_email(recipient)
        or members_blocked_between(first_id=recipient.pk, second_id=comment.author_id)
        or not update_list_visible(viewer=recipient).filter(pk=comment.update_id).exists()
    ):
        return False
    if not UpdateComment.objects.filter(pk=comment.pk, notified=False).update(notified=True):
        return False
    row = notify(
        kind="comment_reply" if template == "reply" else "update_comment",
        recipient=recipient,
        actor=comment.author,
        target=comment,
        email=lambda: _send(
            template=template,
            recipient=recipient,
            context={
                "writer_name": comment.author.public_name,
                "excerpt": Truncator(comment.body).chars(EXCERPT_CHARS),
                "url": f"{settings.SITE_URL}{comment.get_absolute_url()}",
            },
        ),
    )
    return row is not None
