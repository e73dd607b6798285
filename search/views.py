"""The site search page: /search/?q= (the search itself in search.selectors)."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from .result_cache import search_cache_read, search_cache_write
from .results import SearchResults
from .selectors import search_kinds_for, search_topics, site_search

RESULTS_TEMPLATE = "search/includes/results.html"


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _results_html(results: SearchResults, *, searched: bool) -> SafeString:
    """The results list; a page everyone who shares its results shares its HTML too.

    The list shows nothing but the results (no token, nothing about the viewer), so it is kept
    beside them, under the same key and so the same content version.
    """
    key = f"{results.cache_key}:html:{int(searched)}" if results.cache_key else None
    html = search_cache_read(key) if key else None
    if not isinstance(html, str):
        html = render_to_string(RESULTS_TEMPLATE, {"results": results, "searched": searched})
        if key:
            search_cache_write(key, html)
    # Safe: our own template's output, every value escaped when it was rendered.
    return mark_safe(html)  # nosec B308 B703


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    topic = None
    if slug := request.GET.get("topic", "")[:80].replace("\x00", ""):
        topic = next((t for t in search_topics() if t.slug == slug), None)
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    results = site_search(
        query=raw, viewer=request.user, kind=request.GET.get("kind", ""), topic=topic, page=page
    )
    results_html = _results_html(results, searched=bool(raw.strip()))
    if _is_htmx(request):
        return HttpResponse(results_html, status=HTTPStatus.OK)
    context = {
        "results": results,
        "results_html": results_html,
        "kinds": {kind.name: kind.label for kind in search_kinds_for(request.user)},
        "topics": search_topics(),
    }
    return render(request, "search/search.html", context, status=HTTPStatus.OK)
