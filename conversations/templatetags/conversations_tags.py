from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from core.viewer import viewer_is_member

from ..rendering import message_html
from ..selectors import message_standing

register = template.Library()


@register.filter
def message_text(text: str) -> SafeString:
    return message_html(text)


@register.inclusion_tag("conversations/includes/message_button.html", takes_context=True)
def message_button(context: template.Context, member: Any) -> dict[str, Any]:
    """ "Message" on a profile when the viewer may write to this member, or already does (one
    query; the page it leads to explains any finer refusal, such as the new-member period)."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    if viewer is None or not viewer_is_member(viewer) or viewer.pk == member.pk:
        return {"shown": False}
    if context.get("blocked") or context.get("i_blocked"):
        return {"shown": False}
    standing = message_standing(viewer_id=viewer.pk, member_id=member.pk)
    if standing.conversation_id is None and not standing.is_mate and not standing.requests_open:
        return {"shown": False}
    return {
        "shown": True,
        "url": reverse("conversations:new", args=[member.handle]),
        "is_request": standing.conversation_id is None and not standing.is_mate,
    }
