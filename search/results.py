"""What a search returns, and the rules both engines apply to every registered kind."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

from catalogue.models import Topic
from core.search_registry import SearchableKind

PAGE_SIZE = 20
MAX_PAGE = 50


# The character the PostgreSQL engine wraps its marks in (INVISIBLE SEPARATOR). Members can
# type it, so both engines remove it from what they show.
HIGHLIGHT_MARKER = "\u2063"

# How much more an editorial kind's match counts than a member's post matching as well
# (docs/search.md): the words in an article's title or summary put it above members' posts;
# a passing mention deep in its body competes with them on equal terms.
EDITORIAL_BOOST = 5.0


@dataclass
class SearchHit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    created_at: datetime | None
    title_html: SafeString | None = None  # the title with the match marked, where the engine can


@dataclass
class SearchResults:
    query: str
    kind: str
    topic: Topic | None
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    message: str = ""
    suggestion: str = ""  # "did you mean": the query with misspelt words corrected
    # Where this page is cached for everyone who may share it (search.result_cache); None
    # when it is searched afresh every time.
    cache_key: str | None = None


def kind_shows_body(kind: SearchableKind, *, member: bool) -> bool:
    """May this viewer match on the body and see a snippet of it? Visitors: public bodies only."""
    return member or kind.body_public


def kind_matches_title(kind: SearchableKind) -> bool:
    """A row's own title is matched; a parent's title only names the hit."""
    return not kind.parent


def kind_title_stands_alone(kind: SearchableKind) -> bool:
    """Own title, members-only body: visitors match the title alone, and it carries the marks."""
    return kind_matches_title(kind) and not kind.body_public
