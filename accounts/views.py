"""Settings, export and erasure; the member directory and profiles. Thin: forms and services."""

import json
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from moderation.policy import posting_refusal

from .directory import member_directory_page
from .export import member_export
from .forms import SETTINGS_SECTIONS, AccountDeleteForm, DirectoryFilterForm, SettingsForm
from .http import MemberRequest
from .models import Block, Profile, User
from .selectors import member_profile_get, profile_items_for_viewer
from .services import (
    EMAIL_CHOICE_FIELDS,
    health_consent_active,
    member_erase,
    member_settings_update,
)


def _member(request: HttpRequest) -> User:
    # Only called behind login_required.
    assert isinstance(request.user, User)
    return request.user


def _settings_url(section: str | None) -> str:
    # Back to the section the member saved from, open, so she sees what she changed.
    url = reverse("accounts:settings")
    return f"{url}?section={section}#{section}" if section in SETTINGS_SECTIONS else url


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    profile, _ = Profile.objects.get_or_create(user=user)
    # The form asks the viewer rule about profile.user: the request's own object, which
    # carries the request's staff-powers answer, not a fresh copy from the database.
    profile.user = user
    consent_active = health_consent_active(user=user)
    initial = {
        "display_name": user.display_name,
        "prefers_larger_text": user.prefers_larger_text,
        "health_consent": consent_active,
        **{name: getattr(user, name) for name in EMAIL_CHOICE_FIELDS},
    }
    status = HTTPStatus.OK
    if request.method == "POST":
        form = SettingsForm(
            request.POST, instance=profile, initial=initial, consent_active=consent_active
        )
        if form.is_valid():
            data = form.cleaned_data
            member_settings_update(
                user=user,
                display_name=data["display_name"],
                prefers_larger_text=data["prefers_larger_text"],
                health_consent=data["health_consent"],
                profile_data=data,
                current_treatments=data["current_treatments"],
                past_treatments=data["past_treatments"],
                email_choices={name: data[name] for name in EMAIL_CHOICE_FIELDS},
            )
            if consent_active and not data["health_consent"]:
                messages.success(
                    request, "Consent withdrawn: we have erased all your health details."
                )
            else:
                messages.success(request, "Your settings are saved.")
            response = redirect(_settings_url(request.POST.get("section")))
            response.set_cookie(
                "text_size",
                "large" if data["prefers_larger_text"] else "normal",
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=request.is_secure(),
                httponly=True,
            )
            return response
        status = HTTPStatus.BAD_REQUEST
    else:
        form = SettingsForm(instance=profile, initial=initial, consent_active=consent_active)
    preview_profile = member_profile_get(handle=user.handle, viewer=user)
    preview = (
        [
            item
            for item in profile_items_for_viewer(profile=preview_profile.profile, viewer=user)
            if not item.only_you
        ]
        if preview_profile
        else []
    )
    context = {
        "form": form,
        "open_sections": form.sections_to_open(request.GET.get("section")),
        "preview": preview,
        "posting_refusal": posting_refusal(user),
        "consent_active": consent_active,
    }
    return render(request, "accounts/settings.html", context, status=status)


@login_required
@never_cache
@require_GET
def export_view(request: HttpRequest) -> HttpResponse:
    data = member_export(user=_member(request))
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mybcteam-my-data.json"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete_view(request: MemberRequest) -> HttpResponse:
    status = HTTPStatus.OK
    if request.method == "POST":
        form = AccountDeleteForm(request.POST, user=request.user)
        if form.is_valid():
            member_erase(user=_member(request))
            logout(request)
            messages.success(
                request,
                "Your account is erased. What you wrote stays, credited to a former member. "
                "Thank you for having been part of this community.",
            )
            return redirect("home")
        status = HTTPStatus.BAD_REQUEST
    else:
        form = AccountDeleteForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form}, status=status)


@login_required
@require_GET
def directory_view(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    directory = member_directory_page(
        viewer=request.user, filters=filters, page_number=request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": directory.page,
        "cards": directory.cards,
        "viewer_has_facts": directory.viewer_has_facts,
        "filtered": bool(filters and any(filters.values())),
        "query": query.urlencode(),
    }
    return render(request, "accounts/directory.html", context)


@login_required
@require_GET
def profile_view(request: HttpRequest, handle: str) -> HttpResponse:
    member = member_profile_get(handle=handle, viewer=request.user)
    if member is None:
        raise Http404("No such member.")
    is_owner = member.pk == request.user.pk
    # A block either way: the profile shows her name and nothing she shared, as for a member
    # who shared nothing, so the blocked member cannot tell.
    blockers = set() if is_owner else _blockers_between(member, int(request.user.pk or 0))
    blocked = bool(blockers)
    items = [] if blocked else profile_items_for_viewer(profile=member.profile, viewer=request.user)
    context = {
        "member": member,
        "items": items,
        "is_owner": is_owner,
        "blocked": blocked,
        "i_blocked": request.user.pk in blockers,
    }
    return render(request, "accounts/profile.html", context)


def _blockers_between(member: User, viewer_id: int) -> set[int]:
    """Who blocked whom between the two (one query): empty when neither did."""
    pair = Q(blocker=member, blocked_id=viewer_id) | Q(blocker_id=viewer_id, blocked=member)
    return set(Block.objects.filter(pair).values_list("blocker_id", flat=True))
