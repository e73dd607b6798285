"""Members as moderators see them: a searchable list and one page per member with history.

These are admin views (not a ModelAdmin of the user model, which belongs to accounts); they
show only what moderation needs: pseudonym, handle, join date, standing and history. Never
passwords, never profile fields a member keeps to "only me".
"""

from datetime import timedelta
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import DateTimeField, Max, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone

from . import services
from .admin_actions import ActionForm
from .anonymity import anonymous_cases_q, anonymous_items_q
from .models import MemberSanction, ModerationCase, ModerationLogEntry, Report
from .selectors import author_history_annotations

PER_PAGE = 50


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm("moderation.moderate_members"):
        raise PermissionDenied


def _suspended_until() -> Subquery:
    active = (
        MemberSanction.objects.filter(
            member=OuterRef("pk"),
            kind=MemberSanction.Kind.SUSPENSION,
            lifted_at__isnull=True,
            ends_at__gt=timezone.now(),
        )
        .values("member")
        .annotate(until=Max("ends_at"))
        .values("until")
    )
    return Subquery(active, output_field=DateTimeField())


def member_queryset(params: Any) -> QuerySet[Any]:
    """Members for the moderators' list, filtered and annotated with their history counts."""
    queryset = (
        get_user_model()
        .objects.filter(erased_at__isnull=True)
        .annotate(suspended_until=_suspended_until(), **author_history_annotations("pk"))
        .only("pk", "display_name", "handle", "date_joined", "is_active", "is_staff")
        .order_by("-date_joined")
    )
    query = (params.get("q") or "").strip()[:100].replace("\x00", "")
    if query:
        queryset = queryset.filter(
            Q(display_name__icontains=query) | Q(handle__icontains=query) | Q(email__iexact=query)
        )
    state = params.get("state")
    if state == "banned":
        queryset = queryset.filter(is_active=False)
    elif state == "suspended":
        queryset = queryset.filter(suspended_until__isnull=False)
    elif state == "active":
        queryset = queryset.filter(is_active=True, suspended_until__isnull=True)
    if params.get("reported") == "open":
        queryset = queryset.filter(
            pk__in=ModerationCase.objects.filter(
                status=ModerationCase.Status.OPEN, open_report_count__gt=0
            )
            .exclude(anonymous_cases_q())
            .values("author_id")
        )
    elif params.get("reported") == "ever":
        queryset = queryset.filter(
            pk__in=Report.objects.exclude(anonymous_cases_q("case__")).values("case__author_id")
        )
    joined = params.get("joined")
    if joined in ("1", "7", "30"):
        queryset = queryset.filter(date_joined__gte=timezone.now() - timedelta(days=int(joined)))
    return queryset


FILTERS = {
    "state": [("", "Any"), ("active", "Active"), ("suspended", "Suspended"), ("banned", "Banned")],
    "reported": [("", "Any"), ("open", "With open reports"), ("ever", "Ever reported")],
    "joined": [
        ("", "Any time"),
        ("1", "Last 24 hours"),
        ("7", "Last 7 days"),
        ("30", "Last 30 days"),
    ],
}


def member_list_view(request: HttpRequest) -> HttpResponse:
    _require(request)
    page = Paginator(member_queryset(request.GET), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": "Members",
        "page": page,
        "params": request.GET,
        "filters": [
            (name, choices, request.GET.get(name, "")) for name, choices in FILTERS.items()
        ],
    }
    return TemplateResponse(request, "admin/moderation/member_list.html", context)


OPERATIONS = {
    "warn": ("Warn (email)", True, False),
    "suspend": ("Suspend for N days", True, True),
    "lift": ("Lift the suspension", False, False),
    "ban": ("Ban (cannot log in)", True, False),
}


def member_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request)
    member = get_object_or_404(member_queryset({}), pk=pk)
    forms = {
        op: ActionForm(
            request.POST if request.POST.get("op") == op else None,
            needs_reason=needs_reason,
            needs_days=needs_days,
            prefix=op,
        )
        for op, (_, needs_reason, needs_days) in OPERATIONS.items()
    }
    op = request.POST.get("op", "")
    if request.method == "POST" and op in forms:
        form = forms[op]
        if form.is_valid():
            data = form.cleaned_data
            try:
                if op == "warn":
                    services.member_warn(
                        member=member, moderator=request.user, reason=data["reason"]
                    )
                elif op == "suspend":
                    services.member_suspend(
                        member=member,
                        moderator=request.user,
                        days=data["days"],
                        reason=data["reason"],
                    )
                elif op == "lift":
                    services.member_suspension_lift(
                        member=member, moderator=request.user, reason=data["reason"]
                    )
                else:
                    services.member_ban(
                        member=member, moderator=request.user, reason=data["reason"]
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"{OPERATIONS[op][0]}: done.")
                return redirect(reverse("admin:moderation_member", args=[member.pk]))
    context = {
        **admin.site.each_context(request),
        "title": f"Member: {member.public_name}",
        "member": member,
        "operations": [(op, OPERATIONS[op][0], forms[op]) for op in OPERATIONS],
        "sanctions": MemberSanction.objects.filter(member=member).select_related("created_by")[:50],
        # Her anonymous posts are not hers here: only the logged reveal links them to her.
        "log_entries": ModerationLogEntry.objects.filter(member=member)
        .exclude(anonymous_items_q())
        .select_related("actor")[:100],
        "cases": ModerationCase.objects.filter(author=member)
        .exclude(anonymous_cases_q())
        .order_by("-opened_at")[:50],
        "reports_made": Report.objects.filter(reporter=member).count(),
    }
    return TemplateResponse(request, "admin/moderation/member_detail.html", context)


def member_urls(site: admin.AdminSite) -> list[URLPattern]:
    return [
        path("members/", site.admin_view(member_list_view), name="moderation_members"),
        path("members/<int:pk>/", site.admin_view(member_detail_view), name="moderation_member"),
    ]
