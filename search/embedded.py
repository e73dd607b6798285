"""The embedded engine (SQLite, `make run`): every term `icontains`, best match first, newest first.

Reads only the registered descriptions (`core.search_registry`): the fields a viewer may match,
the snippet source and the date come from each kind's description. A term that names a treatment
matches any of its names (`search.synonyms`). The score mirrors the PostgreSQL weights roughly:
a title holding every term 1, the snippet's source (a summary, the post) 0.4, elsewhere 0.2, and
editorial kinds EDITORIAL_BOOST times that. Snippets are cut from the plain text of the Markdown.
"""

import re
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.search_registry import SearchableKind
from core.viewer import Viewer

from .plain_text import markdown_plain_text
from .results import (
    EDITORIAL_BOOST,
    PAGE_SIZE,
    SearchHit,
    SearchResults,
    kind_matches_title,
    kind_shows_body,
)
from .synonyms import Group, Or, query_plan, synonyms_current

MAX_WORDS = 6

# What one term may be: any of these (lowercase); a row must match every term.
Term = tuple[str, ...]
# (minus the score, newest first, the hit): the sort key, then what is shown.
Found = tuple[float, float, SearchHit]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1]


def _terms(text: str) -> list[Term]:
    """What must match: a word each, a treatment's names as one term; `or` joins neighbours."""
    terms: list[Term] = []
    join_next = False
    for part in query_plan(text, synonyms_current()):
        if isinstance(part, Or):
            join_next = bool(terms)
            continue
        if isinstance(part, Group):
            found = [tuple(dict.fromkeys(name.lower() for name in part.names))]
        else:
            found = [(word,) for word in _words(part.text)]
        if join_next and found:
            terms[-1] += found.pop(0)
        terms += [term for term in found if term not in terms]  # one clause per treatment
        join_next = False
    return terms[:MAX_WORDS] or [(text.lower(),)]


def _every_term(terms: list[Term], fields: list[str]) -> Q:
    cond = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            for alternative in term:
                any_field |= Q(**{f"{name}__icontains": alternative})
        cond &= any_field
    return cond


def _holds(text: str, terms: list[Term]) -> bool:
    lower = text.lower()
    return all(any(alternative in lower for alternative in term) for term in terms)


def _snippet(source: str, terms: list[Term]) -> SafeString:
    text = markdown_plain_text(source)  # as the PostgreSQL engine shows it: no markers
    if not text:
        return SafeString("")
    lower = text.lower()
    alternatives = sorted({a for term in terms for a in term}, key=len, reverse=True)
    at = min((lower.find(a) for a in alternatives if lower.find(a) >= 0), default=0)
    start = max(0, at - 60)
    piece = (
        ("…" if start else "")
        + text[start : start + 200]
        + ("…" if start + 200 < len(text) else "")
    )
    safe: str = str(escape(piece))
    # One pass, longest first, so a mark is never put inside another.
    pattern = "|".join(re.escape(str(escape(a))) for a in alternatives)
    safe = re.sub(f"({pattern})", r"<mark>\1</mark>", safe, flags=re.IGNORECASE)
    # Safe: escaped above; only our own <mark> tags are added.
    return mark_safe(safe)  # nosec B308 B703


def _matching(
    kind: SearchableKind,
    *,
    viewer: Viewer | None,
    member: bool,
    terms: list[Term],
    results: SearchResults,
) -> QuerySet[Any]:
    fields = [kind.title_field] if kind_matches_title(kind) else []
    if kind_shows_body(kind, member=member):
        fields += kind.body_fields
    rows = kind.visible(viewer).filter(_every_term(terms, fields))
    if results.topic is not None:
        # A kind without topics (members' updates) has nothing under any topic.
        rows = rows.filter(**{kind.topic_field: results.topic}) if kind.topic_field else rows.none()
    if kind.hit_relations:
        rows = rows.select_related(*kind.hit_relations)
    return rows.order_by(f"-{kind.date_field}")


def _found(kind: SearchableKind, row: Any, *, member: bool, terms: list[Term]) -> Found:
    title = kind.title_of(row)
    body = kind_shows_body(kind, member=member)
    if kind_matches_title(kind) and _holds(title, terms):
        score = 1.0
    elif body and _holds(getattr(row, kind.body_fields[0]), terms):
        score = 0.4
    else:
        score = 0.2
    if kind.editorial:
        score *= EDITORIAL_BOOST
    snippet = _snippet(getattr(row, kind.body_fields[0]), terms) if body else SafeString("")
    at: datetime | None = getattr(row, kind.date_field)
    hit = SearchHit(kind.name, title, kind.url(row), snippet, at)
    return (-score, -(at.timestamp() if at else 0), hit)


def search_embedded(
    results: SearchResults,
    *,
    text: str,
    kinds: list[SearchableKind],
    viewer: Viewer | None,
    member: bool,
) -> None:
    """Fill one page of `results`: one query per kind, each bounded to the rows this page needs."""
    terms = _terms(text)
    need = results.page * PAGE_SIZE + 1
    found: list[Found] = []
    for kind in kinds:
        rows = _matching(kind, viewer=viewer, member=member, terms=terms, results=results)
        found += [_found(kind, row, member=member, terms=terms) for row in rows[:need]]
    found.sort(key=lambda row: row[:2])
    start = (results.page - 1) * PAGE_SIZE
    results.hits = [hit for _, _, hit in found[start : start + PAGE_SIZE]]
    results.has_next = len(found) > start + PAGE_SIZE
