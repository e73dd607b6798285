"""Her notifications page, opening and marking read, the bell fragment and her preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User

from .forms import PreferencesForm
from .mentions import mention_candidates
from .preferences import preferences_set
from .rendering import render_rows
from .selectors import notification_page
from .services import notification_mark_read, notifications_mark_all_read, notifications_mark_gone

SETTINGS_SECTION = "/accounts/settings/?section=notifications#notifications"


def _member(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # behind login_required
    return request.user


@login_required
@never_cache
@require_GET
def notifications_view(request: HttpRequest) -> HttpResponse:
    member = _member(request)
    page = notification_page(viewer=member, before=request.GET.get("before") or None)
    if page.gone_ids:
        notifications_mark_gone(member_id=member.pk, ids=page.gone_ids)
        member.refresh_from_db(fields=["notifications_unread"])
    template = (
        "notifications/includes/entries.html"
        if request.headers.get("HX-Request") and request.GET.get("before")
        else "notifications/list.html"
    )
    return render(request, template, {"page": page})


@login_required
@never_cache
@require_GET
def notification_open_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark it read and go where it points, if she may still see that; else back to the list."""
    member = _member(request)
    row = notification_mark_read(member=member, notification_id=pk)
    if row is not None:
        entries, _ = render_rows(viewer=member, rows=[row])
        if entries and entries[0].url:
            return redirect(entries[0].url)
    messages.info(request, "That notification leads nowhere now: what it was about is gone.")
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_view(request: HttpRequest, pk: int) -> HttpResponse:
    notification_mark_read(member=_member(request), notification_id=pk)
    return redirect("notifications:list")


@login_required
@require_POST
def notifications_read_all_view(request: HttpRequest) -> HttpResponse:
    notifications_mark_all_read(member=_member(request))
    messages.success(request, "All caught up: every notification is marked as read.")
    return redirect("notifications:list")


@login_required
@never_cache
@require_GET
def bell_view(request: HttpRequest) -> HttpResponse:
    """The bell alone, for htmx to refresh the count without reloading the page."""
    return render(request, "notifications/includes/bell.html", {"user": _member(request)})


@login_required
@require_POST
def preferences_view(request: HttpRequest) -> HttpResponse:
    member = _member(request)
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "We could not save your notification choices: pick one option on each line."
        )
        return redirect(SETTINGS_SECTION)
    preferences_set(
        member=member, channels=form.channels(), pause_email=form.cleaned_data["pause_email"]
    )
    messages.success(request, "Your notification choices are saved.")
    return redirect(SETTINGS_SECTION)


@login_required
@require_GET
def mention_suggestions_view(request: HttpRequest) -> HttpResponse:
    """Members she may mention whose name starts with what she typed: a short list of
    "@handle" to copy into her post. Typing "@handle" by hand works the same without it."""
    query = request.GET.get("q", "")[:40]
    members = mention_candidates(writer=_member(request), query=query)
    template = (
        "notifications/includes/mention_suggestions.html"
        if request.headers.get("HX-Request")
        else "notifications/mentions.html"  # without JavaScript: a page of its own
    )
    response = render(request, template, {"members": members, "query": query})
    # Typing is bursty: the browser may reuse an answer for a minute; never a shared cache.
    response["Cache-Control"] = "private, max-age=60"
    return response
