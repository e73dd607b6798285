"""Reads of the activities app. `update_list_visible` is THE rule for who may see an update:
every page, the feed, search and emails start from it, so no route can forget a part of it.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.blocks import blocked_either_way_q
from accounts.models import TeamCountVisibility, User
from accounts.similarity import (
    SHARED_FACT_COUNT,
    facts_shared_with,
    member_facts_of,
    members_ranked_by_shared_facts,
)
from core.viewer import Viewer, viewer_is_member
from moderation.context_notes import with_context_notes
from moderation.models import ModerationState

from .models import Audience, TeamLink, TeamRequest, Update, UpdateComment, UpdateHug


def update_list_visible(*, viewer: Viewer | None) -> QuerySet[Update]:
    """Updates this viewer may see: visible (or her own pending); for all members, or for a
    team she is on (or her own); neither has blocked the other; the author active, not erased.
    Visitors get none. Unordered beyond the model's default; lazy, so callers add filters.
    """
    if viewer is None or not viewer_is_member(viewer):
        return Update.objects.none()
    viewer_id = viewer.pk
    on_her_team = TeamLink.objects.filter(member_id=viewer_id, mate_id=OuterRef("author_id"))
    return (
        Update.objects.filter(
            Q(moderation_state=ModerationState.VISIBLE)
            | Q(moderation_state=ModerationState.PENDING, author_id=viewer_id)
        )
        .filter(Q(audience=Audience.MEMBERS) | Q(author_id=viewer_id) | Exists(on_her_team))
        .filter(author__is_active=True, author__erased_at__isnull=True)
        .exclude(blocked_either_way_q(viewer_id=viewer_id, author_path="author_id"))
    )


def updates_shown(queryset: QuerySet[Update]) -> QuerySet[Update]:
    """The updates a page renders: each with its author and her profile (the face beside it)
    and the moderators' context note (a subquery), all in the one query the page runs."""
    return with_context_notes(queryset.select_related("author", "author__profile"))


def update_get_visible(*, viewer: Viewer | None, pk: int) -> Update | None:
    """One update with its author, or None when it is missing or not hers to see."""
    return updates_shown(update_list_visible(viewer=viewer)).filter(pk=pk).first()


def update_comments_visible(*, update: Update, viewer: Viewer) -> list[UpdateComment]:
    """The thread under an update the viewer may see: visible comments (and her own pending),
    replies grouped under their comment, none by or to a member she blocked or who blocked her.
    One query whatever the thread's length; each top-level comment gets `shown_replies`.
    """
    if not viewer_is_member(viewer):
        return []
    shown = Q(moderation_state=ModerationState.VISIBLE) | Q(
        moderation_state=ModerationState.PENDING, author_id=viewer.pk
    )
    placeholder = Q(moderation_state=ModerationState.REMOVED, parent__isnull=True)
    rows = list(
        with_context_notes(UpdateComment.objects.filter(update=update))
        .filter(shown | placeholder)
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
        .select_related("author", "author__profile")
    )
    return _thread(rows=rows)


def _thread(*, rows: list[UpdateComment]) -> list[UpdateComment]:
    rows.sort(key=lambda row: (row.created_at, row.pk))
    replies: dict[int, list[UpdateComment]] = {}
    for row in rows:
        if row.parent_id is not None:
            replies.setdefault(row.parent_id, []).append(row)
    top = []
    for row in rows:
        if row.parent_id is not None:
            continue
        row.shown_replies = replies.get(row.pk, [])  # type: ignore[attr-defined]
        # A removed comment stays only as the placeholder its replies hang from.
        if row.moderation_state == ModerationState.REMOVED and not row.shown_replies:  # type: ignore[attr-defined]
            continue
        top.append(row)
    return top


def update_hugged_ids(*, viewer: Viewer, update_ids: list[int]) -> set[int]:
    """Which of these updates the viewer has hugged (one query)."""
    if not viewer_is_member(viewer) or not update_ids:
        return set()
    return set(
        UpdateHug.objects.filter(member_id=viewer.pk, update_id__in=update_ids).values_list(
            "update_id", flat=True
        )
    )


def team_mate_ids(*, member: Viewer) -> list[int]:
    """Ids of the members on her team (mutual, so also those who have her on theirs)."""
    if not viewer_is_member(member):
        return []
    return list(TeamLink.objects.filter(member_id=member.pk).values_list("mate_id", flat=True))


def team_mates_q(*, member_id: int) -> QuerySet[Any]:
    """Her team mates' ids as a subquery (no round trip whatever the team's size)."""
    return TeamLink.objects.filter(member_id=member_id).values("mate_id")


def team_are_mates(*, member_id: int, other_id: int) -> bool:
    return TeamLink.objects.filter(member_id=member_id, mate_id=other_id).exists()


def team_list(*, member: User) -> QuerySet[User]:
    """Her team, active members only, most recently joined first."""
    return (
        User.objects.filter(
            is_active=True,
            erased_at__isnull=True,
            team_links_in__member=member,
        )
        .select_related("profile")
        .order_by("-team_links_in__created_at", "-pk")
    )


