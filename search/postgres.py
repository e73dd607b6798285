"""The PostgreSQL engine: stored tsvectors, the query as websearch reads it, ranked candidates.

Each kind's description (`core.search_registry`) says which rows the viewer may find and which
text they may match. Per kind, at most CANDIDATES matching rows are ranked, taken straight off
the GIN index with no sort, so a common word costs the same at a thousand rows or at millions.
A kind whose title stands alone (own title, members-only body: questions) matches visitors on
the title's own tsvector (its GIN index) and ranks them on the title part of the stored vector
(weight A), so a hit never reveals a word found only in members-only text; for members its
title matches are a candidate set of their own, so they always compete for the top places.
A query that names a treatment has that name expanded into all the treatment's names
(`search.synonyms`): `websearch_to_tsquery` per typed token, `phraseto_tsquery` per name, joined
with `||` and `&&`; every piece of what was typed is a bound parameter. Editorial kinds (articles)
rank EDITORIAL_BOOST times higher (docs/search.md). Snippets come from ts_headline over the
body as plain text (`search.plain_text`: no Markdown markers), one query for the page, and are
escaped before our marks become <mark>.
"""

import operator
from functools import reduce
from typing import Any

from django.contrib.postgres.search import (
    CombinedSearchQuery,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import Expression, F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.db.models.sql import Query
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.models import Topic
from core.search_registry import SearchableKind
from core.viewer import Viewer

from .plain_text import markdown_plain_text
from .results import (
    EDITORIAL_BOOST,
    HIGHLIGHT_MARKER,
    PAGE_SIZE,
    SearchHit,
    SearchResults,
    kind_shows_body,
    kind_title_stands_alone,
)
from .synonyms import Group, Or, Part, Typed, plan_expands, query_plan, synonyms_current

CANDIDATES = 400
_START, _STOP = f"{HIGHLIGHT_MARKER}[[", f"]]{HIGHLIGHT_MARKER}"

TsQuery = SearchQuery | CombinedSearchQuery


def _part_query(part: Typed | Group) -> TsQuery:
    if isinstance(part, Typed):
        return SearchQuery(part.text, search_type="websearch", config="english")
    names = [SearchQuery(name, search_type="phrase", config="english") for name in part.names]
    return reduce(operator.or_, names)


def _tsquery(text: str, parts: list[Part]) -> TsQuery:
    """The tsquery for what was typed: websearch syntax, catalogue names as OR groups."""
    if not plan_expands(parts):
        return SearchQuery(text, search_type="websearch", config="english")
    # As websearch reads it: `or` binds its neighbours, everything else must all match.
    clauses: list[TsQuery] = []
    groups: set[tuple[str, ...]] = set()
    join_next = False
    for part in parts:
        if isinstance(part, Or):
            join_next = bool(clauses)
            continue
        if isinstance(part, Group) and not join_next:
            if part.names in groups:
                continue  # "herceptin trastuzumab": two names of one treatment, one clause
            groups.add(part.names)
        one = _part_query(part)
        if join_next:
            clauses[-1] = clauses[-1] | one
        else:
            clauses.append(one)
        join_next = False
    return reduce(operator.and_, clauses)


def _compiled(expression: Expression | TsQuery) -> tuple[str, list[Any]]:
    """SQL the ORM compiled for an expression, every value still a parameter."""
    query = Query(None)
    sql, params = query.get_compiler(connection=connection).compile(
        expression.resolve_expression(query)
    )
    return sql, list(params)


def _tsquery_is_empty(query: TsQuery) -> bool:
    sql, params = _compiled(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode({sql})", params)  # nosec B608 - ORM-compiled, values bound
        row = cursor.fetchone()
        return row is None or row[0] == 0


def _highlight(headline: str) -> SafeString:
    # ts_headline returns the text as given (a title, a snippet's plain text): escape it all,
    # then turn our marks into <mark>.
    safe = escape(headline).replace(escape(_START), "<mark>").replace(escape(_STOP), "</mark>")
    # Safe: escaped above; only our own <mark> tags are added.
    return mark_safe(safe)  # nosec B308 B703


def _headline(text: Any, query: TsQuery) -> SearchHeadline:
    return SearchHeadline(
        text,
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


def _title_headline(field: str, query: TsQuery) -> SearchHeadline:
    # A member can type the marker characters; removed from the text before ts_headline adds
    # ours, so only our marks can become <mark>.
    return _headline(Replace(F(field), Value(HIGHLIGHT_MARKER), Value("")), query)


def _snippets(texts: list[str], query: TsQuery) -> list[SafeString]:
    """The highlighted snippet of each text (Markdown source), in one query for the page."""
    if not texts:
        return []
    plain = [markdown_plain_text(text) for text in texts]  # the marker characters removed too
    sql, params = _compiled(_headline(RawSQL("snippet.text", ()), query))
    with connection.cursor() as cursor:
        cursor.execute(
            # ORM-compiled with bound values; the texts are one array parameter.
            f"SELECT {sql} FROM unnest(%s::text[]) WITH ORDINALITY AS snippet(text, n) "  # nosec B608
            "ORDER BY snippet.n",
            [*params, plain],
        )
        return [_highlight(row[0]) for row in cursor.fetchall()]


def _candidates(
    kind: SearchableKind,
    query: TsQuery,
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
    query: TsQuery,
    *,
    viewer: Viewer | None,
    member: bool,
    topic: Topic | None,
) -> QuerySet[Any]:
    vector: Any = F(kind.vector_field)
    if not kind_shows_body(kind, member=member):
        vector = Func(vector, Value("{a}"), function="ts_filter", output_field=SearchVectorField())
    candidates = _candidates(kind, query, viewer=viewer, member=member, topic=topic)
    rank: Any = SearchRank(vector, query)
    if kind.editorial:
        rank = rank * Value(EDITORIAL_BOOST)
    return (
        kind.model._default_manager.filter(pk__in=candidates)
        .annotate(rank=rank, k=Value(kind.name), at=F(kind.date_field))
        .order_by()
        .values("k", "pk", "rank", "at")
    )


Key = tuple[str, int]  # (kind name, pk)


def _hits(
    kind: SearchableKind, ids: list[int], query: TsQuery, *, member: bool
) -> tuple[dict[Key, SearchHit], dict[Key, str]]:
    """The page's hits of one kind, and the snippet sources of those the viewer may read."""
    rows: QuerySet[Any] = kind.model._default_manager.filter(pk__in=ids)
    if kind.parent:
        rows = rows.select_related(kind.parent)
    marked_title = kind_title_stands_alone(kind)
    if marked_title:
        rows = rows.annotate(title_hl=_title_headline(kind.title_field, query))
    body = kind_shows_body(kind, member=member)
    hits: dict[Key, SearchHit] = {}
    bodies: dict[Key, str] = {}
    for row in rows:
        key = (kind.name, row.pk)
        at = getattr(row, kind.date_field)
        hits[key] = SearchHit(kind.name, kind.title_of(row), kind.url(row), SafeString(""), at)
        hits[key].title_html = _highlight(row.title_hl) if marked_title else None
        if body:
            bodies[key] = getattr(row, kind.body_fields[0])
    return hits, bodies


def search_postgres(
    results: SearchResults,
    *,
    text: str,
    kinds: list[SearchableKind],
    viewer: Viewer | None,
    member: bool,
) -> None:
    """Fill one page of `results`: one ranked UNION over every kind, one query per kind hit,
    one for the snippets."""
    query = _tsquery(text, query_plan(text, synonyms_current()))
    if _tsquery_is_empty(query):
        results.message = "Those words are too common to search for. Try a more specific word."
        return
    parts = [
        _ranked(kind, query, viewer=viewer, member=member, topic=results.topic) for kind in kinds
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    start = (results.page - 1) * PAGE_SIZE
    rows = list(union.order_by("-rank", "-at")[start : start + PAGE_SIZE + 1])
    results.has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    hits: dict[Key, SearchHit] = {}
    bodies: dict[Key, str] = {}
    for kind in kinds:
        ids = [row["pk"] for row in rows if row["k"] == kind.name]
        if ids:
            kind_hits, kind_bodies = _hits(kind, ids, query, member=member)
            hits.update(kind_hits)
            bodies.update(kind_bodies)
    keys = [key for key in ((r["k"], r["pk"]) for r in rows) if key in hits]
    results.hits = [hits[key] for key in keys]
    shown = [key for key in keys if key in bodies]
    for key, snippet in zip(shown, _snippets([bodies[k] for k in shown], query), strict=True):
        hits[key].snippet = snippet
