"""The embedded engine (SQLite, `make run`): all words `icontains`, title hits first, newest first.

Reads only the registered descriptions (`core.search_registry`): the fields a viewer may match,
the snippet source and the date come from each kind's description.
"""

import re
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.search_registry import SearchableKind
from core.viewer import Viewer

from .results import (
    HIGHLIGHT_MARKER,
    PAGE_SIZE,
    SearchHit,
    SearchResults,
    kind_matches_title,
    kind_shows_body,
)

MAX_WORDS = 6

# (0 for a title match else 1, newest first, the hit): the sort key, then what is shown.
Found = tuple[int, float, SearchHit]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1][:MAX_WORDS] or [text.lower()]


def _every_word(words: list[str], fields: list[str]) -> Q:
    cond = Q()
    for word in words:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": word})
        cond &= any_field
    return cond


def _snippet(text: str, words: list[str]) -> SafeString:
    text = text.replace(HIGHLIGHT_MARKER, "")  # as the PostgreSQL engine shows it
    if not text:
        return SafeString("")
    lower = text.lower()
    at = min((lower.find(w) for w in words if lower.find(w) >= 0), default=0)
    start = max(0, at - 60)
    piece = (
        ("…" if start else "")
        + text[start : start + 200]
        + ("…" if start + 200 < len(text) else "")
    )
    safe: str = str(escape(piece))
    for word in words:
        safe = re.sub(f"({re.escape(escape(word))})", r"<mark>\1</mark>", safe, flags=re.IGNORECASE)
    # Safe: escaped above; only our own <mark> tags are added.
    return mark_safe(safe)  # nosec B308 B703


def _matching(
    kind: SearchableKind,
    *,
    viewer: Viewer | None,
    member: bool,
    words: list[str],
    results: SearchResults,
) -> QuerySet[Any]:
    fields = [kind.title_field] if kind_matches_title(kind) else []
    if kind_shows_body(kind, member=member):
        fields += kind.body_fields
    rows = kind.visible(viewer).filter(_every_word(words, fields))
    if results.topic is not None:
        # A kind without topics (members' updates) has nothing under any topic.
        rows = rows.filter(**{kind.topic_field: results.topic}) if kind.topic_field else rows.none()
    if kind.parent:
        rows = rows.select_related(kind.parent)
    return rows.order_by(f"-{kind.date_field}")


def _found(kind: SearchableKind, row: Any, *, member: bool, words: list[str]) -> Found:
    title = kind.title_of(row)
    in_title = kind_matches_title(kind) and all(w in title.lower() for w in words)
    snippet = SafeString("")
    if kind_shows_body(kind, member=member):
        snippet = _snippet(getattr(row, kind.body_fields[0]), words)
    at: datetime | None = getattr(row, kind.date_field)
    hit = SearchHit(kind.name, title, kind.url(row), snippet, at)
    return (0 if in_title else 1, -(at.timestamp() if at else 0), hit)


def search_embedded(
    results: SearchResults,
    *,
    text: str,
    kinds: list[SearchableKind],
    viewer: Viewer | None,
    member: bool,
) -> None:
    """Fill one page of `results`: one query per kind, each bounded to the rows this page needs."""
    words = _words(text)
    need = results.page * PAGE_SIZE + 1
    found: list[Found] = []
    for kind in kinds:
        rows = _matching(kind, viewer=viewer, member=member, words=words, results=results)
        found += [_found(kind, row, member=member, words=words) for row in rows[:need]]
    found.sort(key=lambda row: row[:2])
    start = (results.page - 1) * PAGE_SIZE
    results.hits = [hit for _, _, hit in found[start : start + PAGE_SIZE]]
    results.has_next = len(found) > start + PAGE_SIZE
