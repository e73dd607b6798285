"""Admin-only tags: the count of posts waiting for review on the admin index."""

from typing import Any

from django import template
from django.db.models import Count, Min
from django.urls import reverse
from django.utils.timesince import timesince

from core.viewer import viewer_is_moderator

from ..models import ModerationCase
from ..selectors import pending_items_q

register = template.Library()


@register.inclusion_tag("admin/moderation/includes/waiting_summary.html", takes_context=True)
def moderation_waiting_summary(context: template.Context) -> dict[str, Any]:
    """How many posts wait for review and for how long the oldest has (moderators only; one
    query)."""
    request = context.get("request")
    if request is None or not viewer_is_moderator(request.user):
        return {"show": False}
    waiting = (
        ModerationCase.objects.filter(status=ModerationCase.Status.OPEN)
        .filter(pending_items_q())
        .aggregate(count=Count("pk"), oldest=Min("opened_at"))
    )
    return {
        "show": True,
        "count": waiting["count"],
        "oldest": timesince(waiting["oldest"]) if waiting["oldest"] else "",
        "url": reverse("admin:moderation_waitingforreview_changelist"),
    }
