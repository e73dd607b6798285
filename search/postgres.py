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
    SearchVector,
)
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Expression, F, QuerySet, Value
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

CANDIDATES = 400  # matches ranked per kind off the GIN index
WINDOW = 20_000  # the newest rows (by primary key) walked for the newest matches
RECENT = 200  # the newest matches ranked per kind
ENOUGH_RECENT = 50  # fewer in the window: the words are rare, so read the GIN index
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


class ParsedTsQuery(SearchQuery):
    """A tsquery PostgreSQL has already built, bound as its text: one parameter, parsed once.

    The text is PostgreSQL's own output for the query (`tsquery::text`), which reads back as
    the same tsquery; it is a bound value, never SQL.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def as_sql(self, compiler: Any, connection: Any, *args: Any, **kwargs: Any) -> Any:
        return super().as_sql(compiler, connection, template="%(expressions)s::tsquery")


def _tsquery_parsed(query: TsQuery) -> ParsedTsQuery | None:
    """The query as PostgreSQL parsed it, or None when nothing is left to search."""
    sql, params = _compiled(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode({sql}), ({sql})::text", [*params, *params])  # nosec B608 - ORM-compiled, values bound
        row = cursor.fetchone()
    if row is None or row[0] == 0:
        return None
    return ParsedTsQuery(row[1])


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


Sql = tuple[str, list[Any]]


def _column(kind: SearchableKind, field: str = "pk") -> str:
    """A column of the kind's table, quoted and qualified by the table."""
    meta = kind.model._meta
    column = meta.pk.column if field == "pk" and meta.pk else meta.get_field(field).column  # type: ignore[union-attr]
    return f"{connection.ops.quote_name(meta.db_table)}.{connection.ops.quote_name(str(column))}"


def _visible_sql(
    kind: SearchableKind, *, viewer: Viewer | None, member: bool, topic: Topic | None
) -> Sql | None:
    """The rows this viewer may find, compiled once: their key and vector (and title's);
    None when there can be none."""
    visible = kind.visible(viewer).order_by()
    if topic is not None:
        # A kind without topics (members' updates) has nothing under any topic.
        visible = (
            visible.filter(**{kind.topic_field: topic}) if kind.topic_field else visible.none()
        )
    columns: dict[str, Any] = {"s_pk": F("pk"), "s_vector": F(kind.vector_field)}
    if kind_title_stands_alone(kind):
        # Exactly the expression the title's GIN index is built on.
        columns["s_title"] = SearchVector(kind.title_field, config="english")
    try:
        sql, params = visible.annotate(**columns).values(*columns).query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(params)


def _candidates_sql(kind: SearchableKind, visible: Sql, tsquery: str, *, member: bool) -> Sql:
    """The rows of this kind worth ranking: a bounded set, found without sorting all matches.

    A common word has a long posting list, which PostgreSQL reads whole before any LIMIT
    applies. So for the newest matches the newest WINDOW rows are walked backwards on the
    primary key (the planner still takes the GIN index for a rare word: its statistics know the
    common lexemes); only when they hold fewer than ENOUGH_RECENT matches are up to CANDIDATES
    matches read off the GIN index, a one-time filter PostgreSQL skips otherwise. A kind whose
    title stands alone adds up to CANDIDATES title matches (title words are few, the index is
    cheap), so a title match always competes; visitors match on the title alone.
    """
    sql, params = visible
    table, pk = connection.ops.quote_name(kind.model._meta.db_table), _column(kind)
    selects: list[str] = []
    args: list[Any] = []
    ctes = ""
    if member or not kind_title_stands_alone(kind):
        # Visible rows come from a subquery PostgreSQL flattens, so the primary key and the
        # GIN index are used as if the conditions were written here.
        ctes = (
            f"WITH recent AS MATERIALIZED (SELECT v.s_pk FROM ({sql}) AS v "  # nosec B608 - model names, bound values
            f"WHERE v.s_pk >= (SELECT max({pk}) FROM {table}) - {WINDOW} "
            f"AND v.s_vector @@ %s::tsquery ORDER BY v.s_pk DESC LIMIT {RECENT}) "
        )
        args += [*params, tsquery]
        selects.append("(SELECT s_pk FROM recent)")
        selects.append(
            f"(SELECT s_pk FROM (SELECT v.s_pk FROM ({sql}) AS v WHERE v.s_vector @@ %s::tsquery "  # nosec B608 - model names, bound values
            f"LIMIT {CANDIDATES}) AS anywhere "
            f"WHERE (SELECT count(*) FROM recent) < {ENOUGH_RECENT})"
        )
        args += [*params, tsquery]
    if kind_title_stands_alone(kind):
        selects.append(
            f"(SELECT v.s_pk FROM ({sql}) AS v WHERE v.s_title @@ %s::tsquery LIMIT {CANDIDATES})"  # nosec B608 - model names, bound values
        )
        args += [*params, tsquery]
    return f"{ctes}{' UNION ALL '.join(selects)}", args


