"""Team controls and the team count on a member's profile (accounts' page, activities' data)."""

from typing import Any

from django import template

from accounts.blocks import members_blocked_between
from core.viewer import viewer_is_member

from ..selectors import team_standing, team_suggestions

register = template.Library()


@register.inclusion_tag("activities/includes/team_controls.html", takes_context=True)
def team_controls(context: template.Context, member: Any) -> dict[str, Any]:
    """Ask / accept / remove buttons and the team count she lets this viewer see."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    if viewer is None or not viewer_is_member(viewer):
        return {"shown": False}
    # Pages that already know (the profile view) pass `blocked`; others ask once.
    blocked = context.get("blocked")
    if blocked is None:
        blocked = member.pk != viewer.pk and members_blocked_between(
            first_id=member.pk, second_id=viewer.pk
        )
    if blocked:
        return {"shown": False}
    # The Activities page already asked (it shows the count): reuse it for the same member.
    known = context.get("team_standing")
    standing = (
        known[1]
        if known is not None and known[0] == member.pk
        else team_standing(member=member, viewer=viewer)
    )
    return {
        "shown": True,
        "member": member,
        "relation": standing.relation,
        "team_count": standing.team_count,
        "csrf_token": context.get("csrf_token"),
        "next_url": request.path if request is not None else "",
    }


@register.inclusion_tag("activities/includes/members_like_me.html", takes_context=True)
def members_like_me(context: template.Context, limit: int = 3) -> dict[str, Any]:
    """A few members like the viewer with "Add to my team" (for the welcome flow and home):
    the team page's suggestions, so the same privacy rule holds (three or four queries)."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    if viewer is None or not viewer_is_member(viewer):
        return {"suggestions": []}
    return {
        "suggestions": team_suggestions(member=viewer, limit=limit),
        "user": viewer,  # the avatar tag asks who is looking
        "csrf_token": context.get("csrf_token"),
        "next_url": request.get_full_path() if request is not None else "",
    }
