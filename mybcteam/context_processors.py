"""Values every template may use."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "larger_text": request.COOKIES.get("text_size") == "large"
        or bool(getattr(getattr(request, "user", None), "prefers_larger_text", False)),
    }
