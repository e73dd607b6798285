"""The server-error page: a calm 503 while the database is out of reach, else the 500 page.

Both are rendered from a template alone (no request context, no database, no session): they
must work when everything else has failed.
"""

import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader

# How long we ask browsers and proxies to wait before trying again; the database usually comes
# back within a restart or a failover.
RETRY_AFTER_SECONDS = 30


def _database_unreachable(exc: BaseException | None) -> bool:
    """A lost or refused connection (or a timeout), seen directly or behind another error."""
    for _ in range(10):  # a chain of causes is short; never loop on a cycle
        if exc is None:
            return False
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: called by Django inside the except block of the failed request."""
    if _database_unreachable(sys.exc_info()[1]):
        response = HttpResponse(
            loader.get_template("503.html").render(), status=503, content_type="text/html"
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
