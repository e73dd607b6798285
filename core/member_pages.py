"""Whole member pages rendered once and shared by ordinary members (docs/caching.md).

A member reading a busy question, the flagship article or the question list sees what every
ordinary member sees, apart from a few things of her own. The first ordinary member's request
renders the whole page (base template included) with placeholders for those: the CSRF token and
each posting form's idempotency key (as the anonymous page cache does), and "slots" for the
pieces of the page frame that are hers: the header (her name, her bell, her profile link) and
the newsletter box (shown only if she is not subscribed). Later requests take that copy and
make it hers: the caller's swaps (her hugged buttons, her follow button), each slot rendered
for her, her own token and fresh keys.

Who may share, and what the key must hold, is each caller's decision (forum.member_pages,
articles.member_pages): moderators, authors on the page, members with blocks, members who may
not post and every other viewer whose page differs beyond the swaps get their own render. The
key always ends with the people version (names, erasure: core.shared_render.shared_key).

A copy is kept in Redis and, for the 64 pages a process served last, in the process itself:
the key holds every version the copy depends on, so a local copy is never stale either.
"""

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache as memoize
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

from .idempotency import keys_fill
from .page_cache import RENDER_FLAG, csrf_placeholder
from .viewer import viewer_has_staff_powers

logger = logging.getLogger(__name__)

CACHE_SECONDS = 600
# The parts of the page frame that belong to the member: templates/member_slots/<name>.html.
SLOTS = ("header", "newsletter")
MEMBER_RENDER_FLAG = "_member_page_render"
LOCAL_ENTRIES = 64
_local: OrderedDict[str, "MemberPage"] = OrderedDict()
LOCAL_HEADERS = 1024
_headers: OrderedDict[tuple[Any, ...], str] = OrderedDict()
_local_lock = threading.Lock()


@dataclass(frozen=True)
class MemberPage:
    """A whole page with placeholders, and what the caller's swaps need to know of it."""

    html: str
    facts: dict[str, Any] = field(default_factory=dict)


@memoize
def slot_placeholder(name: str) -> str:
    """Stands in for a slot in a shared page; derived from SECRET_KEY, so nobody can type it."""
    return f"member-slot-{salted_hmac('core.member_pages', name).hexdigest()[:24]}"


def holds_any_permission_sql() -> str:
    """SQL: the member `%(viewer)s` holds some permission, directly or through a group.

    Ordinary members hold none; moderators, editors and other staff do, and the pages they see
    differ (hidden posts, drafts, staff links), so the shared pages leave them out without
    asking which permission each page cares about.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    quote = connection.ops.quote_name
    user = get_user_model()
    user_permissions = quote(user.user_permissions.through._meta.db_table)
    user_groups = quote(user.groups.through._meta.db_table)
    group_permissions = quote(Group.permissions.through._meta.db_table)
    return (
        f"(EXISTS(SELECT 1 FROM {user_permissions} WHERE user_id = %(viewer)s) OR "  # nosec B608 - model names, bound values
        f"EXISTS(SELECT 1 FROM {user_groups} g JOIN {group_permissions} x "
        "ON x.group_id = g.group_id WHERE g.user_id = %(viewer)s))"
    )


def member_marks_among(model: Any, *, column: str, member_id: int, ids: Iterable[int]) -> set[int]:
    """Which of `ids` she marked (hugged...): rows of `model` with her `member_id` and `column`
    among `ids`. Plain SQL: the ORM's compiling cost more than this query on a hit."""
    wanted = [int(i) for i in ids]
    if not wanted:
        return set()
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote(column)} FROM {quote(model._meta.db_table)} "  # nosec B608 - model names, bound values
        f"WHERE member_id = %s AND {quote(column)} IN ({', '.join(['%s'] * len(wanted))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [member_id, *wanted])
        return {row[0] for row in cursor.fetchall()}


def is_rendering_member_page(request: HttpRequest | None) -> bool:
    return bool(getattr(request, MEMBER_RENDER_FLAG, False))


