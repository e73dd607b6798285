"""Rules every request and response share: no NUL bytes in queries, private member pages.

NUL bytes are dropped from query strings before a view sees them: PostgreSQL text cannot hold
NUL, so a crafted `?topic=%00` would reach the database as an error (a 500) on every page that
filters by a parameter; SQLite accepts it. A NUL is never meaningful in a link, so the page is
served as if it were not there.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers

NUL = "\x00"


class StripNulBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if NUL in request.META.get("QUERY_STRING", "") or _query_has_nul(request):
            request.GET = _without_nul(request.GET)  # type: ignore[assignment]
        return self.get_response(request)


def _query_has_nul(request: HttpRequest) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        for value in values:
            cleaned.appendlist(key.replace(NUL, ""), value.replace(NUL, ""))
    cleaned._mutable = False  # as Django's own request.GET: views must copy() to change it
    return cleaned


class MemberResponsesPrivateMiddleware:
    """Every response rendered for a logged-in member is private and never stored.

    Member pages carry health posts; `Vary: Cookie` alone lets a shared proxy or the browser's
    back-forward cache keep them. `Vary: HX-Request`, because one URL may answer an htmx
    fragment or the whole page, and a cache must not hand one out for the other.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        if response.get("Content-Type", "").startswith("text/html"):
            patch_vary_headers(response, ("HX-Request",))
        return response
