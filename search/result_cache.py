"""Popular searches answered from the cache: the same words, seen by the same class of viewer.

A page of results is stored under the public pages version (`core.content_versions`), which
every save or delete of a question, an answer, an article, a comment, a guide or a treatment
moves, and so does every hide, restore or removal made with `update()` (docs/caching.md). A
copy built before such a change is a miss from the moment it commits (other processes see the
new version within PAGE_CACHE_VERSION_SECONDS), so a hidden post is never served from here.

Who may share a copy: what a visitor finds depends on nothing about her, so all visitors share
one copy of each search. Members share one only when every kind searched declares it is the
same for every member (`SearchableKind.same_for_every_member`: questions, answers); a kind whose
rows depend on the member (her team's updates, her blocks) makes the search bypass the cache,
so no member's private state is ever stored where another could read it. The key holds the
class (visitor or member), never a member's id, and visitors' and members' copies never meet:
a member's copy holds answers and question bodies a visitor may not read.
"""

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from catalogue.models import Topic
from core.public_pages import public_pages_version
from core.search_registry import SearchableKind

from .results import SearchHit, SearchResults

CACHE_SECONDS = 300
# Each process also keeps the copies it used last, so a popular search costs no round trip to
# Redis. Safe without a check: every key holds the version, so a copy kept here is never asked
# for once the version has moved, and leaves as newer ones come in.
LOCAL_ENTRIES = 256
_local: OrderedDict[str, Any] = OrderedDict()
_local_lock = threading.Lock()


def search_cache_read(key: str) -> Any:
    """The copy under `key`, from this process or from the shared cache; None if neither."""
    with _local_lock:
        if key in _local:
            _local.move_to_end(key)
            return _local[key]
    value = cache.get(key)
    if value is not None:
        _local_put(key, value)
    return value


def search_cache_write(key: str, value: Any) -> None:
    _local_put(key, value)
    cache.set(key, value, CACHE_SECONDS)


def _local_put(key: str, value: Any) -> None:
    with _local_lock:
        _local[key] = value
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def search_cache_forget_local() -> None:
    """Drop this process's copies (tests, after clearing the cache)."""
    with _local_lock:
        _local.clear()


@dataclass(frozen=True)
class CachedPage:
    hits: list[SearchHit]
    has_next: bool
    message: str
    suggestion: str


def search_cache_key(
    *,
    query: str,
    message: str,
    kinds: list[SearchableKind],
    member: bool,
    topic: Topic | None,
    page: int,
) -> str | None:
    """Where this search's page is kept, or None when it must be searched afresh."""
    if member and not all(kind.same_for_every_member for kind in kinds):
        return None
    version = public_pages_version()
    if version is None:
        return None
    what = json.dumps(
        [
            "postgres" if settings.USING_POSTGRES else "embedded",
            "member" if member else "visitor",
            query,
            message,
            [kind.name for kind in kinds],
            topic.pk if topic is not None else None,
            page,
        ]
    )
    digest = hashlib.sha256(what.encode()).hexdigest()
    return f"search:{version}:{digest}"


def search_cache_get(key: str, results: SearchResults) -> bool:
    """Fill `results` from the copy under `key`; whether there was one."""
    copy = search_cache_read(key)
    if not isinstance(copy, CachedPage):
        return False
    results.hits = list(copy.hits)
    results.has_next = copy.has_next
    results.message = copy.message
    results.suggestion = copy.suggestion
    return True


def search_cache_set(key: str, results: SearchResults) -> None:
    copy = CachedPage(results.hits, results.has_next, results.message, results.suggestion)
    search_cache_write(key, copy)
