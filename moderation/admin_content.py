"""Moderation in the content apps' admins: the mixin every moderated model's admin uses.

Each content app writes a ModelAdmin for each model it registers with moderation, with
`ModeratedContentAdminMixin` first in its bases: the state column, the state and reported
filters, and the moderation actions. Nothing here builds an admin on the fly.
"""

from typing import Any

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from . import admin_actions
from .admin_anonymity import AnonymousAuthorAdminMixin
from .anonymity import anonymous_field_of, anonymous_rows_q
from .models import ModerationCase, ModerationState
from .registry import moderated_type_for


class ReportedFilter(admin.SimpleListFilter):
    title = "reported"
    parameter_name = "reported"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("open", "Open reports"), ("ever", "Ever reported")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() not in ("open", "ever"):
            return queryset
        cases = ModerationCase.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model)
        )
        if self.value() == "open":
            cases = cases.filter(open_report_count__gt=0)
        return queryset.filter(pk__in=cases.values("object_id"))


class ModeratedContentAdminMixin(AnonymousAuthorAdminMixin):
    """State badge, state/reported filters and the moderation actions for a content admin.

    The anonymity rule comes with it (admin_anonymity): the author field and the anonymous
    field are those the kind registered with moderation.
    """

    model: Any
    moderation_actions = [*admin_actions.CONTENT_ACTIONS, *admin_actions.MEMBER_ACTIONS]

    def get_anonymous_author_paths(self) -> tuple[str, ...]:
        return (moderated_type_for(self.model).author_field,)

    def anonymous_rows(self) -> Q:
        return anonymous_rows_q(self.model)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        readonly = list(super().get_readonly_fields(request, obj))  # type: ignore[misc]
        # Unticking "anonymous" in the form would show the author without a reveal.
        field = anonymous_field_of(self.model)
        return [*readonly, field] if field and field not in readonly else readonly

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
