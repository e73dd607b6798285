"""`{% newsletter_box %}` (the sign-up box) and `{% newsletter_member_settings %}`."""

from typing import Any

from django import template

from ..models import Subscriber
from ..selectors import member_subscription_state, subscriber_for_member
from ..services import subscriber_link

register = template.Library()

# Log in, sign up, password and settings pages (the URL contract's /accounts/…): a member there
# is busy with her account, and the settings page has its own newsletter section.
ACCOUNT_PAGES_PREFIX = "/accounts/"


@register.inclusion_tag("newsletter/includes/box.html", takes_context=True)
def newsletter_box(context: template.Context) -> dict[str, Any]:
    """The "Get updates directly to your inbox" box; members subscribe with one click."""
    request = context.get("request")
    user = context.get("user")
    # One box per page: the footer's stays away when the page body already has one, account
    # pages show none, and members who are already subscribed see none.
    hidden = bool(getattr(request, "_newsletter_box_shown", False)) or str(
        getattr(request, "path", "")
    ).startswith(ACCOUNT_PAGES_PREFIX)
    if not hidden and user is not None and user.is_authenticated:
        hidden = member_subscription_state(member=user) == Subscriber.State.CONFIRMED
    if request is not None:
        request._newsletter_box_shown = True
    return {
        "hidden": hidden,
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "newsletter_source": getattr(request, "path", ""),
    }


@register.inclusion_tag("newsletter/includes/member_settings.html", takes_context=True)
def newsletter_member_settings(context: template.Context) -> dict[str, Any]:
    """The subscription section of a member's settings page (same record as the emails)."""
    request = context.get("request")
    user = context.get("user")
    subscriber = subscriber_for_member(member=user) if user is not None else None
    data: dict[str, Any] = {
        "request": request,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "newsletter_subscriber": subscriber,
    }
    if subscriber is not None:
        data["newsletter_preferences_url"] = subscriber_link(
            subscriber_id=subscriber.id, purpose="preferences"
        )
        data["newsletter_unsubscribe_url"] = subscriber_link(
            subscriber_id=subscriber.id, purpose="unsubscribe"
        )
    return data
