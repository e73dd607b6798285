"""Values every template may use."""

from django.conf import settings
from django.http import HttpRequest

from .page_cache import csrf_placeholder, is_rendering_for_cache


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "larger_text": request.COOKIES.get("text_size") == "large"
        or bool(getattr(getattr(request, "user", None), "prefers_larger_text", False)),
    }


def csrf_for_page_cache(request: HttpRequest) -> dict[str, object]:
    """A page being rendered for the anonymous page cache gets a placeholder, never a token.

    Django's own csrf processor always runs first; this one, listed after it, overrides its
    value. The page cache middleware puts each visitor's own token in place when serving.
    """
    if is_rendering_for_cache(request):
        return {"csrf_token": csrf_placeholder()}
    return {}
