"""Refuse query strings with NUL bytes before a view sees them.

PostgreSQL text cannot hold NUL, so a crafted `?topic=%00` would reach the database as an
error (a 500) on every page that filters by a parameter; SQLite accepts it. One check here
answers all of them with a clear 400 instead.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

NUL = "\x00"
REASON = "The address contains a character that is not allowed (a NUL byte). Please check the link."


class RejectNulBytesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _query_has_nul(request):
            response = TemplateResponse(request, "400.html", {"reason": REASON}, status=400)
            return response.render()
        return self.get_response(request)


def _query_has_nul(request: HttpRequest) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )
