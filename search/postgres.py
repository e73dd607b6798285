"""The PostgreSQL engine: stored tsvectors, `websearch_to_tsquery('english', …)`, ranked candidates.

Each kind's description (`core.search_registry`) says which rows the viewer may find and which
text they may match. Per kind, at most CANDIDATES matching rows are ranked, taken straight off
the GIN index with no sort, so a common word costs the same at a thousand rows or at millions.
A kind whose title stands alone (own title, members-only body: questions) matches visitors on
the title's own tsvector (its GIN index) and ranks them on the title part of the stored vector
(weight A), so a hit never reveals a word found only in members-only text; for members its
title matches are a candidate set of their own, so they always compete for the top places.
Snippets come from ts_headline and are escaped before our marks become <mark>.
"""

from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.models import Topic
from core.search_registry import SearchableKind
from core.viewer import Viewer

from .results import (
    HIGHLIGHT_MARKER,
    PAGE_SIZE,
    SearchHit,
    SearchResults,
    kind_shows_body,
    kind_title_stands_alone,
)

CANDIDATES = 400
_START, _STOP = f"{HIGHLIGHT_MARKER}[[", f"]]{HIGHLIGHT_MARKER}"


def _tsquery_is_empty(text: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('english', %s))", [text])
        row = cursor.fetchone()
        return row is None or row[0] == 0


def _highlight(headline: str) -> SafeString:
    # ts_headline returns the raw (Markdown) text: escape it all, then turn our marks into <mark>.
    safe = escape(headline).replace(escape(_START), "<mark>").replace(escape(_STOP), "</mark>")
    # Safe: escaped above; only our own <mark> tags are added.
    return mark_safe(safe)  # nosec B308 B703


def _headline(field: str, query: SearchQuery) -> SearchHeadline:
    # A member can type the marker characters; removed from the text before ts_headline adds
    # ours, so only our marks can become <mark>.
    return SearchHeadline(
        Replace(F(field), Value(HIGHLIGHT_MARKER), Value("")),
        query,
        config="english",
        start_sel=_START,
        stop_sel=_STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )


def _union_in(first: QuerySet[Any], second: QuerySet[Any]) -> RawSQL:
    # One IN over a UNION: `IN (a) OR IN (b)` would make PostgreSQL scan every row.
    sql_first, params_first = first.query.sql_with_params()
    sql_second, params_second = second.query.sql_with_params()
    # Both parts are SQL the ORM compiled, with every value still a parameter.
    return RawSQL(  # nosec B611
        f"SELECT pk FROM (({sql_first}) UNION ({sql_second})) AS candidates",  # nosec B608
        (*params_first, *params_second),
    )


def _candidates(
    kind: SearchableKind,
    query: SearchQuery,
    *,
    viewer: Viewer | None,
    member: bool,
    topic: Topic | None,
) -> QuerySet[Any] | RawSQL:
    visible = kind.visible(viewer).order_by()  # unordered: candidates come off the index as found
    if topic is not None:
        # A kind without topics (members' updates) has nothing under any topic.
        visible = (
            visible.filter(**{kind.topic_field: topic}) if kind.topic_field else visible.none()
        )
    anywhere = visible.filter(**{kind.vector_field: query}).values("pk")[:CANDIDATES]
    if not kind_title_stands_alone(kind):
        return anywhere
    # Exactly the expression the title's GIN index is built on.
    by_title = (
        visible.annotate(title_fts=SearchVector(kind.title_field, config="english"))
        .filter(title_fts=query)
        .values("pk")[:CANDIDATES]
    )
    return _union_in(by_title, anywhere) if member else by_title


def _ranked(
    kind: SearchableKind,
    query: SearchQuery,
    *,
    viewer: Viewer | None,
    member: bool,
    topic: Topic | None,
) -> QuerySet[Any]:
    vector: Any = F(kind.vector_field)
    if not kind_shows_body(kind, member=member):
        vector = Func(vector, Value("{a}"), function="ts_filter", output_field=SearchVectorField())
    candidates = _candidates(kind, query, viewer=viewer, member=member, topic=topic)
    return (
        kind.model._default_manager.filter(pk__in=candidates)
        .annotate(rank=SearchRank(vector, query), k=Value(kind.name), at=F(kind.date_field))
        .order_by()
        .values("k", "pk", "rank", "at")
    )


def _hits(
    kind: SearchableKind, ids: list[int], query: SearchQuery, *, member: bool
) -> dict[tuple[str, int], SearchHit]:
    rows: QuerySet[Any] = kind.model._default_manager.filter(pk__in=ids)
    if kind.parent:
        rows = rows.select_related(kind.parent)
    marked_title = kind_title_stands_alone(kind)
    if marked_title:
        rows = rows.annotate(title_hl=_headline(kind.title_field, query))
    body = kind_shows_body(kind, member=member)
    if body:
        rows = rows.annotate(body_hl=_headline(kind.body_fields[0], query))
    hits = {}
    for row in rows:
        snippet = _highlight(row.body_hl) if body else SafeString("")
        hit = SearchHit(
            kind.name, kind.title_of(row), kind.url(row), snippet, getattr(row, kind.date_field)
        )
        hit.title_html = _highlight(row.title_hl) if marked_title else None
        hits[(kind.name, row.pk)] = hit
    return hits


def search_postgres(
    results: SearchResults,
    *,
    text: str,
    kinds: list[SearchableKind],
    viewer: Viewer | None,
    member: bool,
) -> None:
    """Fill one page of `results`: one ranked UNION over every kind, then one query per kind hit."""
    if _tsquery_is_empty(text):
        results.message = "Those words are too common to search for. Try a more specific word."
        return
    query = SearchQuery(text, search_type="websearch", config="english")
    parts = [
        _ranked(kind, query, viewer=viewer, member=member, topic=results.topic) for kind in kinds
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    start = (results.page - 1) * PAGE_SIZE
    rows = list(union.order_by("-rank", "-at")[start : start + PAGE_SIZE + 1])
    results.has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    hits: dict[tuple[str, int], SearchHit] = {}
    for kind in kinds:
        ids = [row["pk"] for row in rows if row["k"] == kind.name]
        if ids:
            hits.update(_hits(kind, ids, query, member=member))
    results.hits = [hits[(r["k"], r["pk"])] for r in rows if (r["k"], r["pk"]) in hits]
