"""@mentions: who a post mentions, told only when she may see the post, and the members a
writer may mention (the autocomplete)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

from accounts.blocks import blocked_either_way_q
from accounts.models import User
from core.markdown import mention_handles

from .models import Notification
from .registry import target_loader
from .services import notify

# A post that names more members than this is a roll call, not a conversation: the first
# ones are told, and each costs one visibility query, so a post costs a bounded amount.
MAX_MENTIONS_TOLD = 10
SUGGESTIONS = 8


def mentions_notify(
    *, kind: str, text: str, author: User, target: models.Model, anonymous: bool = False
) -> int:
    """Tell each member `text` mentions, once per post, when she may see `target` now (the
    target's own visibility rule: a team-only update tells only its team; a pending post
    nobody yet, so call this again when it is published). Never the writer, never across a
    block (notify refuses), never naming an anonymous writer. Returns how many were told."""
    handles = mention_handles(text)[: MAX_MENTIONS_TOLD * 2]
    if not handles:
        return 0
    ct = ContentType.objects.get_for_model(target)
    loader = target_loader(ct)
    if loader is None:
        return 0
    already = Notification.objects.filter(kind=kind, target_type=ct, target_id=target.pk).values(
        "recipient_id"
    )
    members = list(
        User.objects.filter(handle__in=handles, is_active=True, erased_at__isnull=True)
        .exclude(pk=author.pk)
        .exclude(pk__in=already)[:MAX_MENTIONS_TOLD]
    )
    told = 0
    for member in members:
        if target.pk in loader(member, [target.pk]):
            told += (
                notify(
                    kind=kind, recipient=member, actor=author, target=target, anonymous=anonymous
                )
                is not None
            )
    return told


def mention_candidates(*, writer: User, query: str) -> QuerySet[User]:
    """Members she may mention whose name or handle starts with `query`: active, not erased,
    no block either way; at most a handful, by name."""
    query = query.strip().lstrip("@")[:40]
    if len(query) < 2:
        return User.objects.none()
    return (
        User.objects.filter(is_active=True, erased_at__isnull=True)
        .filter(Q(handle__istartswith=query) | Q(display_name__istartswith=query))
        .exclude(pk=writer.pk)
        .exclude(blocked_either_way_q(viewer_id=writer.pk, author_path="pk"))
        .only("pk", "handle", "display_name")
        .order_by("display_name", "pk")[:SUGGESTIONS]
    )
