"""Ceilings: the fastest page this server configuration can serve, anonymous and signed in.

Both go through the full middleware stack (sessions, CSRF, CSP, auth...) and render a tiny
template; the member one also touches request.user, which loads the session and the user.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def anonymous_ceiling(request: HttpRequest) -> HttpResponse:
    return render(request, "benchmarks/ceiling.html", {"greeting": "Hello"})


def member_ceiling(request: HttpRequest) -> HttpResponse:
    name = request.user.display_name if request.user.is_authenticated else "visitor"
    return render(request, "benchmarks/ceiling.html", {"greeting": f"Hello {name}"})
