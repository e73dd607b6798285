"""The bell for the header and her preferences section for the settings page: pages of lower
apps show them through these tags, so nothing below imports notifications."""

from typing import Any

from django import template

from ..forms import PreferencesForm
from ..preferences import channels_for, email_paused

register = template.Library()


@register.inclusion_tag("notifications/includes/bell.html", takes_context=True)
def notification_bell(context: template.Context) -> dict[str, Any]:
    """The bell with her unread count: a column of the user row already loaded, no query."""
    return {"user": context["user"], "request": context.get("request")}


@register.inclusion_tag("notifications/includes/preferences.html", takes_context=True)
def notification_preferences(context: template.Context) -> dict[str, Any]:
    member = context["user"]
    channels = channels_for(member_id=member.pk)
    initial: dict[str, Any] = {f"channel_{key}": value for key, value in channels.items()}
    paused = email_paused(member_id=member.pk)
    initial["pause_email"] = paused
    request = context.get("request")
    return {
        "form": PreferencesForm(initial=initial),
        "csrf_token": context.get("csrf_token"),
        "paused": paused,
        "open": request is not None and request.GET.get("section") == "notifications",
    }
