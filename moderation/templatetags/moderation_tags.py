from dataclasses import is_dataclass, replace
from functools import lru_cache
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html

from core.viewer import viewer_is_moderator

from ..context_notes import ANNOTATION
from ..items import item_author_id, item_kind
from ..models import ModerationState
from ..policy import mentions_self_harm as _mentions_self_harm
from ..policy import review_usual_wait
from ..selectors import bio_withheld_member_ids

register = template.Library()


@register.simple_tag(takes_context=True)
def report_button(context: template.Context, item: Any) -> str:
    """A "Report" link (members only, never on their own posts); htmx loads the form inline.

    Built here rather than from a sub-template: it appears on each of up to 50 comments or
    answers per page, and the include was a sizeable share of rendering a member's page.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = item_kind(item)
    author_id = item_author_id(item)
    if user is None or not user.is_authenticated or author_id == user.pk:
        return ""
    url = _report_url(kind, item.pk)
    target_id = f"report-{kind}-{item.pk}"
    return format_html(
        '<span class="report-button" id="{}"><a href="{}" class="link-report" rel="nofollow" '
        'hx-get="{}" hx-target="#{}" hx-swap="innerHTML">Report'
        '<span class="visually-hidden"> this {}</span></a></span>',
        target_id,
        url,
        url,
        target_id,
        kind,
    )


@lru_cache(maxsize=16)
def _report_prefix(kind: str) -> str:
    # reverse() once per kind; the id is appended (it is an int: nothing to escape).
    return reverse("moderation:report", kwargs={"kind": kind, "pk": 0}).removesuffix("0/")


def _report_url(kind: str, pk: int) -> str:
    return f"{_report_prefix(kind)}{int(pk)}/"


@register.filter
def mentions_self_harm(text: str) -> bool:
    return _mentions_self_harm(str(text or ""))


@register.simple_tag(takes_context=True)
def is_moderator(context: template.Context) -> bool:
    request = context.get("request")
    return request is not None and viewer_is_moderator(request.user)


@register.inclusion_tag("moderation/includes/state_badge.html")
def moderation_badge(item: Any) -> dict[str, Any]:
    """For moderators' eyes: marks hidden or pending content."""
    state = getattr(item, "moderation_state", "visible")
    return {"state": state, "label": getattr(item, "get_moderation_state_display", lambda: state)()}


def _kind_words(item: Any) -> str:
    """The kind as members read it in a sentence: a label such as "update-comment" (unique
    among the registered kinds) reads "comment"."""
    return item_kind(item).rsplit("-", 1)[-1]


@register.inclusion_tag("moderation/includes/pending_explanation.html", takes_context=True)
def pending_explanation(context: template.Context, item: Any) -> dict[str, Any]:
    """On a post waiting for review: what happens next, for its author; the way to the queue,
    for moderators; nothing for anyone else. No query but the cached usual wait."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    if getattr(item, "moderation_state", "") != ModerationState.PENDING or viewer is None:
        return {"show": False}
    for_author = viewer.is_authenticated and item_author_id(item) == viewer.pk
    if for_author:
        return {
            "show": True,
            "for_author": True,
            "kind": _kind_words(item),
            "usual_wait": review_usual_wait(),
        }
    if not viewer_is_moderator(viewer):
        return {"show": False}
    return {
        "show": True,
        "for_author": False,
        "kind": _kind_words(item),
        "queue_url": reverse("admin:moderation_waitingforreview_changelist"),
    }


@register.inclusion_tag("moderation/includes/context_note.html")
def context_note(item: Any) -> dict[str, Any]:
    """The moderators' context note under a post, read from the annotation the content app's
    selector added (moderation.context_notes.with_context_notes): no query here."""
    kind = _kind_words(item)
    return {
        "text": getattr(item, ANNOTATION, None) or "",
        "kind": kind,
        "a_kind": f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}",
    }


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
        viewer is not None and viewer_is_moderator(viewer)
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
