"""Moderation in the content apps' admins: a mixin they can use, or a fallback admin.

A content app that registers its own ModelAdmin for a moderated model adds
`ModeratedContentAdminMixin` first in its bases to get the state column, filters and the
moderation actions. A registered model without any admin gets `ModeratedContentAdmin`.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from . import admin_actions
from .models import ModerationState


class ReportedFilter(admin.SimpleListFilter):
    title = "reported"
    parameter_name = "reported"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("open", "Open reports"), ("ever", "Ever reported")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        from django.contrib.contenttypes.models import ContentType

        from .models import ModerationCase

        if self.value() not in ("open", "ever"):
            return queryset
        cases = ModerationCase.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model)
        )
        if self.value() == "open":
            cases = cases.filter(open_report_count__gt=0)
        return queryset.filter(pk__in=cases.values("object_id"))


class ModeratedContentAdminMixin:
    """State badge, state/reported filters and the moderation actions for a content admin."""

    moderation_actions = [*admin_actions.CONTENT_ACTIONS, *admin_actions.MEMBER_ACTIONS]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)  # type: ignore[misc]
        for func in self.moderation_actions:
            allowed = all(
                getattr(self, f"has_{perm}_permission")(request)
                for perm in getattr(func, "allowed_permissions", [])
            )
            if allowed:
                actions[func.__name__] = (func, func.__name__, func.short_description)  # type: ignore[attr-defined]
        return actions

    def get_list_filter(self, request: HttpRequest) -> list[Any]:
        base = list(super().get_list_filter(request))  # type: ignore[misc]
        extra: list[Any] = ["moderation_state", ReportedFilter]
        return extra + [f for f in base if f not in extra]

    def has_moderate_members_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("moderation.moderate_members"))

    @admin.display(description="state", ordering="moderation_state")
    def moderation_badge(self, obj: Any) -> str:
        if obj.moderation_state == ModerationState.VISIBLE:
            return "visible"
        return format_html(
            '<strong class="moderation-flag">{}</strong>', obj.get_moderation_state_display()
        )


def admin_register_fallback(model: Any) -> None:
    """Give a registered content model the moderation admin unless its app registered one."""
    if admin.site.is_registered(model):
        return
    from .registry import moderated_type_for

    moderated_type = moderated_type_for(model)
    fields = {f.name for f in model._meta.get_fields()}
    list_display = ["__str__", "moderation_badge"]
    if moderated_type.author_field in fields:
        list_display.append(moderated_type.author_field)
    if moderated_type.created_field in fields:
        list_display.append(moderated_type.created_field)
    attrs: dict[str, Any] = {
        "list_display": list_display,
        "list_select_related": [moderated_type.author_field]
        if moderated_type.author_field in fields
        else [],
        "search_fields": [
            moderated_type.text_field,
            f"{moderated_type.author_field}__display_name",
        ],
        "list_filter": [moderated_type.created_field]
        if moderated_type.created_field in fields
        else [],
        "readonly_fields": [f.name for f in model._meta.fields],
        "list_per_page": 50,
        "show_full_result_count": False,
    }
    if moderated_type.topic_field:
        attrs["list_filter"] = [*attrs["list_filter"], moderated_type.topic_field]
    if moderated_type.created_field in fields:
        attrs["date_hierarchy"] = moderated_type.created_field
    admin_class = type(
        f"{model.__name__}ModerationAdmin", (ModeratedContentAdminMixin, admin.ModelAdmin), attrs
    )
    admin_class.has_add_permission = lambda self, request: False  # type: ignore[attr-defined]
    admin_class.has_delete_permission = lambda self, request, obj=None: False  # type: ignore[attr-defined]
    admin.site.register(model, admin_class)