def team_count_of(*, member: User) -> int:
    return TeamLink.objects.filter(
        member=member, mate__is_active=True, mate__erased_at__isnull=True
    ).count()


def team_requests_incoming(*, member: User) -> QuerySet[TeamRequest]:
    """Requests waiting for her answer, from members who may still ask her."""
    return (
        TeamRequest.objects.filter(recipient=member, state=TeamRequest.State.PENDING)
        .filter(sender__is_active=True, sender__erased_at__isnull=True)
        .exclude(blocked_either_way_q(viewer_id=member.pk, author_path="sender_id"))
        .select_related("sender", "sender__profile")  # the face on the request
    )


def team_requests_outgoing(*, member: User) -> QuerySet[TeamRequest]:
    """Her requests not yet accepted. Ignored ones look pending to her: ignoring is silent."""
    return (
        TeamRequest.objects.filter(sender=member)
        .filter(recipient__is_active=True, recipient__erased_at__isnull=True)
        .exclude(blocked_either_way_q(viewer_id=member.pk, author_path="recipient_id"))
        .select_related("recipient")
    )


def update_list_for_author(*, author: User, viewer: Viewer) -> QuerySet[Update]:
    """Her updates this viewer may see, newest first (her Activities page)."""
    return updates_shown(update_list_visible(viewer=viewer).filter(author=author)).order_by(
        "-created_at", "-id"
    )


def update_comment_get_visible(*, viewer: Viewer | None, pk: int) -> UpdateComment | None:
    """One comment the viewer may see (its update visible to her, no block with its author)."""
    if viewer is None or not viewer_is_member(viewer):
        return None
    return (
        UpdateComment.objects.filter(
            pk=pk,
            moderation_state=ModerationState.VISIBLE,
            update__in=update_list_visible(viewer=viewer).order_by().values("pk"),
        )
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
        .select_related("update", "author")
        .first()
    )


@dataclass(frozen=True)
class TeamStanding:
    """Where the viewer stands with her, and her team's size if she lets the viewer see it.

    relation: "self", "mate", "asked" (the viewer asked her), "asked_me" (she asked the
    viewer, still waiting) or "" (nothing yet).
    """

    relation: str
    team_count: int | None


def team_standing(*, member: User, viewer: Viewer) -> TeamStanding:
    """One query: the relation and the team count (her profile must be loaded)."""
    if not viewer_is_member(viewer):
        return TeamStanding(relation="", team_count=None)
    mates = TeamLink.objects.filter(
        member_id=OuterRef("pk"), mate__is_active=True, mate__erased_at__isnull=True
    )
    row = (
        User.objects.filter(pk=member.pk)
        .annotate(
            is_mate=Exists(TeamLink.objects.filter(member_id=viewer.pk, mate_id=OuterRef("pk"))),
            asked=Exists(
                TeamRequest.objects.filter(sender_id=viewer.pk, recipient_id=OuterRef("pk"))
            ),
            asked_me=Exists(
                TeamRequest.objects.filter(
                    sender_id=OuterRef("pk"),
                    recipient_id=viewer.pk,
                    state=TeamRequest.State.PENDING,
                )
            ),
            mate_count=Coalesce(
                Subquery(mates.order_by().values("member_id").annotate(n=Count("id")).values("n")),
                Value(0),
            ),
        )
        .values("is_mate", "asked", "asked_me", "mate_count")
        .get()
    )
    if member.pk == viewer.pk:
        relation = "self"
    elif row["is_mate"]:
        relation = "mate"
    elif row["asked"]:
        relation = "asked"
    elif row["asked_me"]:
        relation = "asked_me"
    else:
        relation = ""
    choice = member.profile.team_count_visibility
    shown = (
        relation == "self"
        or choice == TeamCountVisibility.MEMBERS
        or (choice == TeamCountVisibility.TEAM and relation == "mate")
    )
    return TeamStanding(relation=relation, team_count=int(row["mate_count"]) if shown else None)


TEAM_PAGE_SIZE = 48
SUGGESTIONS = 6


def team_suggestions(*, member: User, limit: int = SUGGESTIONS) -> list[User]:
    """Members like her, most shared facts first (only facts they share with members count),
    leaving out her team, anyone with a request either way, and blocks either way. Each member
    carries `shared_facts`, the readable facts they share with her. Four queries at most.
    """

    facts = member_facts_of(member=member)
    if facts.empty:
        return []
    candidates = (
        User.objects.exclude(pk__in=team_mates_q(member_id=member.pk))
        .exclude(pk__in=TeamRequest.objects.filter(sender=member).values("recipient_id"))
        .exclude(pk__in=TeamRequest.objects.filter(recipient=member).values("sender_id"))
        .exclude(blocked_either_way_q(viewer_id=member.pk, author_path="pk"))
    )
    ranked = (
        members_ranked_by_shared_facts(viewer=member, candidates=candidates)
        .filter(**{f"{SHARED_FACT_COUNT}__gt": 0})
        .select_related("profile")
        .prefetch_related("profile__current_treatments", "profile__past_treatments")[:limit]
    )
    shown = []
    for other in ranked:
        other.shared_facts = facts_shared_with(facts=facts, profile=other.profile)  # type: ignore[attr-defined]
        shown.append(other)
    return shown
