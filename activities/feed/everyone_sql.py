"""The "Everyone" tab: updates shared with all members, newest first, straight from SQL.

No Redis here, by choice: the tab is the same list for everyone but the few members each one
has blocked, so a global sorted set would only copy an index PostgreSQL already keeps,
(moderation_state, audience, created_at, id), and still need the same filtering per reader.
A page walks that index newest first from the cursor and stops after `size` rows, skipping
authors she blocked (or who blocked her) and authors gone, so its cost follows the page, not
the history (benchmarks/RESULTS.md). Her own updates still waiting for review join from the
(author, created_at, id) index. The rows are then loaded through `update_list_visible`, so
the visibility rule has the last word. Four queries: the ids, the updates, her hugs, and
nothing else whatever the site's size.
"""

from django.db import connection

from accounts.blocks import blocked_either_way_q
from accounts.models import User
from core.team_feed_registry import before_filter
from moderation.models import ModerationState

from ..models import Audience, Update
from ..selectors import update_list_visible, updates_shown
from .sql import feed_page_sql, page_from_items
from .types import EVERYONE, Cursor, FeedItem, FeedPage

# Rows read beyond the page, for the few the visibility rule may still take away.
SLACK = 5


def everyone_page_sql(*, viewer: User, before: Cursor | None, size: int) -> FeedPage:
    """One "Everyone" page, newest first, keyset-paginated on (created_at, id)."""
    if not connection.features.supports_slicing_ordering_in_compound:
        # SQLite (the embedded default, a small site) cannot merge sliced ranges: one query.
        return feed_page_sql(viewer=viewer, tab=EVERYONE, before=before, size=size)
    limit = size + SLACK
    shared = (
        Update.objects.filter(
            moderation_state=ModerationState.VISIBLE,
            audience=Audience.MEMBERS,
            author__is_active=True,
            author__erased_at__isnull=True,
        )
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
    )  # fmt: skip
    own_pending = Update.objects.filter(
        author_id=viewer.pk, moderation_state=ModerationState.PENDING, audience=Audience.MEMBERS
    )
    ranges = [
        before_filter(qs, before=before)
        .order_by("-created_at", "-id")
        .values_list("id", "created_at")[:limit]
        for qs in (shared, own_pending)
    ]
    merged = ranges[0].union(ranges[1], all=True).order_by("-created_at", "-id")[:limit]
    ids = [pk for pk, _ in merged]
    updates = updates_shown(update_list_visible(viewer=viewer)).filter(pk__in=ids)
    items = [FeedItem(kind="update", created_at=u.created_at, pk=u.pk, post=u) for u in updates]
    return page_from_items(viewer=viewer, tab=EVERYONE, items=items, size=size)
