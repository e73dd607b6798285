"""Admin actions shared by the queue and the content admins: each calls one service per item.

Actions that need a reason (or a number of days) first show a confirmation page with a form;
nothing changes until the moderator submits it.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.template.response import TemplateResponse

from . import context_notes, services
from .anonymity import item_is_anonymous
from .items import (
    item_author,
    item_author_id,
    item_from_case,
    item_kind,
    item_snapshot,
)
from .models import ModerationCase
from .services import MAX_SUSPENSION_DAYS

# What the reason field says, by what happens to it.
EMAILED_REASON_HELP = "The author sees this reason in the email we send; the log keeps it."
LOGGED_REASON_HELP = "Kept in the moderation log; the author is not told."


class ActionForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=1000,
        required=False,
        help_text=EMAILED_REASON_HELP,
    )
    days = forms.IntegerField(min_value=1, max_value=MAX_SUSPENSION_DAYS, initial=7, required=False)

    def __init__(
        self,
        *args: Any,
        needs_reason: bool,
        needs_days: bool,
        reason_label: str = "",
        reason_help: str = EMAILED_REASON_HELP,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = needs_reason
        self.fields["reason"].help_text = reason_help
        if reason_label:
            self.fields["reason"].label = reason_label
        if not needs_days:
            del self.fields["days"]
        else:
            self.fields["days"].required = True

    def clean_reason(self) -> str:
        reason = self.cleaned_data.get("reason", "")
        if "\x00" in reason:
            raise ValidationError("The reason contains a character we cannot store.")
        return str(reason).strip()


def _items(queryset: Any) -> list[Any]:
    if issubclass(queryset.model, ModerationCase):  # the queue and its waiting list
        cases = queryset.select_related("content_type")
        return [item for item in (item_from_case(case) for case in cases) if item is not None]
    return list(queryset)


def run_action(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: Any,
    *,
    title: str,
    apply: Callable[[Any, dict[str, Any]], Any],
    needs_reason: bool = False,
    needs_days: bool = False,
    targets: Callable[[list[Any]], Iterable[tuple[Any, str]]] | None = None,
    reason_label: str = "",
    reason_help: str = EMAILED_REASON_HELP,
    initial_reason: Callable[[list[Any]], str] | None = None,
) -> TemplateResponse | None:
    """Confirm (with a reason form when needed), then apply the service to every item."""
    sources = _items(queryset)
    if targets is not None:
        labelled = list(targets(sources))
    else:
        labelled = [
            (item, f"{item_kind(item)} #{item.pk}: {item_snapshot(item)[:200]}") for item in sources
        ]
    form = ActionForm(
        request.POST if "apply" in request.POST else None,
        needs_reason=needs_reason,
        needs_days=needs_days,
        reason_label=reason_label,
        reason_help=reason_help,
        initial={"reason": initial_reason(sources)} if initial_reason is not None else None,
    )
    if "apply" in request.POST and form.is_valid():
        done, refused = 0, []
        for item, label in labelled:
            try:
                apply(item, form.cleaned_data)
            except ValidationError as exc:
                refused.append(f"{label[:80]}: {' '.join(exc.messages)}")
            else:
                done += 1
        if done:
            modeladmin.message_user(request, f"{title}: done for {done}.", messages.SUCCESS)
        for message in refused:
            modeladmin.message_user(request, message, messages.WARNING)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.model._meta,
        "form": form,
        "labels": [label for _, label in labelled],
        "action": request.POST.get("action", ""),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "select_across": request.POST.get("select_across", "0"),
    }
    return TemplateResponse(request, "admin/moderation/action_confirm.html", context)


def _authors(items: list[Any]) -> list[tuple[Any, str]]:
    """The confirmation page's entries: each known author once, each anonymous item alone.

    An anonymous item is never merged with another entry, not even one by the same member:
    a shorter list would tell the moderator who wrote it. Its entry carries the item, and
    the author is looked up only when the action is applied (and logged as a reveal).
    """
    known: dict[int, tuple[Any, str]] = {}
    anonymous: list[tuple[Any, str]] = []
    for item in items:
        author = item_author(item)
        if author is None:
            continue
        if item_is_anonymous(item):
            anonymous.append((item, f"the anonymous author of {item_kind(item)} #{item.pk}"))
        else:
            known.setdefault(author.pk, (author, f"{author.public_name} (@{author.handle})"))
    return [*known.values(), *anonymous]


def _on_authors(
    request: HttpRequest, sanction: Callable[[Any, dict[str, Any], Any], Any]
) -> Callable[[Any, dict[str, Any]], Any]:
    """Apply `sanction(member, data, item)` to each entry of _authors, once per member.

    An anonymous entry whose author was already reached in this run is skipped quietly, so
    that neither a second sanction nor the success count reveals who wrote it.
    """
    reached: set[int] = set()

    def apply(target: Any, data: dict[str, Any]) -> Any:
        if item_is_anonymous(target):
            if item_author_id(target) in reached:
                return None
            member = services.anonymous_author_for_sanction(
                item=target, moderator=request.user, reason=data["reason"]
            )
            item = target
        else:
            if target.pk in reached:
                return None
            member, item = target, None
        reached.add(member.pk)
        return sanction(member, data, item)

    return apply


@admin.action(description="Hide (with a reason)", permissions=["change"])
def hide(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Hide",
        needs_reason=True,
        apply=lambda item, data: services.content_hide(
            item=item, moderator=request.user, reason=data["reason"]
        ),
    )


@admin.action(description="Restore (make visible)", permissions=["change"])
def restore(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Restore",
        reason_help=LOGGED_REASON_HELP,
        apply=lambda item, data: services.content_restore(
            item=item, moderator=request.user, reason=data["reason"]
        ),
    )


@admin.action(description="Approve pending posts (author told)", permissions=["change"])
def approve(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Approve",
        reason_help=LOGGED_REASON_HELP,
        apply=lambda item, data: services.content_approve(item=item, moderator=request.user),
    )


@admin.action(description="Reject pending posts (author told why)", permissions=["change"])
def reject(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Reject",
        needs_reason=True,
        apply=lambda item, data: services.content_reject(
            item=item, moderator=request.user, reason=data["reason"]
        ),
    )


@admin.action(description="Dismiss the reports", permissions=["change"])
def dismiss(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Dismiss reports",
        reason_help=LOGGED_REASON_HELP,
        apply=lambda item, data: services.report_dismiss(
            item=item, moderator=request.user, reason=data["reason"]
        ),
    )


@admin.action(description="Warn the author (email)", permissions=["moderate_members"])
def warn_author(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Warn the author",
        needs_reason=True,
        targets=_authors,
        apply=_on_authors(
            request,
            lambda member, data, item: services.member_warn(
                member=member, moderator=request.user, reason=data["reason"], item=item
            ),
        ),
    )


@admin.action(description="Suspend the author for N days", permissions=["moderate_members"])
def suspend_author(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Suspend the author",
        needs_reason=True,
        needs_days=True,
        targets=_authors,
        apply=_on_authors(
            request,
            lambda member, data, item: services.member_suspend(
                member=member,
                moderator=request.user,
                days=data["days"],
                reason=data["reason"],
                item=item,
            ),
        ),
    )


@admin.action(description="Ban the author", permissions=["moderate_members"])
def ban_author(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Ban the author",
        needs_reason=True,
        targets=_authors,
        apply=_on_authors(
            request,
            lambda member, data, item: services.member_ban(
                member=member, moderator=request.user, reason=data["reason"], item=item
            ),
        ),
    )


def _note_of_single_item(items: list[Any]) -> str:
    # Changing the note of one post starts from its current text.
    if len(items) != 1:
        return ""
    note = context_notes.context_note_for(items[0])
    return note.text if note is not None else ""


@admin.action(
    description="Add or change a context note (shown under the post)", permissions=["change"]
)
def context_note_set(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Context note",
        needs_reason=True,
        reason_label="Note shown under the post",
        reason_help=(
            'Every member who can read the post reads this note under it, e.g. "Our medical '
            'reviewers say...". The author is emailed when a note is added; the log keeps it.'
        ),
        initial_reason=_note_of_single_item,
        apply=lambda item, data: context_notes.context_note_set(
            item=item, moderator=request.user, text=data["reason"]
        ),
    )


@admin.action(description="Remove the context note", permissions=["change"])
def context_note_remove(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> Any:
    return run_action(
        modeladmin,
        request,
        queryset,
        title="Remove the context note",
        reason_help=LOGGED_REASON_HELP,
        apply=lambda item, data: context_notes.context_note_remove(
            item=item, moderator=request.user, reason=data["reason"]
        ),
    )


CONTENT_ACTIONS = [hide, restore, approve, reject, dismiss, context_note_set, context_note_remove]
MEMBER_ACTIONS = [warn_author, suspend_author, ban_author]
