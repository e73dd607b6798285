"""Similar existing questions while a member types a title."""

import re

from django.conf import settings
from django.db.models import Q

from ..models import Question
from .base import (
    _visible_questions,
)

# --- Similar questions ----------------------------------------------------------------------

_STOPWORDS_TEXT = (
    "a an and are as at be been but by can could did do does for from had has have "
    "how i if in is it its me my of on or should so that the their them there this "
    "to was were what when where which who why will with would you your anyone "
    "anybody else"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-z0-9+]+")


def similar_questions(
    *, title: str, limit: int = 5, exclude_id: int | None = None
) -> list[Question]:
    """Existing visible questions whose titles resemble this one (trigrams on PostgreSQL)."""
    title = title.replace("\x00", "").strip()[:150]
    if len(title) < 4:
        return []
    qs = _visible_questions()
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    if settings.USING_POSTGRES:
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            qs.filter(title__trigram_similar=title)
            .annotate(similarity=TrigramSimilarity("title", title))
            .order_by("-similarity", "-pk")
            .only("id", "slug", "title", "answer_count")[:limit]
        )
    words = [w for w in _WORD.findall(title.lower()) if w not in _STOPWORDS and len(w) > 2][:6]
    if not words:
        return []
    cond = Q()
    for word in words:
        cond |= Q(title__icontains=word)
    candidates = list(
        qs.filter(cond)
        .order_by("-last_activity_at")
        .only("id", "slug", "title", "answer_count")[:50]
    )
    scored = [(sum(1 for w in words if w in q.title.lower()), q) for q in candidates]
    scored = [(s, q) for s, q in scored if s >= max(1, min(2, len(words)))]
    scored.sort(key=lambda sq: (-sq[0], -sq[1].pk))
    return [q for _, q in scored[:limit]]