def slot_render(context: Context, name: str) -> SafeString:
    """The slot's own template in this context, or its placeholder in a shared page."""
    if is_rendering_member_page(context.get("request")):
        return mark_safe(slot_placeholder(name))  # nosec B308 B703 - our own constant
    template = context.template.engine.get_template(f"member_slots/{name}.html")  # type: ignore[union-attr]
    with context.push():
        return mark_safe(template.render(context))  # nosec B308 B703 - a rendered template


def request_may_share(request: HttpRequest) -> bool:
    """A plain GET of a whole page with no message waiting for her (messages are hers)."""
    if request.method not in ("GET", "HEAD") or getattr(request, "htmx", False):
        return False
    return len(get_messages(request)) == 0  # reads the queue without marking it shown


def member_page_forget_local() -> None:
    """Forget this process's copies (tests clear the cache)."""
    with _local_lock:
        _local.clear()
        _headers.clear()


def _get(key: str) -> MemberPage | None:
    with _local_lock:
        page = _local.get(key)
        if page is not None:
            _local.move_to_end(key)
            return page
    page = cache.get(key)
    if isinstance(page, MemberPage):
        _keep_local(key, page)
        return page
    return None


def _keep_local(key: str, page: MemberPage) -> None:
    with _local_lock:
        _local[key] = page
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def _render_shared(
    request: HttpRequest, render: Callable[[], tuple[HttpResponse, dict[str, Any]]]
) -> tuple[HttpResponse, MemberPage, bool]:
    """Render with every placeholder; the response, the page, and whether others may have it."""
    setattr(request, RENDER_FLAG, True)
    setattr(request, MEMBER_RENDER_FLAG, True)
    try:
        response, facts = render()
    finally:
        setattr(request, RENDER_FLAG, False)
        setattr(request, MEMBER_RENDER_FLAG, False)
    storable = (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(getattr(request, "_messages", None), "added_new", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and facts.pop("shareable", True)  # e.g. a page number past the last page
    )
    return response, MemberPage(html=response.content.decode(), facts=facts), storable


def member_page_serve(
    request: HttpRequest,
    *,
    key: str,
    render: Callable[[], tuple[HttpResponse, dict[str, Any]]],
    swaps: Callable[[MemberPage], Iterable[tuple[str, str]]],
) -> HttpResponse:
    """The shared page under `key` (rendered and stored on a miss), made this member's own.

    `render()` renders the page as for any ordinary member and returns the facts `swaps`
    needs; `swaps(page)` gives (shared fragment, her fragment) pairs, each replaced once.
    """
    page = _get(key)
    if page is None:
        response, page, storable = _render_shared(request, render)
        if response.status_code != 200:
            return response  # a redirect or a refusal: nothing of a page to fill
        if storable:
            _keep_local(key, page)
            cache.set(key, page, CACHE_SECONDS)
    html = page.html
    for shared_fragment, own_fragment in swaps(page):
        html = html.replace(shared_fragment, own_fragment, 1)
    html = _slots_filled(request, html)
    html = keys_fill(html.replace(csrf_placeholder(), get_token(request)))
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def _slots_filled(request: HttpRequest, html: str) -> str:
    """Each slot rendered for her, with the token placeholder (filled with the page's)."""
    setattr(request, RENDER_FLAG, True)
    try:
        for name in SLOTS:
            placeholder = slot_placeholder(name)
            while placeholder in html:
                own = _header(request) if name == "header" else _slot(request, name)
                html = html.replace(placeholder, own, 1)
    finally:
        setattr(request, RENDER_FLAG, False)
    return html


def _slot(request: HttpRequest, name: str) -> str:
    return render_to_string(f"member_slots/{name}.html", {}, request)


def _header(request: HttpRequest) -> str:
    """Her header, kept per process under everything it shows: her name, profile address,
    unread count, staff link, text size, and the address it points back to."""
    user: Any = request.user
    key = (
        user.pk,
        user.display_name,
        user.get_absolute_url(),
        user.notifications_unread,
        viewer_has_staff_powers(user),
        request.COOKIES.get("text_size") == "large" or user.prefers_larger_text,
        request.get_full_path(),
    )
    with _local_lock:
        header = _headers.get(key)
        if header is not None:
            _headers.move_to_end(key)
            return header
    header = _slot(request, "header")
    with _local_lock:
        _headers[key] = header
        while len(_headers) > LOCAL_HEADERS:
            _headers.popitem(last=False)
    return header
