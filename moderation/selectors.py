"""Reads other code reuses: bio states, suspensions, a member's recent posts, author history."""

from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from .anonymity import anonymous_cases_q, anonymous_items_q
from .models import (
    MemberSanction,
    ModerationLogEntry,
    ModerationState,
    ProfileBioModeration,
    Report,
)
from .registry import ModeratedType, moderated_types


def bio_withheld_member_ids(*, member_ids: list[int]) -> set[int]:
    """Which of these members' bios are hidden or pending (one query for a whole page)."""
    if not member_ids:
        return set()
    return set(
        ProfileBioModeration.objects.filter(
            member_id__in=member_ids,
            moderation_state__in=[ModerationState.HIDDEN, ModerationState.PENDING],
        ).values_list("member_id", flat=True)
    )


def member_active_suspension(*, member: Any) -> MemberSanction | None:
    """The suspension in force for this member now, if any (one indexed query)."""
    return (
        MemberSanction.objects.filter(
            member_id=member.pk,
            kind=MemberSanction.Kind.SUSPENSION,
            lifted_at__isnull=True,
            ends_at__gt=timezone.now(),
        )
        .order_by("-ends_at")
        .first()
    )


def member_has_verified_email(*, member: Any) -> bool:
    """Whether the member confirmed an email address (allauth's record; one query)."""
    return EmailAddress.objects.filter(user=member, verified=True).exists()


def _posts_since(
    moderated_type: ModeratedType, *, author: Any, since: datetime
) -> QuerySet[Any] | None:
    """The author's posts of one kind since `since`; None for a model without a created field."""
    fields = {f.name for f in moderated_type.model._meta.get_fields()}
    if moderated_type.created_field not in fields:
        return None
    return moderated_type.model._default_manager.filter(
        **{
            moderated_type.author_field: author,
            f"{moderated_type.created_field}__gte": since,
        }
    )


def member_post_count_since(*, author: Any, labels: list[str], since: datetime) -> int:
    """How many posts of these kinds the author wrote since `since`.

    One COUNT per content model over its (author, created_at) index: cheap and bounded.
    """
    posted = 0
    for moderated_type in moderated_types():
        if moderated_type.label not in labels:
            continue
        recent = _posts_since(moderated_type, author=author, since=since)
        if recent is not None:
            posted += recent.count()
    return posted


def _same_text(moderated_type: ModeratedType, cleaned: str) -> Q:
    """Match the stored text; questions are checked as "title\nbody", as the forum passes them."""
    same = Q(**{moderated_type.text_field: cleaned})
    fields = {f.name for f in moderated_type.model._meta.get_fields()}
    if "title" in fields and "\n" in cleaned:
        title, body = cleaned.split("\n", 1)
        same |= Q(title=title.strip(), **{moderated_type.text_field: body.strip()})
    return same


def member_posted_text_since(*, author: Any, text: str, since: datetime) -> bool:
    """Whether the author posted exactly this (stripped) text, of any kind, since `since`."""
    for moderated_type in moderated_types():
        recent = _posts_since(moderated_type, author=author, since=since)
        if recent is not None and recent.filter(_same_text(moderated_type, text)).exists():
            return True
    return False


def member_visible_post_count(*, author: Any, limit: int) -> int:
    """The author's visible posts of every kind, counted up to `limit` (stops early)."""
    total = 0
    for moderated_type in moderated_types():
        total += moderated_type.model._default_manager.filter(
            **{moderated_type.author_field: author},
            moderation_state=ModerationState.VISIBLE,
        )[:limit].count()
        if total >= limit:
            break
    return total


def _count(queryset: QuerySet[Any], column: str) -> Coalesce:
    """A correlated COUNT(*) subquery, so list pages stay one query whatever the size."""
    counted = queryset.values(column).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def author_history_annotations(author_ref: str) -> dict[str, Any]:
    """Previous reports, hidden posts and warnings of the author at `author_ref`.

    Her anonymous posts are left out: a count that moved when one was reported or hidden
    would tell a moderator who wrote it.
    """
    return {
        "author_reports": _count(
            Report.objects.filter(case__author=OuterRef(author_ref)).exclude(
                anonymous_cases_q("case__")
            ),
            "case__author",
        ),
        "author_hidden": _count(
            ModerationLogEntry.objects.filter(
                member=OuterRef(author_ref),
                action__in=[ModerationLogEntry.Action.HIDE, ModerationLogEntry.Action.REJECT],
            ).exclude(anonymous_items_q()),
            "member",
        ),
        "author_warnings": _count(
            MemberSanction.objects.filter(
                member=OuterRef(author_ref), kind=MemberSanction.Kind.WARNING
            ),
            "member",
        ),
    }
