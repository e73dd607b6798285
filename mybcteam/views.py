"""Cross-app pages: home, the static community pages, robots.txt and the health check."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from accounts.selectors import member_count
from articles.selectors import article_list_published
from core.viewer import viewer_is_member
from forum.selectors import home_questions

from .health import health_report
from .member_home import member_home_context


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Visitors get the public page (kept in the anonymous page cache); members their own."""
    if isinstance(request.user, User) and viewer_is_member(request.user):
        return render(request, "home_member.html", member_home_context(member=request.user))
    context = {
        "member_count": member_count(),
        "active_questions": home_questions(),
        "latest_articles": list(article_list_published()[:3]),
    }
    return render(request, "home.html", context)


@require_GET
def guidelines(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/guidelines.html")


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    return render(request, "robots.txt", content_type="text/plain")


@require_GET
@cache_control(no_store=True)
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, checks = health_report()
    status = HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=status)


@require_POST
def text_size(request: HttpRequest) -> HttpResponse:
    """Remember the "larger text" choice in a cookie, and on the member's account too."""
    large = request.POST.get("size") == "large"
    target = request.POST.get("next", "/")
    # Only a local path: redirect() would try a bare word such as "0" as a view name.
    if (
        not target.startswith("/")
        or "\x00" in target
        or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        target = "/"
    if request.user.is_authenticated:
        request.user.prefers_larger_text = large
        request.user.save(update_fields=["prefers_larger_text"])
    response = HttpResponseRedirect(target)
    response.set_cookie(
        "text_size",
        "large" if large else "normal",
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
