from typing import Any

from django import template
from django.urls import reverse

from ..items import item_kind
from ..policy import mentions_self_harm as _mentions_self_harm
from ..selectors import viewer_is_moderator

register = template.Library()


@register.inclusion_tag("moderation/includes/report_button.html", takes_context=True)
def report_button(context: template.Context, item: Any) -> dict[str, Any]:
    """A "Report" link (members only, never on their own posts); htmx loads the form inline."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = item_kind(item)
    author_id = item.pk if kind == "profile" else getattr(item, "author_id", None)
    show = bool(user is not None and user.is_authenticated and author_id != user.pk)
    return {
        "show": show,
        "url": reverse("moderation:report", kwargs={"kind": kind, "pk": item.pk}) if show else "",
        "target_id": f"report-{kind}-{item.pk}",
        "kind": kind,
    }


@register.filter
def mentions_self_harm(text: str) -> bool:
    return _mentions_self_harm(str(text or ""))


@register.simple_tag(takes_context=True)
def is_moderator(context: template.Context) -> bool:
    request = context.get("request")
    return request is not None and viewer_is_moderator(viewer=request.user)


@register.inclusion_tag("moderation/includes/state_badge.html")
def moderation_badge(item: Any) -> dict[str, Any]:
    """For moderators' eyes: marks hidden or pending content."""
    state = getattr(item, "moderation_state", "visible")
    return {"state": state, "label": getattr(item, "get_moderation_state_display", lambda: state)()}
