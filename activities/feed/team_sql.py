"""The "My team" tab from PostgreSQL in time that does not grow with the site's history.

Used to rebuild a missing Redis feed and to answer the tab while Redis is away. One query
asking for "visible updates by her team, newest first" leaves PostgreSQL two bad plans: walk
every visible update newest first and keep her team's (fast for a big team, a scan of the
whole history for a small one), or gather every update her team ever wrote and sort them
(the reverse). So the candidates are read the way that is cheap for her team:

- up to SMALL_TEAM mates: per mate, her newest `limit` updates from the (author, created_at,
  id) index, merged (at most SMALL_TEAM x limit index entries, whatever the history);
- a bigger team: the newest visible updates of the whole site from the (moderation_state,
  audience, created_at, id) index, one ordered range per audience, keeping her team's; with a
  team that large, nearly every update read is kept.

The candidates (ids) are then loaded through `update_list_visible`, the visibility rule, so
what this module picks can only be narrowed, never widened. Five queries whatever her team's
size or history: her team, the candidates, the updates, the questions, her hugs.
"""

from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from accounts.models import User
from core.team_feed_registry import before_filter, team_feed_sources
from moderation.models import ModerationState

from ..models import Audience, TeamLink, Update
from ..selectors import team_mates_q, update_list_visible, updates_shown
from .sql import feed_page_sql, page_from_items
from .types import TEAM, Cursor, FeedItem, FeedPage

# The crossover, measured in benchmarks/RESULTS.md: 200 index ranges of `limit` entries cost
# about what the site-wide walk costs when 200 authors are a small share of those posting.
SMALL_TEAM = 200
# Candidates read beyond the page, for the few the visibility rule may still take away.
SLACK = 5


def _candidates(*, member_id: int, mate_ids: list[int] | None, before: Cursor | None,
                limit: int) -> list[int]:  # fmt: skip
    """Ids of the newest `limit` visible updates by her team and herself (her own pending
    ones too), older than `before`."""
    # Authors who left or were erased drop out here already, so the page stays full.
    base = Update.objects.filter(author__is_active=True, author__erased_at__isnull=True)
    own = Q(author_id=member_id, moderation_state=ModerationState.PENDING)
    ranges: list[QuerySet[Any]] = [
        before_filter(base.filter(own), before=before).order_by("-created_at", "-id")
    ]
    visible = base.filter(moderation_state=ModerationState.VISIBLE)
    if mate_ids is not None:
        for author_id in [*mate_ids, member_id]:
            ranges.append(before_filter(visible.filter(author_id=author_id), before=before))
    else:
        team = Q(author_id__in=team_mates_q(member_id=member_id)) | Q(author_id=member_id)
        for audience in Audience.values:
            ranges.append(before_filter(visible.filter(team, audience=audience), before=before))
    sliced = [
        qs.order_by("-created_at", "-id").values_list("id", "created_at")[:limit] for qs in ranges
    ]
    merged = sliced[0].union(*sliced[1:], all=True).order_by("-created_at", "-id")[:limit]
    return [pk for pk, _ in merged]


def team_page_sql(*, viewer: User, before: Cursor | None, size: int) -> FeedPage:
    """One "My team" page from SQL, newest first, keyset-paginated like every feed page."""
    if not connection.features.supports_slicing_ordering_in_compound:
        # SQLite (the embedded default, a small site) cannot merge sliced ranges: one query.
        return feed_page_sql(viewer=viewer, tab=TEAM, before=before, size=size)
    mate_ids = list(
        TeamLink.objects.filter(member_id=viewer.pk).values_list("mate_id", flat=True)[
            : SMALL_TEAM + 1
        ]
    )
    small = mate_ids if len(mate_ids) <= SMALL_TEAM else None
    ids = _candidates(member_id=viewer.pk, mate_ids=small, before=before, limit=size + SLACK)
    updates = updates_shown(update_list_visible(viewer=viewer)).filter(pk__in=ids)
    items = [FeedItem(kind="update", created_at=u.created_at, pk=u.pk, post=u) for u in updates]
    for source in team_feed_sources():
        authors: Any = small if small is not None else team_mates_q(member_id=viewer.pk)
        posts = source.recent(author_ids=authors, before=before, limit=size + 1)
        items.extend(
            FeedItem(kind=source.name, created_at=p.created_at, pk=p.pk, post=p,
                     template=source.template)
            for p in posts
        )  # fmt: skip
    return page_from_items(viewer=viewer, tab=TEAM, items=items, size=size)
