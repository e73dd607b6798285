"""/team/: her team, the requests waiting either way, and members like her; and the buttons
on profiles that ask, accept, ignore, withdraw and remove. Every answer is the same whether a
block stands in the way or not, so nobody learns they were blocked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from accounts.http import MemberRequest
from accounts.models import User
from moderation.policy import posting_refusal

from . import selectors, services

REQUESTS_SHOWN = 50


@login_required
@require_GET
def team_view(request: MemberRequest) -> HttpResponse:
    member = request.user
    team = Paginator(selectors.team_list(member=member), selectors.TEAM_PAGE_SIZE)
    context = {
        "team_page": team.get_page(request.GET.get("page")),
        "incoming": list(selectors.team_requests_incoming(member=member)[:REQUESTS_SHOWN]),
        "outgoing": list(selectors.team_requests_outgoing(member=member)[:REQUESTS_SHOWN]),
        "suggestions": selectors.team_suggestions(member=member),
        "posting_refusal": posting_refusal(member),
    }
    return render(request, "activities/team.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # A plain redirect: django's redirect() would try a bare word as a view name.
        return HttpResponseRedirect(target)
    return redirect(reverse("activities:team"))


def _other(handle: str) -> User:
    other = User.objects.filter(handle=handle, is_active=True, erased_at__isnull=True).first()
    if other is None:
        raise Http404("No such member.")
    return other


@login_required
@require_POST
def team_request_view(request: MemberRequest, handle: str) -> HttpResponse:
    other = _other(handle)
    try:
        services.team_request_send(sender=request.user, recipient=other)
    except (PermissionDenied, ValidationError) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
    else:
        # The same words whether she gets it, had asked first, or a block swallowed it.
        messages.success(request, f"Your team request is on its way to {other.public_name}.")
    return _back(request)


@login_required
@require_POST
def team_accept_view(request: MemberRequest, pk: int) -> HttpResponse:
    try:
        mate = services.team_request_accept(recipient=request.user, request_id=pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{mate.public_name} is on your team now.")
    return _back(request)


@login_required
@require_POST
def team_ignore_view(request: MemberRequest, pk: int) -> HttpResponse:
    try:
        services.team_request_ignore(recipient=request.user, request_id=pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Request set aside. Nobody is told.")
    return _back(request)


@login_required
@require_POST
def team_withdraw_view(request: MemberRequest, pk: int) -> HttpResponse:
    services.team_request_withdraw(sender=request.user, request_id=pk)
    messages.success(request, "Request taken back.")
    return _back(request)


@login_required
@require_POST
def team_remove_view(request: MemberRequest, handle: str) -> HttpResponse:
    other = User.objects.filter(handle=handle).first()
    if other is None:
        raise Http404("No such member.")
    services.team_remove(member=request.user, mate=other)
    messages.success(request, f"{other.public_name} is no longer on your team. Nobody is told.")
    return _back(request)
