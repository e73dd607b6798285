from functools import lru_cache
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


@lru_cache(maxsize=8)
def _message_url_prefix(name: str, *args: str) -> str:
    return reverse(name, args=[*args, 0]).removesuffix("0/")


@register.filter
def message_url(pk: int, action: str) -> str:
    """A message's "edit", "delete" or "report" address: up to three per message and thirty
    messages a page, so reverse() once per process, then the id (an int: nothing to quote)."""
    if action == "report":
        return f"{_message_url_prefix('moderation:report', 'message')}{int(pk)}/"
    if action == "edit":
        return f"{_message_url_prefix('conversations:message')}{int(pk)}/edit/"
    return f"{_message_url_prefix('conversations:message')}{int(pk)}/delete/"


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
