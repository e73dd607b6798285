"""What each app makes searchable: one description per kind, registered from its AppConfig.ready().

Why the registry is here and not in `search/`: search sits near the top of the layers (it
composes what the content apps hold), so no content app may import it. The description and the
list of kinds are ground floor and import no app; each content app registers its kinds from its
own `ready()` importing core only; `search/` reads `searchable_kinds()` and holds the two query
engines (PostgreSQL full text and the embedded SQLite one), the view and the URL. Both engines
read nothing but these descriptions, so a new app becomes searchable by registering one.

The privacy rule, as a description states it: a `members_only` kind is never searched for a
visitor; otherwise a visitor matches and sees only the title unless `body_public` (articles),
and so gets no snippet. Members match title and body and get a snippet.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

from .viewer import Viewer


@dataclass(frozen=True)
class SearchableKind:
    """One kind of searchable row, as both search engines read it.

    PostgreSQL needs a `vector_field` tsvector column kept by a trigger (title weight A, body B
    or below) with a GIN index; a kind whose body is not public also needs a GIN index on
    `to_tsvector('english', <title_field>)`, since visitors match its title alone. Its primary
    key must be an integer that grows with time (an auto id): the newest rows are walked
    backwards on it to rank a common word's newest matches.
    """

    name: str  # the `kind=` value, e.g. "question"
    label: str  # its name in the search form's menu, e.g. "Questions"
    model: type[Model]
    # The rows this viewer may find; left unordered by the engines' own queries.
    visible: Callable[[Viewer | None], QuerySet[Any]]
    url: Callable[[Any], str]  # the address of a hit
    # What a hit is called. Across a relation ("question__title") the hit is named after its
    # parent, which is searched as a kind of its own: that title is shown, never matched.
    title_field: str
    body_fields: tuple[str, ...]  # matched besides the title; the snippet comes from the first
    date_field: str  # shown with a hit; the newest first among equals
    topic_field: str  # the filter for `topic=`, e.g. "question__topics"; "" for no topics
    members_only: bool = False  # visitors never search this kind
    body_public: bool = False  # visitors match and see the body too, not only the title
    # Written and reviewed by the editors (articles): ranked above members' posts that match
    # as well, since it is what answers a question about a treatment or a word best.
    editorial: bool = False
    vector_field: str = "search_vector"
    # `visible(viewer)` is the same for every member (no team, no blocks, no member's own rows):
    # members may then share one cached copy of a search of this kind (search.result_cache).
    # Left False, a member's search of this kind is never cached; visitors' always may be.
    same_for_every_member: bool = False
    # Relations `url` reads (a guide's address is its treatment's slug): loaded with the hits
    # in the same query, so a page of hits costs one query per kind, not one per hit.
    url_relations: tuple[str, ...] = ()

    @property
    def parent(self) -> str:
        """The relation the hit is named after ("" when the title is the row's own)."""
        return self.title_field.rpartition("__")[0]

    @property
    def hit_relations(self) -> tuple[str, ...]:
        """Every relation a hit's title and address read, for `select_related`."""
        return tuple(name for name in (self.parent, *self.url_relations) if name)

    def title_of(self, row: Any) -> str:
        """The hit's title, read along `title_field` (its parent loaded with the row)."""
        value = row
        for part in self.title_field.split("__"):
            value = getattr(value, part)
        return str(value)


_kinds: dict[str, SearchableKind] = {}


def searchable_register(kind: SearchableKind) -> None:
    """Make a kind searchable (from its app's ready()); a name registered again is replaced."""
    _kinds[kind.name] = kind


def searchable_kinds() -> list[SearchableKind]:
    """Every registered kind: public kinds first, then members' kinds, each by label."""
    return sorted(_kinds.values(), key=lambda kind: (kind.members_only, kind.label))


def searchable_kind(name: str) -> SearchableKind | None:
    """The kind registered under this `kind=` value, if any."""
    return _kinds.get(name)
