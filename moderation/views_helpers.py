"""What content apps render when the moderation policy says no."""

from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .policy import PostingLimitExceeded


def rate_limited_response(
    request: HttpRequest,
    exc: PostingLimitExceeded,
    *,
    text: str,
    back_url: str = "",
    action_url: str = "",
    field_name: str = "body",
    extra_fields: dict[str, Any] | None = None,
) -> HttpResponse:
    """A friendly 429 that shows the member's text so nothing they typed is lost.

    `action_url` and `field_name` let the page offer the same form again (the member can post
    when the limit allows); `extra_fields` are re-sent as hidden inputs (e.g. a title).
    """
    fragment = bool(getattr(request, "htmx", False))
    response = render(
        request,
        "moderation/includes/rate_limited.html" if fragment else "moderation/rate_limited.html",
        {
            "message": str(exc),
            "text": text,
            "back_url": back_url,
            "action_url": action_url,
            "field_name": field_name,
            "extra_fields": extra_fields or {},
        },
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = str(exc.retry_after_seconds)
    return response
