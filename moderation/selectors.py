"""Reads other code reuses: bio states, suspensions, a member's recent posts, author history."""

from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, DateTimeField, IntegerField, OuterRef, Q, QuerySet, Subquery
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
from .registry import BIO_LABEL, ModeratedType, moderated_types


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
        if moderated_type.private:
            continue
        recent = _posts_since(moderated_type, author=author, since=since)
        if recent is not None and recent.filter(_same_text(moderated_type, text)).exists():
            return True
    return False


def member_visible_post_count(*, author: Any, limit: int) -> int:
    """The author's visible posts of every kind, counted up to `limit`.

    One query whatever the number of kinds (a UNION ALL of their ids under one LIMIT): the
    posting forms ask it on every page a member may post from.
    """
    per_kind = [
        moderated_type.model._default_manager.filter(
            **{moderated_type.author_field: author},
            moderation_state=ModerationState.VISIBLE,
        )
        .order_by()
        .values_list("pk")
        for moderated_type in moderated_types()
        # A private message is not a post the community has seen: it earns no trust.
        if not moderated_type.private
    ]
    if not per_kind or limit <= 0:
        return 0
    first, *others = per_kind
    return len(first.union(*others, all=True)[:limit]) if others else len(first[:limit])


def _posting_facts_sql() -> str:
    """One statement for `member_posting_facts`: built once per process from the registry."""
    from django.db import connection

    quote = connection.ops.quote_name

    def author_column(moderated_type: ModeratedType) -> str:
        field: Any = moderated_type.model._meta.get_field(moderated_type.author_field)
        return quote(field.column)

    kinds = [
        f"SELECT 1 FROM {quote(t.model._meta.db_table)} WHERE "  # nosec B608 - model names, bound values
        f"{author_column(t)} = %(member)s "
        "AND moderation_state = %(visible)s"
        for t in moderated_types()
        if not t.private  # a private message earns no trust (as member_visible_post_count)
    ]
    posts = " UNION ALL ".join(kinds) or "SELECT 1 WHERE 1 = 0"
    emails = quote(EmailAddress._meta.db_table)
    sanctions = quote(MemberSanction._meta.db_table)
    return (
        f"SELECT EXISTS(SELECT 1 FROM {emails} WHERE user_id = %(member)s AND verified = %(yes)s), "  # nosec B608 - model names, bound values
        f"(SELECT MAX(ends_at) FROM {sanctions} WHERE member_id = %(member)s "
        "AND kind = %(suspension)s AND lifted_at IS NULL AND ends_at > %(now)s), "
        f"(SELECT COUNT(*) FROM ({posts} LIMIT %(limit)s) AS posts)"
    )


_posting_facts_statement: list[str] = []


def member_posting_facts(*, member: Any, limit: int) -> tuple[bool, bool, int]:
    """In one query: whether she confirmed an email, whether a suspension is in force, and her
    visible posts counted up to `limit`: what `member_has_verified_email`,
    `member_active_suspension` and `member_visible_post_count` answer, for the pages members
    read most, which ask all three."""
    from django.db import connection

    if not _posting_facts_statement:
        _posting_facts_statement.append(_posting_facts_sql())
    params = {
        "member": member.pk,
        "visible": ModerationState.VISIBLE,
        "yes": True,
        "suspension": MemberSanction.Kind.SUSPENSION,
        "now": connection.ops.adapt_datetimefield_value(timezone.now()),
        "limit": max(limit, 0),
    }
    with connection.cursor() as cursor:
        cursor.execute(_posting_facts_statement[0], params)
        verified, suspended_until, posts = cursor.fetchone()
    return bool(verified), suspended_until is not None, int(posts)


# Below this many recent decisions a median says little; the configured aim is shown instead.
REVIEW_WAIT_MIN_SAMPLES = 5
REVIEW_WAIT_SAMPLE = 200
REVIEW_WAIT_DAYS = 30
REVIEW_WAIT_CACHE_KEY = "moderation:review-wait-median:v1"


def review_wait_median_measure(*, days: int = REVIEW_WAIT_DAYS) -> timedelta | None:
    """How long held posts waited, hold to decision, in the median of recent reviews; None
    when there were fewer than REVIEW_WAIT_MIN_SAMPLES decisions in `days` days.

    One query over the last REVIEW_WAIT_SAMPLE approvals and rejections, each joined to its
    hold through the log's item index.
    """
    Action = ModerationLogEntry.Action
    held_at = (
        ModerationLogEntry.objects.filter(
            action=Action.AUTO_HOLD,
            content_type=OuterRef("content_type"),
            object_id=OuterRef("object_id"),
            created_at__lte=OuterRef("created_at"),
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    decisions = (
        ModerationLogEntry.objects.filter(
            action__in=[Action.APPROVE, Action.REJECT],
            created_at__gte=timezone.now() - timedelta(days=days),
        )
        .annotate(held_at=Subquery(held_at, output_field=DateTimeField()))
        .exclude(held_at=None)
        .order_by("-created_at")
        .values_list("created_at", "held_at")[:REVIEW_WAIT_SAMPLE]
    )
    waits = sorted(decided - held for decided, held in decisions)
    return waits[len(waits) // 2] if len(waits) >= REVIEW_WAIT_MIN_SAMPLES else None


def review_wait_median_store() -> timedelta | None:
    """Measure the median wait and keep it for the posting forms (after each decision)."""
    median = review_wait_median_measure()
    # "" for "too few to say", so a reader can tell it from a cache that lost the key.
    cache.set(REVIEW_WAIT_CACHE_KEY, median if median is not None else "", None)
    return median


def review_wait_median() -> timedelta | None:
    """The median wait kept by the last decision, or None; never a query.

    Every posting form shows it, so pages only read the copy that approvals and rejections
    store (review_wait_median_store); a cache that lost it reads as "too few to say", and the
    forms then show the configured aim, which is true either way.
    """
    kept = cache.get(REVIEW_WAIT_CACHE_KEY)
    return kept if isinstance(kept, timedelta) else None


def pending_items_q(prefix: str = "") -> Q:
    """Queue cases (at `prefix`) whose item is waiting for review now, of any kind.

    One semi-join per registered kind (and the bios' state table), so a list stays one query.
    """
    matched = Q(
        **{
            f"{prefix}kind": BIO_LABEL,
            f"{prefix}author_id__in": ProfileBioModeration.objects.filter(
                moderation_state=ModerationState.PENDING
            ).values("member_id"),
        }
    )
    for moderated_type in moderated_types():
        pending_ids = moderated_type.model._default_manager.filter(
            moderation_state=ModerationState.PENDING
        ).values("pk")
        matched |= Q(
            **{
                f"{prefix}content_type": ContentType.objects.get_for_model(moderated_type.model),
                f"{prefix}object_id__in": pending_ids,
            }
        )
    return matched


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
