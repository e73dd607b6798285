from dataclasses import is_dataclass, replace
from typing import Any

from django import template
from django.urls import reverse

from ..items import item_kind
from ..policy import mentions_self_harm as _mentions_self_harm
from ..selectors import bio_withheld_member_ids, viewer_is_moderator

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


REMOVED_BIO = "Removed by a moderator."


def _withhold_bio(items: list[Any]) -> list[Any]:
    shown = []
    for item in items:
        is_bio = getattr(item, "name", "") == "bio"
        if is_bio and is_dataclass(item) and not isinstance(item, type):
            item = replace(item, value=REMOVED_BIO)
        shown.append(item)
    return shown


def _sees_everything(viewer: Any, member_id: int | None) -> bool:
    return bool(viewer is not None and viewer.is_authenticated and viewer.pk == member_id) or (
        viewer is not None and viewer_is_moderator(viewer=viewer)
    )


@register.simple_tag(takes_context=True)
def moderated_profile_items(context: template.Context, items: list[Any], member: Any) -> list[Any]:
    """Profile items with a hidden or pending bio replaced by "Removed by a moderator"."""
    viewer = getattr(context.get("request"), "user", None)
    if _sees_everything(viewer, member.pk):
        return items
    if member.pk in bio_withheld_member_ids(member_ids=[member.pk]):
        return _withhold_bio(items)
    return items


@register.simple_tag(takes_context=True)
def moderated_member_rows(context: template.Context, rows: list[Any]) -> list[Any]:
    """(member, items) rows of a directory page, bios withheld as above, in one query."""
    rows = list(rows)
    viewer = getattr(context.get("request"), "user", None)
    withheld = bio_withheld_member_ids(member_ids=[member.pk for member, _ in rows])
    return [
        (member, items)
        if member.pk not in withheld or _sees_everything(viewer, member.pk)
        else (member, _withhold_bio(items))
        for member, items in rows
    ]
