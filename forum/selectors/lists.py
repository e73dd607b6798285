"""Question lists: keyset pages, topic lists, related, home and digest rows (public fields)."""

import base64
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from catalogue.models import Topic
from moderation.models import ModerationState

from ..models import Question
from .base import (
    PAGE_SIZE,
    POPULAR_DAYS,
    TABS,
    _visible_questions,
)

# --- Lists with keyset pagination ------------------------------------------------------------


@dataclass
class QuestionPage:
    items: list[Question]
    next_cursor: str | None
    tab: str
    topic: Topic | None = None
    is_first: bool = True


def _encode_cursor(value: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{value}|{pk}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        value, pk = raw.rsplit("|", 1)
        return value, int(pk)
    except (ValueError, UnicodeDecodeError):
        return None


def _after_time(qs: QuerySet[Question], name: str, cursor: str | None) -> QuerySet[Question]:
    decoded = _decode_cursor(cursor) if cursor else None
    if decoded is None:
        return qs
    try:
        moment = datetime.fromisoformat(decoded[0])
    except ValueError:
        return qs
    if moment.tzinfo is None:
        return qs
    pk = decoded[1]
    # The plain range condition lets the (state, time, id) index do the work; the OR only
    # breaks ties between rows that share the cursor's timestamp.
    return qs.filter(**{f"{name}__lte": moment}).filter(
        Q(**{f"{name}__lt": moment}) | Q(**{name: moment, "pk__lt": pk})
    )


def question_list(
    *, tab: str = "recent", topic: Topic | None = None, cursor: str | None = None
) -> QuestionPage:
    """One page of public question rows (titles, topics, counts, dates), keyset-paginated."""
    tab = tab if tab in TABS else "recent"
    qs = _visible_questions()
    if topic is not None:
        qs = qs.filter(topics=topic)
    if tab == "popular":
        since = timezone.now() - timedelta(days=POPULAR_DAYS)
        qs = qs.filter(last_activity_at__gte=since).annotate(
            score=F("hug_count") + F("answer_count")
        )
        decoded = _decode_cursor(cursor) if cursor else None
        if decoded is not None and decoded[0].isdigit():
            score, pk = int(decoded[0]), decoded[1]
            qs = qs.filter(Q(score__lt=score) | Q(score=score, pk__lt=pk))
        qs = qs.order_by("-score", "-pk")
    elif tab == "unanswered":
        qs = _after_time(qs.filter(answer_count=0), "created_at", cursor).order_by(
            "-created_at", "-pk"
        )
    else:
        qs = _after_time(qs, "last_activity_at", cursor).order_by("-last_activity_at", "-pk")
    rows = list(qs.prefetch_related("topics")[: PAGE_SIZE + 1])
    items, more = rows[:PAGE_SIZE], len(rows) > PAGE_SIZE
    next_cursor = None
    if more:
        last = items[-1]
        if tab == "popular":
            value = str(last.score)  # type: ignore[attr-defined]
        elif tab == "unanswered":
            value = last.created_at.isoformat()
        else:
            value = last.last_activity_at.isoformat()
        next_cursor = _encode_cursor(value, last.pk)
    return QuestionPage(
        items=items, next_cursor=next_cursor, tab=tab, topic=topic, is_first=not cursor
    )


def question_list_active_since(
    *, since: datetime, topics: list[Topic] | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """Public fields (title, url, answer_count) of questions active since a moment."""
    qs = _visible_questions().filter(last_activity_at__gte=since)
    if topics:
        qs = qs.filter(topics__in=topics).distinct()
    rows = qs.order_by("-last_activity_at", "-pk").only("id", "slug", "title", "answer_count")
    return [
        {
            "title": q.title,
            "url": q.get_absolute_url(),
            "answer_count": q.answer_count,
        }
        for q in rows[:limit]
    ]


def latest_questions_for_topics(
    *, topics: list[Topic], limit: int = 6, exclude_id: int | None = None
) -> list[Question]:
    """The newest visible questions sharing any of these topics (public fields only)."""
    topic_ids = [t.pk for t in topics]
    if not topic_ids:
        return []
    # Newest ids first from the through table, so a popular topic never scans every question.
    through = Question.topics.through.objects.filter(
        topic_id__in=topic_ids, question__moderation_state=ModerationState.VISIBLE
    )
    if exclude_id is not None:
        through = through.exclude(question_id=exclude_id)
    ids: list[int] = []
    for qid in through.order_by("-question_id").values_list("question_id", flat=True)[: limit * 4]:
        if qid not in ids:
            ids.append(qid)
        if len(ids) == limit:
            break
    found = {
        q.pk: q
        for q in Question.objects.filter(pk__in=ids).only(
            "id", "slug", "title", "answer_count", "created_at"
        )
    }
    return [found[i] for i in ids if i in found]


def related_questions(*, question: Question, limit: int = 5) -> list[Question]:
    """Other questions that share topics with this one, newest first."""
    return latest_questions_for_topics(
        topics=list(question.topics.all()), limit=limit, exclude_id=question.pk
    )


def home_questions(*, limit: int = 6) -> list[Question]:
    """Recently active questions for the home page (public fields only)."""
    return list(
        _visible_questions()
        .order_by("-last_activity_at", "-pk")
        .only("id", "slug", "title", "answer_count", "last_activity_at")[:limit]
    )
