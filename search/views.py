"""The site search page: /search/?q= (the search itself in search.selectors)."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalogue.models import Topic

from .selectors import search_kinds_for, site_search


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    topic = None
    if slug := request.GET.get("topic", "")[:80].replace("\x00", ""):
        topic = Topic.objects.filter(slug=slug).first()
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    results = site_search(
        query=raw, viewer=request.user, kind=request.GET.get("kind", ""), topic=topic, page=page
    )
    context = {
        "results": results,
        "kinds": {kind.name: kind.label for kind in search_kinds_for(request.user)},
        "topics": Topic.objects.all(),
        "searched": bool(raw.strip()),
    }
    template = "search/includes/results.html" if _is_htmx(request) else "search/search.html"
    return render(request, template, context, status=HTTPStatus.OK)
