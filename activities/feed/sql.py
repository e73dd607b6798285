"""The feed straight from SQL: the embedded default, and the fallback when Redis is away.

A page costs a fixed number of queries whatever the team's size or history: one for updates,
one per registered team-feed source (the forum's questions) on the "My team" tab, and one for
her hugs. Team membership is a subquery, never a list of ids sent back and forth.
"""

from typing import Any

from django.db.models import Q

from accounts.models import User
from core.team_feed_registry import before_filter, team_feed_sources

from ..models import Audience
from ..selectors import team_mates_q, update_hugged_ids, update_list_visible, updates_shown
from .types import TEAM, Cursor, FeedItem, FeedPage, cursor_format


def feed_page_sql(*, viewer: User, tab: str, before: Cursor | None, size: int) -> FeedPage:
    """One page of the feed, newest first, keyset-paginated on (created_at, id)."""
    updates = updates_shown(update_list_visible(viewer=viewer))
    if tab == TEAM:
        updates = updates.filter(
            Q(author_id__in=team_mates_q(member_id=viewer.pk)) | Q(author_id=viewer.pk)
        )
    else:
        updates = updates.filter(audience=Audience.MEMBERS)
    rows = list(before_filter(updates, before=before).order_by("-created_at", "-id")[: size + 1])
    items = [FeedItem(kind="update", created_at=u.created_at, pk=u.pk, post=u) for u in rows]
    if tab == TEAM:
        for source in team_feed_sources():
            posts = source.recent(
                author_ids=team_mates_q(member_id=viewer.pk), before=before, limit=size + 1
            )
            items.extend(
                FeedItem(
                    kind=source.name,
                    created_at=p.created_at,
                    pk=p.pk,
                    post=p,
                    template=source.template,
                )
                for p in posts
            )
    return page_from_items(viewer=viewer, tab=tab, items=items, size=size)


def page_from_items(*, viewer: User, tab: str, items: list[FeedItem], size: int) -> FeedPage:
    """Newest `size` items, her hug state on the updates among them, and the next cursor."""
    items.sort(key=lambda item: (item.created_at, item.kind == "update", item.pk), reverse=True)
    shown, more = items[:size], len(items) > size
    hugged = update_hugged_ids(
        viewer=viewer, update_ids=[item.pk for item in shown if item.kind == "update"]
    )
    for item in shown:
        item.hugged = item.kind == "update" and item.pk in hugged
    last: Any = shown[-1] if shown else None
    next_cursor = cursor_format(last.created_at, last.pk) if more and last is not None else None
    return FeedPage(tab=tab, items=shown, next_cursor=next_cursor)
