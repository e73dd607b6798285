"""The moderators' part of admin: the queue, reports, sanctions, members and the log."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Case, F, Prefetch, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.urls import URLPattern, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from . import admin_actions, admin_members
from .admin_anonymity import AnonymousAuthorAdminMixin
from .anonymity import anonymous_cases_q, anonymous_items_q
from .bios import bio_related, hidden_bio_q
from .items import PROFILE, item_from_case, item_state
from .models import (
    MemberSanction,
    ModerationCase,
    ModerationLogEntry,
    ProfileBioModeration,
    Report,
    ReportReason,
)
from .registry import moderated_bio, pair_notes
from .selectors import author_history_annotations


class QueueStatusFilter(admin.SimpleListFilter):
    """Open cases by default: the queue is what still needs a decision."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("open", "Open"), ("closed", "Closed"), ("all", "All")]

    def choices(self, changelist: Any) -> Any:
        value = self.value() or "open"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value() or "open"
        if value == "all":
            return queryset
        return queryset.filter(status=value)


class ReasonFilter(admin.SimpleListFilter):
    title = "report reason"
    parameter_name = "reason"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return list(ReportReason.choices)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        return queryset.filter(
            pk__in=Report.objects.filter(reason=self.value(), status=Report.Status.OPEN).values(
                "case_id"
            )
        )


class ModeratorPermissions:
    def has_moderate_members_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("moderation.moderate_members"))


@admin.register(ModerationCase)
class ModerationCaseAdmin(ModeratorPermissions, AnonymousAuthorAdminMixin, admin.ModelAdmin):
    list_display = [
        "priority",
        "kind",
        "excerpt",
        "author_link",
        "open_report_count",
        "reasons",
        "held_reason",
        "history",
        "opened_at",
        "in_context",
    ]
    list_display_links = ["excerpt"]
    list_filter = [QueueStatusFilter, "urgent", "kind", ReasonFilter, "opened_at"]
    search_fields = ["snapshot", "author__display_name", "author__handle"]
    list_per_page = 50
    show_full_result_count = False
    ordering = ["-urgent", "-open_report_count", "opened_at"]
    actions = [*admin_actions.CONTENT_ACTIONS, *admin_actions.MEMBER_ACTIONS]
    readonly_fields = [
        "kind",
        "author",
        "content",
        "url",
        "status",
        "urgent",
        "open_report_count",
        "held_reason",
        "opened_at",
    ]
    fields = list(readonly_fields)
    change_form_template = "admin/moderation/moderationcase/change_form.html"

    def anonymous_rows(self) -> Q:
        return anonymous_cases_q()

    def get_queryset(self, request: HttpRequest) -> QuerySet[ModerationCase]:
        open_reports = Report.objects.filter(status=Report.Status.OPEN).only(
            "case_id", "reason", "note"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(**author_history_annotations("author"))
            .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        )

    def get_list_select_related(self, request: HttpRequest) -> list[str]:
        # The snapshot column checks each author's bio privacy: load it with the row.
        return ["author", *bio_related("author"), "content_type"]

    def get_urls(self) -> list[URLPattern]:
        return admin_members.member_urls(self.admin_site) + super().get_urls()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="priority", ordering="-urgent")
    def priority(self, obj: ModerationCase) -> str:
        if obj.urgent:
            return format_html('<strong class="moderation-urgent">{}</strong>', "URGENT")
        return ""

    @admin.display(description="content")
    def excerpt(self, obj: ModerationCase) -> str:
        return Truncator(obj.shown_snapshot or "(empty)").chars(120)

    @admin.display(description="snapshot")
    def content(self, obj: ModerationCase) -> str:
        return obj.shown_snapshot

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[ModerationCase], search_term: str
    ) -> tuple[QuerySet[ModerationCase], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            # The words of a private bio must not make its case turn up in a search.
            results = results.exclude(Q(kind=PROFILE) & hidden_bio_q("author"))
        return results, may_have_duplicates

    # Sorting by author must not place an anonymous case among its author's cases.
    @admin.display(
        description="author",
        ordering=Case(
            When(author_anonymous=True, then=Value(None)), default=F("author__display_name")
        ),
    )
    def author_link(self, obj: ModerationCase) -> str:
        if obj.author is None:
            return "-"
        if obj.author_anonymous:
            return "anonymous (reveal from the post's admin page, logged)"
        url = reverse("admin:moderation_member", args=[obj.author_id])
        return format_html('<a href="{}">{}</a>', url, obj.author.public_name)

    @admin.display(description="reasons")
    def reasons(self, obj: ModerationCase) -> str:
        labels = dict(ReportReason.choices)
        counts: dict[str, int] = {}
        for report in getattr(obj, "open_reports", []):
            counts[report.reason] = counts.get(report.reason, 0) + 1
        return ", ".join(f"{labels.get(k, k)} ({n})" for k, n in sorted(counts.items()))

    @admin.display(description="author history")
    def history(self, obj: Any) -> str:
        if obj.author_anonymous:
            return "-"
        return (
            f"{obj.author_reports} reports, {obj.author_hidden} hidden, "
            f"{obj.author_warnings} warnings"
        )

    @admin.display(description="link")
    def in_context(self, obj: ModerationCase) -> str:
        if not obj.url:
            return ""
        return format_html('<a href="{}">view in context</a>', obj.url)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> Any:
        # get_object answers None for "abc" or a missing id; Django's change_view then
        # redirects with its "doesn't exist" message, as for every other model.
        case = self.get_object(request, unquote(object_id))
        extra: dict[str, Any] = dict(extra_context or {})
        if case is not None:
            item = item_from_case(case)
            reports = list(case.reports.select_related("reporter").order_by("-created_at")[:200])
            _note_blocks(case, reports)
            extra.update(
                case=case,
                item=item,
                item_state=item_state(item) if item is not None else "deleted",
                all_reports=reports,
                log_entries=ModerationLogEntry.objects.filter(
                    content_type=case.content_type, object_id=case.object_id
                ).select_related("actor")[:100],
                member_entries=ModerationLogEntry.objects.filter(member=case.author_id)
                .exclude(anonymous_items_q())
                .select_related("actor")
                .order_by("-created_at")[:20]
                if case.author_id
                else [],
                action_choices=[
                    (func.__name__, func.short_description)  # type: ignore[attr-defined]
                    for func in admin_actions.CONTENT_ACTIONS
                    + (
                        admin_actions.MEMBER_ACTIONS
                        if self.has_moderate_members_permission(request)
                        else []
                    )
                ],
                changelist_url=reverse("admin:moderation_moderationcase_changelist"),
            )
        return super().change_view(request, object_id, form_url, extra_context=extra)


def _note_blocks(case: ModerationCase, reports: list[Report]) -> None:
    """Mark reports whose reporter and author have a block between them: moderators see a
    block only here, handling a report between the two. Never for an anonymous post, where it
    would hint at who wrote it."""
    if case.author_id is None or case.author_anonymous:
        return
    notes = pair_notes(author_id=case.author_id, reporter_ids=[r.reporter_id for r in reports])
    for report in reports:
        report.pair_note = notes.get(report.reporter_id, "")  # type: ignore[attr-defined]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(AnonymousAuthorAdminMixin, ReadOnlyAdmin):
    anonymous_author_paths = ("case__author",)
    list_display = ["created_at", "reason", "case", "reporter", "status"]
    list_filter = ["status", "reason", "created_at"]
    list_select_related = ["case", "reporter"]
    search_fields = ["note", "reporter__display_name", "case__snapshot"]
    list_per_page = 100
    show_full_result_count = False

    def anonymous_rows(self) -> Q:
        return anonymous_cases_q("case__")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Report], search_term: str
    ) -> tuple[QuerySet[Report], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            # The words of a private bio must not make its reports turn up in a search.
            results = results.exclude(Q(case__kind=PROFILE) & hidden_bio_q("case__author"))
        return results, may_have_duplicates


@admin.register(MemberSanction)
class MemberSanctionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "member", "ends_at", "lifted_at", "created_by", "reason"]
    list_filter = ["kind", "created_at"]
    list_select_related = ["member", "created_by"]
    search_fields = ["member__display_name", "member__handle", "reason"]
    list_per_page = 100
    show_full_result_count = False


