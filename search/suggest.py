""" "Did you mean": a misspelt word corrected from the catalogue and public titles.

Asked only when a search found nothing. The words it may suggest come from text every visitor
can read: the treatment catalogue's names and the titles of kinds whose titles are public (own
title, not members-only: articles, questions), as `visible(None)` gives them. Never from answer,
comment or question bodies, so a suggestion cannot reveal a word only members can read.

- PostgreSQL: pg_trgm's word similarity (`%>`, the title's trigram GIN index, `forum/0002`)
  finds up to TITLE_CANDIDATES titles per kind near any of the words, in one query.
- SQLite: the words of the newest TITLE_ROWS public titles per kind, kept by each process under
  the public pages version (rebuilt after a change, one query per kind).

On both, each word of four letters or more that is in none of those names and titles is
replaced by the closest one (difflib's ratio at least CUTOFF, lengths within two letters).
"""

import difflib
import operator
import re
import threading
from functools import reduce
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from core.public_pages import public_pages_version
from core.search_registry import SearchableKind, searchable_kinds

from .results import kind_matches_title
from .synonyms import synonyms_current

MIN_LETTERS = 4
MAX_WORDS = 6
CUTOFF = 0.75
TITLE_CANDIDATES = 50
TITLE_ROWS = 2000

_WORD = re.compile(r"\w+")


def _public_title_kinds() -> list[SearchableKind]:
    return [
        kind for kind in searchable_kinds() if not kind.members_only and kind_matches_title(kind)
    ]


def _words_of(texts: list[str]) -> set[str]:
    return {
        word.casefold()
        for text in texts
        for word in _WORD.findall(text)
        if len(word) >= MIN_LETTERS and word.isalpha()
    }


def _titles_near(words: list[str]) -> list[str]:
    """PostgreSQL: public titles with a word like one of `words`, off the trigram index."""
    parts: list[QuerySet[Any]] = []
    for kind in _public_title_kinds():
        near = reduce(
            operator.or_, (Q(**{f"{kind.title_field}__trigram_word_similar": w}) for w in words)
        )
        rows = kind.visible(None).order_by().filter(near)
        parts.append(rows.values_list(kind.title_field, flat=True)[:TITLE_CANDIDATES])
    if not parts:
        return []
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return [str(title) for title in union]


_lock = threading.Lock()
_cached: tuple[str, set[str]] | None = None


def _recent_title_words() -> set[str]:
    """SQLite: the words of the newest public titles, kept under the public pages version."""
    global _cached
    version = public_pages_version()
    cached = _cached
    if version is not None and cached is not None and cached[0] == version:
        return cached[1]
    titles: list[str] = []
    for kind in _public_title_kinds():
        rows = kind.visible(None).order_by(f"-{kind.date_field}")
        titles += [str(t) for t in rows.values_list(kind.title_field, flat=True)[:TITLE_ROWS]]
    words = _words_of(titles)
    if version is not None:
        with _lock:
            _cached = (version, words)
    return words


def _closest(word: str, vocabulary: set[str]) -> str | None:
    near = [known for known in vocabulary if abs(len(known) - len(word)) <= 2]
    found = difflib.get_close_matches(word, near, n=1, cutoff=CUTOFF)
    return found[0] if found else None


def search_suggestion(*, text: str) -> str:
    """The query with its misspelt words corrected, or "" when there is nothing to suggest."""
    spans = [
        match
        for match in _WORD.finditer(text)
        if len(match.group()) >= MIN_LETTERS and match.group().isalpha()
    ][:MAX_WORDS]
    if not spans:
        return ""
    typed = [match.group().casefold() for match in spans]
    vocabulary = synonyms_current().vocabulary()
    vocabulary |= (
        _words_of(_titles_near(typed)) if settings.USING_POSTGRES else _recent_title_words()
    )
    suggestion = text
    for match, word in sorted(zip(spans, typed, strict=True), key=lambda p: -p[0].start()):
        if word in vocabulary:
            continue
        better = _closest(word, vocabulary)
        if better is not None:
            suggestion = suggestion[: match.start()] + better + suggestion[match.end() :]
    return "" if suggestion.casefold() == text.casefold() else suggestion
