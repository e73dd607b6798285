"""Site search: every registered kind (`core.search_registry`), filtered by the viewer.

Each content app registers what it makes searchable from its own AppConfig.ready(); this app
only reads those descriptions. PostgreSQL (`search.postgres`): stored tsvectors ranked among a
bounded candidate set per kind. SQLite (`search.embedded`): icontains, best match first, newest
first. On both, a treatment's names count as one word (`search.synonyms`), articles rank above
members' posts that match as well, and a search that finds nothing may suggest a spelling
(`search.suggest`). A page of results is kept under the public pages version for every
visitor, and for every member when no kind searched depends on the member
(`search.result_cache`). On both, a visitor never searches a members-only kind and matches and sees
only the title of a kind whose body is for members; hidden and pending rows are never visible.
"""

import re
import threading

from django.conf import settings

from catalogue.models import Topic
from core.public_pages import public_pages_version
from core.search_registry import SearchableKind, searchable_kind, searchable_kinds
from core.viewer import Viewer, viewer_is_member

from .embedded import search_embedded
from .postgres import search_postgres
from .result_cache import search_cache_get, search_cache_key, search_cache_set
from .results import MAX_PAGE, SearchResults
from .suggest import search_suggestion

MAX_QUERY_CHARS = 200
_WORDISH = re.compile(r"\w", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


def search_kinds_for(viewer: Viewer | None) -> list[SearchableKind]:
    """The kinds this viewer may search, in the order the search form lists them."""
    member = viewer_is_member(viewer)
    return [kind for kind in searchable_kinds() if member or not kind.members_only]


_topics_lock = threading.Lock()
_topics: tuple[str, list[Topic]] | None = None


def search_topics() -> list[Topic]:
    """The topics of the search form, kept by each process under the public pages version
    (saving a topic moves it), so a search page reads none while the copy is current."""
    global _topics
    version = public_pages_version()
    kept = _topics
    if version is not None and kept is not None and kept[0] == version:
        return kept[1]
    topics = list(Topic.objects.all())
    if version is not None:
        with _topics_lock:
            _topics = (version, topics)
    return topics


def _members_only_message() -> str:
    labels = [kind.label.lower() for kind in searchable_kinds() if kind.members_only]
    named = " and ".join(filter(None, [", ".join(labels[:-1]), labels[-1]]))
    return f"Log in to search {named}: they are for members only."


def site_search(
    *, query: str, viewer: Viewer | None, kind: str = "", topic: Topic | None = None, page: int = 1
) -> SearchResults:
    """One page of results this viewer may see; hidden and pending content never appears."""
    cleaned, message = search_query_clean(query)
    chosen = searchable_kind(kind)
    page = max(1, min(page, MAX_PAGE))
    results = SearchResults(
        query=cleaned, kind=chosen.name if chosen else "", topic=topic, page=page, message=message
    )
    if not cleaned:
        return results
    allowed = search_kinds_for(viewer)
    if chosen is not None and chosen not in allowed:
        results.message = _members_only_message()
        return results
    kinds = [chosen] if chosen else allowed
    member = viewer_is_member(viewer)
    key = search_cache_key(
        query=cleaned, message=message, kinds=kinds, member=member, topic=topic, page=page
    )
    results.cache_key = key
    if key is not None and search_cache_get(key, results):
        return results
    if kinds:  # a visitor may have nothing to search when every registered kind is for members
        engine = search_postgres if settings.USING_POSTGRES else search_embedded
        engine(results, text=cleaned, kinds=kinds, viewer=viewer, member=member)
    if results.page == 1 and not results.hits and not results.message:
        results.suggestion = search_suggestion(text=cleaned)
    if key is not None:
        search_cache_set(key, results)
    return results
