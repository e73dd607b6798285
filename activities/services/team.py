"""Writes on teams: ask, accept, ignore, withdraw, remove; and what a block does to a team.

A team is mutual: accepting a request writes two TeamLink rows, one per direction, so "her
team" and "who has her on theirs" are both one index range. Ignoring is silent: the sender's
request keeps looking pending to her, and a new request to the same member changes nothing.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.blocks import members_blocked_between
from accounts.models import User

from .. import feed
from ..models import TeamLink, TeamRequest
from .emails import team_accepted_email, team_request_email
from .updates import posting_check

# Enough for a member who is building her team on her first evening, few enough that nobody
# can ask the whole directory.
MAX_REQUESTS_PER_DAY = 30


def _team_changed_after_commit(*, member_id: int, mate_id: int) -> None:
    transaction.on_commit(lambda: feed.feed_team_changed(member_id=member_id, mate_id=mate_id))


def _link(member: User, mate: User) -> None:
    now = timezone.now()
    for one, other in ((member, mate), (mate, member)):
        try:
            with transaction.atomic():
                TeamLink.objects.create(member=one, mate=other, created_at=now)
        except IntegrityError:
            pass  # the other half of a double click, or already linked: one link either way
    TeamRequest.objects.filter(
        Q(sender=member, recipient=mate) | Q(sender=mate, recipient=member)
    ).delete()
    _team_changed_after_commit(member_id=member.pk, mate_id=mate.pk)


@transaction.atomic
def team_request_send(*, sender: User, recipient: User) -> TeamRequest | None:
    """Ask her to join your team. Returns the request, or None when nothing is waiting for her:
    already mates, she had asked you too (you are mates now), or a block stands between you
    (the sender is not told). Emails her once, unless she turned team emails off.
    """
    posting_check(sender)
    if sender.pk == recipient.pk:
        raise ValidationError("You are always on your own side; pick another member.")
    if not recipient.is_active or recipient.erased_at is not None:
        raise ValidationError("This member is no longer here.")
    if TeamLink.objects.filter(member=sender, mate=recipient).exists():
        return None
    if members_blocked_between(first_id=sender.pk, second_id=recipient.pk):
        return None
    # Her own request to him, waiting or set aside: asking him back is saying yes to it.
    theirs = TeamRequest.objects.filter(sender=recipient, recipient=sender).first()
    if theirs is not None:
        _link(sender, recipient)
        team_accepted_email(sender=recipient, accepter=sender)
        return None
    day_ago = timezone.now() - timedelta(days=1)
    if TeamRequest.objects.filter(sender=sender, created_at__gte=day_ago).count() >= (
        MAX_REQUESTS_PER_DAY
    ):
        raise ValidationError(
            "You have sent a lot of team requests today. Give people a little time to answer, "
            "and try again tomorrow."
        )
    try:
        with transaction.atomic():
            request = TeamRequest.objects.create(sender=sender, recipient=recipient)
    except IntegrityError:  # asked before (maybe ignored): silently the same request
        return TeamRequest.objects.get(sender=sender, recipient=recipient)
    team_request_email(sender=sender, recipient=recipient)
    return request


def _request_for(*, recipient: User, request_id: int) -> TeamRequest:
    request = (
        TeamRequest.objects.select_related("sender")
        .filter(pk=request_id, recipient=recipient)
        .first()
    )
    if request is None:
        raise PermissionDenied("This request is no longer waiting for you.")
    return request


@transaction.atomic
def team_request_accept(*, recipient: User, request_id: int) -> User:
    """Accept a request sent to her (pending or ignored earlier): both are now on each other's
    team; the sender hears about it. Returns the new team mate."""
    request = _request_for(recipient=recipient, request_id=request_id)
    sender = request.sender
    if (
        not sender.is_active
        or sender.erased_at is not None
        or members_blocked_between(first_id=sender.pk, second_id=recipient.pk)
    ):
        request.delete()
        raise PermissionDenied("This request is no longer waiting for you.")
    _link(recipient, sender)
    team_accepted_email(sender=sender, accepter=recipient)
    return sender


@transaction.atomic
def team_request_ignore(*, recipient: User, request_id: int) -> None:
    """Put a request aside without a word to its sender (it leaves her list, not his)."""
    request = _request_for(recipient=recipient, request_id=request_id)
    TeamRequest.objects.filter(pk=request.pk).update(state=TeamRequest.State.IGNORED)


@transaction.atomic
def team_request_withdraw(*, sender: User, request_id: int) -> bool:
    """Take back a request she sent; returns whether there was one."""
    deleted, _ = TeamRequest.objects.filter(pk=request_id, sender=sender).delete()
    return bool(deleted)


@transaction.atomic
def team_remove(*, member: User, mate: User) -> bool:
    """Take someone off her team, both directions at once; he is not told. Idempotent."""
    deleted, _ = TeamLink.objects.filter(
        Q(member=member, mate=mate) | Q(member=mate, mate=member)
    ).delete()
    if deleted:
        _team_changed_after_commit(member_id=member.pk, mate_id=mate.pk)
    return bool(deleted)


def team_block_changed(*, blocker_id: int, blocked_id: int, blocked: bool) -> None:
    """accounts.blocks listener: a block ends the team and any request between the two; the
    feeds of both forget each other (undoing the block brings neither back)."""
    if blocked:
        pair = Q(member_id=blocker_id, mate_id=blocked_id) | Q(
            member_id=blocked_id, mate_id=blocker_id
        )
        TeamLink.objects.filter(pair).delete()
        TeamRequest.objects.filter(
            Q(sender_id=blocker_id, recipient_id=blocked_id)
            | Q(sender_id=blocked_id, recipient_id=blocker_id)
        ).delete()
    transaction.on_commit(
        lambda: feed.feed_block_changed(blocker_id=blocker_id, blocked_id=blocked_id)
    )
