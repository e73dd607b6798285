"""Subscribe, confirm, unsubscribe and preferences: token links, no login needed."""

from http import HTTPStatus

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import User

from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber
from .services import (
    CONSENT_WORDING,
    subscriber_confirm,
    subscriber_preferences_update,
    subscriber_subscribe,
    subscriber_unsubscribe,
)
from .tokens import TokenInvalid, token_make, token_read

SUBSCRIBE_LIMIT_PER_HOUR = 30


def _client_key(request: HttpRequest) -> str:
    # "ratelimit:" keys live on in the database while Redis is down (core.cache).
    return f"ratelimit:newsletter-subscribe:{request.META.get('REMOTE_ADDR', '')}"


def _over_limit(request: HttpRequest) -> bool:
    key = _client_key(request)
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # the cache is down (fail-soft): do not block people
        return False
    return count > SUBSCRIBE_LIMIT_PER_HOUR


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/invalid_link.html", status=HTTPStatus.BAD_REQUEST)


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """The sign-up box's target; the same answer whether or not the address is known."""
    partial = bool(getattr(request, "htmx", False))
    if request.method == "GET":
        form = SubscribeForm(initial={"source": request.GET.get("from", "")})
        return render(
            request, "newsletter/subscribe.html", {"form": form, "wording": CONSENT_WORDING}
        )
    data = request.POST.copy()
    if request.user.is_authenticated and not data.get("email"):
        data["email"] = request.user.email  # a member's one-click subscription
    form = SubscribeForm(data)
    if not form.is_valid():
        template = "newsletter/includes/box.html" if partial else "newsletter/subscribe.html"
        return render(
            request,
            template,
            {"form": form, "wording": CONSENT_WORDING, "newsletter_source": data.get("source")},
            # htmx swaps only 2xx answers: the fragment with its error comes back as 200.
            status=HTTPStatus.OK if partial else HTTPStatus.BAD_REQUEST,
        )
    if _over_limit(request):
        form.add_error(None, "Too many sign-ups from your connection. Please try again later.")
        return render(
            request,
            "newsletter/subscribe.html",
            {"form": form, "wording": CONSENT_WORDING},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    member = request.user if isinstance(request.user, User) else None
    subscriber = subscriber_subscribe(
        email=form.cleaned_data["email"],
        source_page=form.cleaned_data["source"],
        member=member,
    )
    confirmed_now = member is not None and subscriber.member_id == member.pk
    template = "newsletter/includes/box_done.html" if partial else "newsletter/subscribe_done.html"
    return render(request, template, {"confirmed_now": confirmed_now})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms the subscription."""
    try:
        subscriber_id = token_read(token=token, purpose="confirm")
    except TokenInvalid:
        return _invalid_link(request)
    if request.method == "GET":
        return render(request, "newsletter/confirm.html", {"token": token})
    subscriber = subscriber_confirm(subscriber_id=subscriber_id)
    if subscriber is None:
        return _invalid_link(request)
    return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail clients POST here with no cookie; the signed token is the key
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for a click (link scanners); POST unsubscribes at once (one-click)."""
    try:
        subscriber_id = token_read(token=token, purpose="unsubscribe")
    except TokenInvalid:
        return _invalid_link(request)
    if request.method == "GET":
        return render(request, "newsletter/unsubscribe.html", {"token": token})
    subscriber_unsubscribe(subscriber_id=subscriber_id)
    return render(request, "newsletter/unsubscribed.html")


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """Topics, digest and newsletter on/off, pause, discreet mode."""
    try:
        subscriber_id = token_read(token=token, purpose="preferences")
    except TokenInvalid:
        return _invalid_link(request)
    subscriber = Subscriber.objects.filter(id=subscriber_id).prefetch_related("topics").first()
    if subscriber is None:
        return _invalid_link(request)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            pause = form.cleaned_data["pause"]
            subscriber_preferences_update(
                subscriber=subscriber,
                topics=form.cleaned_data["topics"],
                digest_enabled=form.cleaned_data["digest_enabled"],
                newsletter_enabled=form.cleaned_data["newsletter_enabled"],
                discreet=form.cleaned_data["discreet"],
                pause_weeks=pause or None,
                resume=pause == 0,
            )
            saved = True
            form = PreferencesForm(initial=_initial(subscriber))
    else:
        form = PreferencesForm(initial=_initial(subscriber))
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    context = {
        "form": form,
        "subscriber": subscriber,
        "saved": saved,
        "token": token,
        "unsubscribe_token": token_make(subscriber_id=subscriber.id, purpose="unsubscribe"),
    }
    return render(request, "newsletter/preferences.html", context, status=status)


def _initial(subscriber: Subscriber) -> dict[str, object]:
    return {
        "topics": list(subscriber.topics.all()),
        "digest_enabled": subscriber.digest_enabled,
        "newsletter_enabled": subscriber.newsletter_enabled,
        "discreet": subscriber.discreet,
    }
