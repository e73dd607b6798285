"""What a feed page is made of, shared by the SQL path and the Redis fan-out."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from core.form_fields import MAX_PK

TEAM = "team"
EVERYONE = "everyone"
TABS = (TEAM, EVERYONE)

# (created_at, id): the keyset a page continues from, newest first.
Cursor = tuple[datetime, int]


@dataclass
class FeedItem:
    """One entry: an update (`kind="update"`, post is an Update with its author) or a post of a
    registered team-feed source (`kind="question"`), with her hug state on updates."""

    kind: str
    created_at: datetime
    pk: int
    post: Any
    template: str = "activities/includes/update_card.html"
    hugged: bool = False
    # The card's shared rendering, when activities.card_cache had one (the page renders the
    # template otherwise).
    html: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind[0]}:{self.pk}"


@dataclass
class FeedPage:
    tab: str
    items: list[FeedItem] = field(default_factory=list)
    next_cursor: str | None = None


def cursor_format(moment: datetime, pk: int) -> str:
    """The `before=` value of the next page: microseconds since the epoch, then the id."""
    micros = int(moment.timestamp() * 1_000_000)
    return f"{micros}.{pk}"


def cursor_parse(value: str | None) -> Cursor | None:
    """The cursor in a `before=` value, or None when missing or malformed (first page)."""
    if not value or len(value) > 40:
        return None
    micros, _, pk = value.partition(".")
    if not (micros.isascii() and micros.isdigit() and pk.isascii() and pk.isdigit()):
        return None
    if int(pk) > MAX_PK:  # beyond any id the database can compare with
        return None
    try:
        moment = datetime.fromtimestamp(int(micros) / 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment, int(pk)
