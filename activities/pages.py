"""What a member's Activities page shows to one viewer: a fixed number of queries whatever
her history (one for her updates, one per registered source when she shares her posts, one
for the viewer's hugs, one for her team count and standing, shared with the team controls)."""

from typing import Any

from accounts.blocks import members_blocked_between
from accounts.models import User
from accounts.selectors import member_profile_get
from core.team_feed_registry import before_filter, team_feed_sources

from .feed.sql import page_from_items
from .feed.types import FeedItem, cursor_parse
from .selectors import team_standing, update_list_for_author

RECENT_POSTS = 5


def member_activities_context(
    *, viewer: User, handle: str, before: str | None, size: int
) -> dict[str, Any] | None:
    """The page's context, or None when the viewer may not see it (missing member, visitor,
    or a block between the two: the same answer as a missing member)."""
    member = member_profile_get(handle=handle, viewer=viewer)
    if member is None:
        return None
    is_owner = member.pk == viewer.pk
    if not is_owner and members_blocked_between(first_id=member.pk, second_id=viewer.pk):
        return None
    cursor = cursor_parse(before)
    updates = before_filter(update_list_for_author(author=member, viewer=viewer), before=cursor)
    items = [
        FeedItem(kind="update", created_at=u.created_at, pk=u.pk, post=u)
        for u in updates[: size + 1]
    ]
    page = page_from_items(viewer=viewer, tab="member", items=items, size=size)
    posts: list[Any] = []
    if cursor is None and member.profile.show_posts_on_activities:
        for source in team_feed_sources(team_feed_only=False):
            rows = source.recent(author_ids=[member.pk], before=None, limit=RECENT_POSTS)
            posts.extend(
                FeedItem(
                    kind=source.name,
                    created_at=p.created_at,
                    pk=p.pk,
                    post=p,
                    template=source.template,
                )
                for p in rows
            )
        posts.sort(key=lambda item: (item.created_at, item.pk), reverse=True)
    standing = team_standing(member=member, viewer=viewer)
    return {
        "member": member,
        "is_owner": is_owner,
        "page": page,
        "posts": posts[:RECENT_POSTS],
        "team_count": standing.team_count,
        # (member id, standing): the team controls tag reuses it instead of asking again.
        "team_standing": (member.pk, standing),
        # The team controls below the heading: a block was ruled out above.
        "blocked": False,
    }