@admin.register(ProfileBioModeration)
class ProfileBioModerationAdmin(ReadOnlyAdmin):
    list_display = ["member", "moderation_state", "moderation_reason", "moderated_at"]
    list_filter = ["moderation_state"]
    list_select_related = ["member"]
    search_fields = ["member__display_name", "member__handle"]


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(AnonymousAuthorAdminMixin, ReadOnlyAdmin):
    """Append-only: nobody, not even a superuser, adds, changes or deletes entries here.

    An entry about an anonymous post (its hiding, its reveal, a sanction after a reveal)
    keeps the member for the audit, but admin never shows it next to the post.
    """

    anonymous_author_paths = ("member",)
    list_display = [
        "created_at",
        "actor",
        "action",
        "item",
        "member_shown",
        "before",
        "after",
        "reason",
    ]
    list_filter = ["action", "created_at"]
    search_fields = ["item_snapshot", "reason", "member__display_name", "actor__display_name"]
    list_per_page = 100
    show_full_result_count = False
    actions = None
    # The stored snapshot is shown only through shown_item_snapshot, which hides private bios.
    exclude = ["item_snapshot"]
    readonly_fields = ["snapshot"]

    def anonymous_rows(self) -> Q:
        return anonymous_items_q()

    def get_queryset(self, request: HttpRequest) -> QuerySet[ModerationLogEntry]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                on_anonymous_item=Case(
                    When(anonymous_items_q(), then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    def get_list_select_related(self, request: HttpRequest) -> list[str]:
        # The item column checks the member's bio privacy: load it with the row.
        return ["actor", "member", *bio_related("member"), "content_type"]

    # Not sortable: sorting by name would place an anonymous post's entries among hers.
    @admin.display(description="member")
    def member_shown(self, obj: ModerationLogEntry) -> str:
        if getattr(obj, "on_anonymous_item", False):
            return "the anonymous author"
        return str(obj.member) if obj.member is not None else "-"

    @admin.display(description="item snapshot")
    def snapshot(self, obj: ModerationLogEntry) -> str:
        return obj.shown_item_snapshot

    @admin.display(description="item")
    def item(self, obj: ModerationLogEntry) -> str:
        if obj.content_type is None:
            return "-"
        return f"{obj.content_type.model} #{obj.object_id}: " + Truncator(
            obj.shown_item_snapshot
        ).chars(80)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[ModerationLogEntry], search_term: str
    ) -> tuple[QuerySet[ModerationLogEntry], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        bio = moderated_bio()
        if search_term and bio is not None:
            # The words of a private bio must not make its log entries turn up in a search.
            results = results.exclude(
                Q(content_type=ContentType.objects.get_for_model(bio.model))
                & hidden_bio_q("member")
            )
        return results, may_have_duplicates

    def lookup_allowed(self, lookup: str, value: str, request: Any = None) -> bool:
        if lookup in ("content_type__id__exact", "object_id__exact", "object_id"):
            return True
        return bool(super().lookup_allowed(lookup, value, request))