def _ranked_sql(
    kind: SearchableKind, tsquery: str, *, viewer: Viewer | None, member: bool, topic: Topic | None
) -> Sql | None:
    """(kind, pk, rank, date) of this kind's candidates, ranked by ts_rank; None if none."""
    table, pk = connection.ops.quote_name(kind.model._meta.db_table), _column(kind)
    vector = _column(kind, kind.vector_field)
    if not kind_shows_body(kind, member=member):
        vector = f"ts_filter({vector}, '{{a}}')"  # the title's words alone
    boost = f" * {EDITORIAL_BOOST}" if kind.editorial else ""
    date = _column(kind, kind.date_field)
    visible = _visible_sql(kind, viewer=viewer, member=member, topic=topic)
    if visible is None:
        return None
    candidates, params = _candidates_sql(kind, visible, tsquery, member=member)
    return (
        f"SELECT %s AS k, {pk} AS pk, ts_rank({vector}, %s::tsquery){boost} AS rank, "  # nosec B608 - model names, bound values
        f"{date} AS at FROM {table} WHERE {pk} IN ({candidates})",
        [kind.name, tsquery, *params],
    )


Key = tuple[str, int]  # (kind name, pk)


def _hits(
    kind: SearchableKind, ids: list[int], query: TsQuery, *, member: bool
) -> tuple[dict[Key, SearchHit], dict[Key, str]]:
    """The page's hits of one kind, and the snippet sources of those the viewer may read."""
    rows: QuerySet[Any] = kind.model._default_manager.filter(pk__in=ids).defer(kind.vector_field)
    if kind.hit_relations:
        rows = rows.select_related(*kind.hit_relations)
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


def _page_rows(parts: list[Sql], page: int) -> list[Key]:
    """(kind, pk) of the page's rows, best first, and one more if there is a next page."""
    union = " UNION ALL ".join(f"({sql})" for sql, _ in parts)
    with connection.cursor() as cursor:
        cursor.execute(
            # Composed of ORM-compiled SQL and names from the models; every value is bound.
            f"SELECT k, pk FROM ({union}) AS ranked ORDER BY rank DESC, at DESC "  # nosec B608
            f"LIMIT {PAGE_SIZE + 1} OFFSET {(page - 1) * PAGE_SIZE}",
            [p for _, params in parts for p in params],
        )
        return [(k, pk) for k, pk in cursor.fetchall()]


def _fill_hits(
    results: SearchResults,
    rows: list[Key],
    kinds: list[SearchableKind],
    query: TsQuery,
    *,
    member: bool,
) -> None:
    """The page's hits in rank order: one query per kind hit, one for the snippets."""
    hits: dict[Key, SearchHit] = {}
    bodies: dict[Key, str] = {}
    for kind in kinds:
        ids = [pk for name, pk in rows if name == kind.name]
        if ids:
            kind_hits, kind_bodies = _hits(kind, ids, query, member=member)
            hits.update(kind_hits)
            bodies.update(kind_bodies)
    keys = [key for key in rows if key in hits]
    results.hits = [hits[key] for key in keys]
    shown = [key for key in keys if key in bodies]
    for key, snippet in zip(shown, _snippets([bodies[k] for k in shown], query), strict=True):
        hits[key].snippet = snippet


def search_postgres(
    results: SearchResults,
    *,
    text: str,
    kinds: list[SearchableKind],
    viewer: Viewer | None,
    member: bool,
) -> None:
    """Fill one page of `results`: the tsquery, one ranked UNION over every kind, one query per
    kind hit, one for the snippets."""
    query = _tsquery_parsed(_tsquery(text, query_plan(text, synonyms_current())))
    if query is None:
        results.message = "Those words are too common to search for. Try a more specific word."
        return
    ranked = [
        _ranked_sql(kind, query.text, viewer=viewer, member=member, topic=results.topic)
        for kind in kinds
    ]
    parts = [part for part in ranked if part is not None]
    if not parts:
        return
    rows = _page_rows(parts, results.page)
    results.has_next = len(rows) > PAGE_SIZE
    _fill_hits(results, rows[:PAGE_SIZE], kinds, query, member=member)
