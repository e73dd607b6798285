"""Site search selectors: articles, questions, answers and comments, filtered by the viewer.

PostgreSQL: stored tsvectors (kept by triggers, GIN-indexed), `websearch_to_tsquery` with the
English configuration, titles weighted A above bodies B, ranked among a bounded candidate set
per kind (CANDIDATES), ts_headline snippets escaped before the highlight marks become <mark>.
SQLite: icontains, newest first.

Anonymous viewers only ever match and see article text and question titles: their question
match runs on the title part of the vector (ts_filter on weight A), so a hit can never reveal
words that only appear in the members-only details.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F, FloatField, Func, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalogue.models import Topic
from forum.models import Answer, Question
from moderation.models import ModerationState

PAGE_SIZE = 20
MAX_PAGE = 50
# Each kind ranks at most this many matching rows (taken straight off the GIN index, no sort),
# so a common word costs the same at a thousand posts or at millions. Title matches of
# questions are a candidate set of their own, so they always compete for the top places.
CANDIDATES = 400
MAX_QUERY_CHARS = 200
KINDS = {"article": "Articles", "question": "Questions", "answer": "Answers", "comment": "Comments"}
MEMBER_KINDS = {"answer", "comment"}
_START, _STOP = "\u2063[[", "]]\u2063"  # invisible separators: never typed by members
_WORDISH = re.compile(r"\w", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class SearchHit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    created_at: datetime | None


@dataclass
class SearchResults:
    query: str
    kind: str
    topic: Topic | None
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    message: str = ""
    notes: list[str] = field(default_factory=list)


def search_query_clean(raw: str) -> tuple[str, str]:
    """Normalise what was typed; returns (query, message for the member or "")."""
    text = _CONTROL.sub(" ", raw or "")
    text = " ".join(text.split())
    message = ""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].rsplit(" ", 1)[0] or text[:MAX_QUERY_CHARS]
        message = f"Your search was long, so we used its first {MAX_QUERY_CHARS} characters."
    if not text:
        return "", "Type a word or two to search articles and questions."
    if not _WORDISH.search(text):
        return "", "Please include at least one letter or number in your search."
    return text, message


def _highlight(headline: str) -> SafeString:
    # ts_headline returns the raw (Markdown) text: escape it all, then turn our marks into <mark>.
    safe = escape(headline).replace(escape(_START), "<mark>").replace(escape(_STOP), "</mark>")
    # Safe: escaped above; only our own <mark> tags are added.
    return mark_safe(safe)  # nosec B308 B703


def _kinds_for(viewer: Any, kind: str) -> list[str]:
    allowed = ["article", "question"]
    if viewer is not None and viewer.is_authenticated and viewer.is_active:
        allowed += ["answer", "comment"]
    if kind:
        return [kind] if kind in allowed else []
    return allowed


def _article_models() -> tuple[Any, Any]:
    try:
        from articles import models as article_models
    except ImportError:  # pragma: no cover
        return None, None
    return getattr(article_models, "Article", None), getattr(article_models, "Comment", None)


def _has_field(model: Any, name: str) -> bool:
    return model is not None and any(f.name == name for f in model._meta.get_fields())


def _published_articles(article_model: Any) -> QuerySet[Any]:
    from articles import selectors as article_selectors

    published = getattr(article_selectors, "article_list_published", None)
    if published is not None:
        return published().order_by()  # public articles; unordered so they can be unioned
    return article_model.objects.none()


def _visible_comments(comment_model: Any, article_model: Any) -> QuerySet[Any]:
    return comment_model.objects.filter(
        moderation_state=ModerationState.VISIBLE,
        article__in=_published_articles(article_model).values("pk"),
    )


def site_search(
    *, query: str, viewer: Any, kind: str = "", topic: Topic | None = None, page: int = 1
) -> SearchResults:
    """One page of results this viewer may see; hidden and pending content never appears."""
    cleaned, message = search_query_clean(query)
    kind = kind if kind in KINDS else ""
    page = max(1, min(page, MAX_PAGE))
    results = SearchResults(query=cleaned, kind=kind, topic=topic, page=page, message=message)
    if not cleaned:
        return results
    kinds = _kinds_for(viewer, kind)
    if not kinds:
        results.message = "Log in to search answers and comments: they are for members only."
        return results
    if settings.USING_POSTGRES:
        _search_postgres(results, cleaned, kinds, viewer)
    else:
        _search_simple(results, cleaned, kinds, viewer)
    return results


# --- PostgreSQL --------------------------------------------------------------------------------


def _tsquery_is_empty(text: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('english', %s))", [text])
        return cursor.fetchone()[0] == 0


def _search_postgres(results: SearchResults, text: str, kinds: list[str], viewer: Any) -> None:
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
        SearchVectorField,
    )

    if _tsquery_is_empty(text):
        results.message = "Those words are too common to search for. Try a more specific word."
        return
    query = SearchQuery(text, search_type="websearch", config="english")
    member = viewer is not None and viewer.is_authenticated and viewer.is_active
    topic = results.topic
    parts: list[Any] = []
    qs: Any
    matching: Any
    title_only = Func(
        F("search_vector"), Value("{a}"), function="ts_filter", output_field=SearchVectorField()
    )

    if "question" in kinds:
        visible = Question.objects.filter(moderation_state=ModerationState.VISIBLE)
        if topic is not None:
            visible = visible.filter(topics=topic)
        by_title = (
            visible.annotate(title_fts=SearchVector("title", config="english"))
            .filter(title_fts=query)
            .values("pk")[:CANDIDATES]
        )
        if member:
            anywhere = visible.filter(search_vector=query).values("pk")[:CANDIDATES]
            # One IN over a UNION: `IN (a) OR IN (b)` would make PostgreSQL scan every row.
            sql_title, params_title = by_title.query.sql_with_params()
            sql_any, params_any = anywhere.query.sql_with_params()
            # Both parts are SQL the ORM compiled, with every value still a parameter.
            candidates = RawSQL(  # nosec B611
                f"SELECT pk FROM (({sql_title}) UNION ({sql_any})) AS candidates",  # nosec B608
                (*params_title, *params_any),
            )
            qs = Question.objects.filter(pk__in=candidates)
            qs = qs.annotate(rank=SearchRank(F("search_vector"), query))
        else:
            qs = Question.objects.filter(pk__in=by_title)
            qs = qs.annotate(rank=SearchRank(title_only, query))
        parts.append(
            qs.annotate(k=Value("question"), at=F("created_at")).values("k", "pk", "rank", "at")
        )
    if "answer" in kinds:
        matching = Answer.objects.filter(
            moderation_state=ModerationState.VISIBLE,
            question__moderation_state=ModerationState.VISIBLE,
            search_vector=query,
        )
        if topic is not None:
            matching = matching.filter(question__topics=topic)
        qs = Answer.objects.filter(pk__in=matching.values("pk")[:CANDIDATES]).annotate(
            rank=SearchRank(F("search_vector"), query), k=Value("answer"), at=F("created_at")
        )
        parts.append(qs.values("k", "pk", "rank", "at"))
    article_model, comment_model = _article_models()
    if "article" in kinds and article_model is not None:
        qs = _published_articles(article_model)
        if _has_field(article_model, "search_vector"):
            qs = qs.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
        else:
            results.notes.append("Articles are matched on their titles only for now.")
            qs = qs.filter(title__icontains=text).annotate(
                rank=Value(0.1, output_field=FloatField())
            )
        if topic is not None:
            qs = qs.filter(_article_topic_q(article_model, topic))
        parts.append(
            qs.annotate(k=Value("article"), at=F(_created(article_model))).values(
                "k", "pk", "rank", "at"
            )
        )
    if (
        "comment" in kinds
        and comment_model is not None
        and _has_field(comment_model, "search_vector")
    ):
        matching = _visible_comments(comment_model, article_model).filter(search_vector=query)
        if topic is not None:
            matching = matching.filter(_article_topic_q(article_model, topic, prefix="article__"))
        qs = comment_model.objects.filter(pk__in=matching.values("pk")[:CANDIDATES]).annotate(
            rank=SearchRank(F("search_vector"), query), k=Value("comment"), at=F("created_at")
        )
        parts.append(qs.values("k", "pk", "rank", "at"))
    if not parts:
        return
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    start = (results.page - 1) * PAGE_SIZE
    rows = list(union.order_by("-rank", "-at")[start : start + PAGE_SIZE + 1])
    results.has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    hits = _hits_postgres(rows, query, member, SearchHeadline)
    results.hits = [hits[(r["k"], r["pk"])] for r in rows if (r["k"], r["pk"]) in hits]


def _created(model: Any) -> str:
    for name in ("published_at", "created_at"):
        if _has_field(model, name):
            return name
    return "pk"


def _article_topic_q(article_model: Any, topic: Topic, prefix: str = "") -> Q:
    if _has_field(article_model, "topics"):
        return Q(**{f"{prefix}topics": topic})
    if _has_field(article_model, "topic"):
        return Q(**{f"{prefix}topic": topic})
    return Q()


def _headline(expression: str, query: Any, cls: Any) -> Any:
    return cls(
        expression,
        query,
        config="english",
        start_sel=_START,
        stop_sel=_STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
    )


def _hits_postgres(
    rows: list[dict[str, Any]], query: Any, member: bool, headline: Any
) -> dict[tuple[str, int], SearchHit]:
    ids: dict[str, list[int]] = {}
    for row in rows:
        ids.setdefault(row["k"], []).append(row["pk"])
    hits: dict[tuple[str, int], SearchHit] = {}
    qs: Any
    if ids.get("question"):
        qs = Question.objects.filter(pk__in=ids["question"]).annotate(
            title_hl=_headline("title", query, headline)
        )
        if member:
            qs = qs.annotate(body_hl=_headline("body", query, headline))
        for q in qs:
            snippet = _highlight(q.body_hl) if member and q.body else SafeString("")
            hits[("question", q.pk)] = SearchHit(
                "question", q.title, q.get_absolute_url(), snippet, q.created_at
            )
            hits[("question", q.pk)].title_html = _highlight(q.title_hl)  # type: ignore[attr-defined]
    if ids.get("answer"):
        for a in (
            Answer.objects.filter(pk__in=ids["answer"])
            .select_related("question")
            .annotate(body_hl=_headline("body", query, headline))
        ):
            hits[("answer", a.pk)] = SearchHit(
                "answer",
                a.question.title,
                a.get_absolute_url(),
                _highlight(a.body_hl),
                a.created_at,
            )
    article_model, comment_model = _article_models()
    if ids.get("article") and article_model is not None:
        body_field = "summary" if _has_field(article_model, "summary") else "title"
        for art in article_model.objects.filter(pk__in=ids["article"]).annotate(
            body_hl=_headline(body_field, query, headline)
        ):
            hits[("article", art.pk)] = SearchHit(
                "article",
                art.title,
                art.get_absolute_url(),
                _highlight(art.body_hl),
                getattr(art, _created(article_model), None),
            )
    if ids.get("comment") and comment_model is not None:
        for c in (
            comment_model.objects.filter(pk__in=ids["comment"])
            .select_related("article")
            .annotate(body_hl=_headline("body", query, headline))
        ):
            hits[("comment", c.pk)] = SearchHit(
                "comment",
                c.article.title,
                c.get_absolute_url(),
                _highlight(c.body_hl),
                c.created_at,
            )
    return hits


# --- SQLite fallback ----------------------------------------------------------------------------


def _snippet(text: str, words: list[str]) -> SafeString:
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


def _search_simple(results: SearchResults, text: str, kinds: list[str], viewer: Any) -> None:
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1][:6] or [text.lower()]
    member = viewer is not None and viewer.is_authenticated and viewer.is_active
    topic = results.topic
    need = (results.page) * PAGE_SIZE + 1
    found: list[tuple[int, datetime | None, SearchHit]] = []
    qs: Any

    def matches(fields: list[str]) -> Q:
        cond = Q()
        for word in words:
            any_field = Q()
            for name in fields:
                any_field |= Q(**{f"{name}__icontains": word})
            cond &= any_field
        return cond

    if "question" in kinds:
        fields = ["title", "body"] if member else ["title"]
        qs = Question.objects.filter(moderation_state=ModerationState.VISIBLE).filter(
            matches(fields)
        )
        if topic is not None:
            qs = qs.filter(topics=topic)
        for q in qs.order_by("-created_at")[:need]:
            in_title = all(w in q.title.lower() for w in words)
            snippet: SafeString = _snippet(q.body, words) if member else SafeString("")
            found.append(
                (
                    0 if in_title else 1,
                    q.created_at,
                    SearchHit("question", q.title, q.get_absolute_url(), snippet, q.created_at),
                )
            )
    if "answer" in kinds:
        qs = Answer.objects.filter(
            moderation_state=ModerationState.VISIBLE,
            question__moderation_state=ModerationState.VISIBLE,
        ).filter(matches(["body"]))
        if topic is not None:
            qs = qs.filter(question__topics=topic)
        for a in qs.select_related("question").order_by("-created_at")[:need]:
            found.append(
                (
                    1,
                    a.created_at,
                    SearchHit(
                        "answer",
                        a.question.title,
                        a.get_absolute_url(),
                        _snippet(a.body, words),
                        a.created_at,
                    ),
                )
            )
    article_model, comment_model = _article_models()
    if "article" in kinds and article_model is not None:
        fields = [f for f in ("title", "summary", "body_markdown") if _has_field(article_model, f)]
        qs = _published_articles(article_model).filter(matches(fields))
        if topic is not None:
            qs = qs.filter(_article_topic_q(article_model, topic))
        for art in qs[:need]:
            in_title = all(w in art.title.lower() for w in words)
            summary = getattr(art, "summary", "")
            found.append(
                (
                    0 if in_title else 1,
                    getattr(art, _created(article_model), None),
                    SearchHit(
                        "article", art.title, art.get_absolute_url(), _snippet(summary, words), None
                    ),
                )
            )
    if "comment" in kinds and comment_model is not None and article_model is not None:
        qs = _visible_comments(comment_model, article_model).filter(matches(["body"]))
        if topic is not None:
            qs = qs.filter(_article_topic_q(article_model, topic, prefix="article__"))
        for c in qs.select_related("article").order_by("-created_at")[:need]:
            found.append(
                (
                    1,
                    c.created_at,
                    SearchHit(
                        "comment",
                        c.article.title,
                        c.get_absolute_url(),
                        _snippet(c.body, words),
                        c.created_at,
                    ),
                )
            )
    found.sort(
        key=lambda row: (row[0], -(row[1].timestamp() if isinstance(row[1], datetime) else 0))
    )
    start = (results.page - 1) * PAGE_SIZE
    results.hits = [hit for _, _, hit in found[start : start + PAGE_SIZE]]
    results.has_next = len(found) > start + PAGE_SIZE
