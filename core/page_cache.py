"""Whole-page cache for anonymous visitors on a short list of public pages (docs/caching.md).

Placed inside the session, CSRF, clickjacking and CSP middleware, so a page served from the
cache still passes through them: every visitor gets the security headers and their own CSRF
cookie. Pages are rendered with a placeholder where the CSRF token goes; the placeholder is
replaced by the visitor's own token on every serve, so no token is ever stored or shared.

Privacy: only requests without a session cookie are looked up or stored, and the view must
have answered a plain 200 HTML page that set no cookie, queued no message and touched no
session. Freshness: each entry carries the content version it was rendered under
(core.public_pages); an entry whose version is not the current one is a miss.
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import cache as memoize
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac

from .idempotency import keys_fill_bytes
from .public_pages import public_pages_version, public_pages_version_forget

logger = logging.getLogger(__name__)

# The views whose anonymous page is the same for every visitor (URL names, the contract).
CACHEABLE_VIEWS = frozenset(
    {
        "home",
        "guidelines",
        "privacy",
        "articles:list",
        "articles:topic",
        "articles:detail",
        "forum:list",
        "forum:question",
        "treatments:list",
        "treatments:detail",
    }
)
# A cheap filter before any cache round trip; the view name above decides what is stored.
_CANDIDATE_PATH = re.compile(
    r"^/(?:guidelines/|privacy/|articles/(?:topics/)?(?:[-\w]+/)?|questions/(?:\d+/[^/]+/)?"
    r"|treatments/(?:[-\w]+/)?)?$"
)
# Parameters these pages read; any other one (tracking tags, junk) renders normally, so a
# crawler cannot fill the cache with endless variants of one page.
ALLOWED_QUERY_PARAMETERS = frozenset({"page", "topic", "tab", "after", "sort", "treatment", "like"})
MAX_QUERY_LENGTH = 300
# A safety net only: every change visitors could see bumps the version at once.
TTL_SECONDS = 120
ENTRY_PREFIX = "pagecache:page:"
# Each process also keeps the pages it served last, so a hit does not fetch the page from
# Redis. A copy here is served only while its version is the current one.
LOCAL_ENTRIES = 256
_local: OrderedDict[str, dict[str, Any]] = OrderedDict()
_local_lock = threading.Lock()
MESSAGES_COOKIE = "messages"  # django.contrib.messages' CookieStorage.cookie_name
HTMX_HEADER = "HTTP_HX_REQUEST"
RENDER_FLAG = "_page_cache_render"
# Headers the outer middleware or the server add again on every serve.
_NOT_STORED_HEADERS = frozenset({"vary", "content-length", "set-cookie", "x-page-cache"})
_ALLOWED_VARY = frozenset({"cookie", "hx-request"})


@memoize
def csrf_placeholder() -> str:
    """Stands in for the CSRF token in a page being cached. Derived from SECRET_KEY, so every
    process agrees on it and a member cannot type it into a question title."""
    return "csrf-placeholder-" + salted_hmac("core.page_cache", "csrf").hexdigest()[:32]


def is_rendering_for_cache(request: HttpRequest) -> bool:
    return bool(getattr(request, RENDER_FLAG, False))


def request_is_candidate(request: HttpRequest) -> bool:
    """An anonymous GET or HEAD of a cacheable-looking public URL, not an htmx fragment."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    if request.META.get(HTMX_HEADER):
        return False
    if not _CANDIDATE_PATH.match(request.path):
        return False
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_LENGTH or "\x00" in query or "%00" in query:
        return False
    return all(name in ALLOWED_QUERY_PARAMETERS for name in request.GET)


def page_key(request: HttpRequest) -> str:
    """Everything the anonymous page depends on: where it was asked for and the text size."""
    large = "large" if request.COOKIES.get("text_size") == "large" else "normal"
    parts = (request.scheme or "", request.get_host(), request.get_full_path(), large)
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return ENTRY_PREFIX + digest


def _local_get(key: str, version: str) -> dict[str, Any] | None:
    with _local_lock:
        entry = _local.get(key)
        if entry is None or entry.get("v") != version or entry.get("expires", 0) < time.time():
            return None
        _local.move_to_end(key)
        return entry


def _local_put(key: str, entry: dict[str, Any]) -> None:
    with _local_lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def _lookup(key: str) -> tuple[str | None, dict[str, Any] | None]:
    """The current version and a page stored under it, if any; (None, None) on failure."""
    try:
        version = public_pages_version()
        if version is None:
            return None, None
        entry = _local_get(key, version)
        if entry is None:
            entry = cache.get(key)
            if entry is None or entry.get("v") != version:
                return version, None
            _local_put(key, entry)
        return version, entry
    except Exception:  # any cache failure is a miss: the page renders as without the cache
        logger.warning("page cache: lookup failed; rendering normally", exc_info=True)
        return None, None


def page_cache_forget_local() -> None:
    """Forget this process's copies of pages and of the version (tests clear the cache)."""
    with _local_lock:
        _local.clear()
    public_pages_version_forget()


def _store(key: str, entry: dict[str, Any]) -> None:
    _local_put(key, entry)
    try:
        cache.set(key, entry, TTL_SECONDS)
    except Exception:
        logger.warning("page cache: store failed", exc_info=True)


def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A plain public page: nothing in it or around it belongs to this one visitor."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in CACHEABLE_VIEWS:
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if any(name != settings.CSRF_COOKIE_NAME for name in response.cookies):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if not vary <= _ALLOWED_VARY:
        return False
    # Somebody read the real CSRF token during the render: it may be in the page.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if getattr(getattr(request, "_messages", None), "added_new", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _entry(version: str, response: HttpResponse) -> dict[str, Any]:
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in _NOT_STORED_HEADERS
    ]
    return {
        "v": version,
        "expires": time.time() + TTL_SECONDS,  # local copies honour the safety net too
        "status": response.status_code,
        "headers": headers,
        "body": response.content,
    }


def _from_entry(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["body"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _with_visitor_token(request: HttpRequest, response: HttpResponseBase) -> None:
    """Put this visitor's own CSRF token where the placeholder is (and so their cookie), and
    a fresh idempotency key in any posting form's placeholder."""
    if response.streaming or not isinstance(response, HttpResponse):
        return
    placeholder = csrf_placeholder().encode()
    content = original = response.content
    if placeholder in content:
        content = content.replace(placeholder, get_token(request).encode())
    content = keys_fill_bytes(content)
    if content is not original:
        response.content = content


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request_is_candidate(request):
            return self.get_response(request)
        key = page_key(request)
        version, entry = _lookup(key)
        if version is not None and entry is not None:
            hit = _from_entry(entry)
            _with_visitor_token(request, hit)
            patch_vary_headers(hit, ("Cookie",))
            hit["X-Page-Cache"] = "hit"
            return hit
        setattr(request, RENDER_FLAG, True)
        response = self.get_response(request)
        stored = False
        if (
            version is not None
            and isinstance(response, HttpResponse)
            and _storable(request, response)
        ):
            _store(key, _entry(version, response))
            stored = True
        _with_visitor_token(request, response)
        if stored:
            response["X-Page-Cache"] = "miss"
        return response
