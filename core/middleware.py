"""Drop NUL bytes from query strings before a view sees them.

PostgreSQL text cannot hold NUL, so a crafted `?topic=%00` would reach the database as an
error (a 500) on every page that filters by a parameter; SQLite accepts it. A NUL is never
meaningful in a link, so the page is served as if it were not there.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict

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
