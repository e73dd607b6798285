"""Content versions: tokens that change whenever what a cached copy shows changes.

A cached copy (an anonymous page, a shared rendering for members) is stored under the token it
was built from and is a miss once the token moves. The tokens live in the database (the newest
ContentVersion row of a name): a change committed while Redis stalled or was down still moves
the token, so no copy built before a hide, a removal or an erasure is served once the change has
committed. A token kept only in Redis could be lost with the write that moved it.

Each process reads the tokens at most once every PAGE_CACHE_VERSION_SECONDS (1 s): one cheap
indexed query a second for all of them, and the longest another process may lag behind a
change. The process that makes the change uses the new token at once. Random rather than a
counter: rows pruned or deleted by hand never bring back a token copies were stored under.

With a read replica (core.db_routing), each process keeps the tokens it read from each database
apart, and a request uses those of the database it reads: a copy is stored under a token no
newer than the rows it was built from. A token read from the primary while the page came from a
replica that had not replayed a hide yet would store the hidden post under the new token, and
every process would serve it until the next change.
"""

import logging
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Max
from django.utils import timezone

from .db_routing import DEFAULT, read_alias
from .models import ContentVersion

logger = logging.getLogger(__name__)

# Rows older than this are pruned; the newest row of each name always stays.
KEEP_ROWS_FOR = timedelta(hours=1)

_lock = threading.Lock()
# Per database alias: when this process last read the tokens there (time.monotonic()), and
# what it read.
_read_at: dict[str, float] = {}
_tokens: dict[str, dict[str, str]] = {}


def _remember(alias: str, name: str, token: str) -> None:
    with _lock:
        _tokens.setdefault(alias, {})[name] = token


def content_versions_forget() -> None:
    """Drop this process's copies of every token (tests, after clearing the cache)."""
    with _lock:
        _read_at.clear()
        _tokens.clear()


def _read_all(alias: str) -> dict[str, str]:
    """Every name's newest token, in one query."""
    rows = ContentVersion.objects.using(alias)
    newest = rows.values("name").annotate(newest=Max("id")).values("newest")
    return dict(rows.filter(id__in=newest).values_list("name", "token"))


def content_version(name: str) -> str | None:
    """The current token of `name` (created if there is none), or None if it cannot be known."""
    alias = read_alias(app_label=ContentVersion._meta.app_label)
    if time.monotonic() - _read_at.get(alias, 0.0) >= settings.PAGE_CACHE_VERSION_SECONDS:
        try:
            tokens = _read_all(alias)
        except DatabaseError:
            # Nothing can commit while the database is out of reach, so the tokens seen last
            # are still right; without one, nothing is cached.
            logger.warning("content versions: database unreachable; keeping the last seen")
            return _tokens.get(alias, {}).get(name)
        with _lock:
            _tokens[alias] = tokens
            _read_at[alias] = time.monotonic()
    token = _tokens.get(alias, {}).get(name)
    if token is None and not (alias != DEFAULT and name in _tokens.get(DEFAULT, {})):
        token = _first_token(name)
    # A replica that has not replayed the first row yet gives no token: nothing is cached.
    return token if alias == DEFAULT else _tokens.get(alias, {}).get(name)


def _first_token(name: str) -> str | None:
    """Create `name`'s first row (on the primary); None if the database is out of reach."""
    try:
        token = ContentVersion.objects.create(name=name, token=uuid.uuid4().hex).token
    except DatabaseError:
        return None
    _remember(DEFAULT, name, token)
    return token


def content_version_bump(name: str) -> None:
    """Make every copy stored under `name`'s current token stale.

    The new row is part of the caller's transaction: other processes see the new token when the
    change commits. A copy another request built from the old rows meanwhile was stored under
    the old token, so it is stale at commit too. This process uses the new token at once.
    """
    token = uuid.uuid4().hex
    ContentVersion.objects.create(name=name, token=token)
    # Only for reads of the primary: a request reading a replica that has not replayed the
    # change yet must keep storing what it builds under the old token.
    _remember(DEFAULT, name, token)


def content_versions_prune() -> int:
    """Delete rows no longer current and older than KEEP_ROWS_FOR; how many went."""
    newest = ContentVersion.objects.values("name").annotate(newest=Max("id")).values("newest")
    cutoff = timezone.now() - KEEP_ROWS_FOR
    stale = ContentVersion.objects.filter(created_at__lt=cutoff).exclude(id__in=newest)
    return stale.delete()[0]
