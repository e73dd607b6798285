"""Every name of a treatment is the same word to search: query expansion from the catalogue.

Members search by the names they hear: "Herceptin", "chemo", "T-DM1"; articles often use the
generic name. Each treatment's name, brand names and other names (`catalogue.Treatment`) form
one group. A query is split into parts the way websearch syntax reads it ("quoted phrases",
-negations, `or`); a plain word, or a run of plain words, that spells one of a group's names
becomes an OR group of all the group's names. Both engines build their query from that plan
(`search.postgres`: one phrase tsquery per name joined with `||`, every name a bound parameter;
`search.embedded`: an icontains per name joined with OR).

The groups are read in one query and kept by each process under the public pages version
(`core.content_versions`), which every save or delete of a treatment moves (the catalogue
registers it as a public model), so an editor's change in the admin applies at the next search
and a search with a warm copy costs no query at all.
"""

import re
import threading
from dataclasses import dataclass, field

from catalogue.models import Treatment
from core.public_pages import public_pages_version

_WORD = re.compile(r"\w+")
# A quoted phrase (perhaps unclosed), or a run of anything else up to a space or a quote.
_TOKEN = re.compile(r'"[^"]*"?|[^\s"]+')

MAX_NAME_WORDS = 6  # longer catalogue names are never matched against what was typed
MAX_NAMES_PER_GROUP = 16  # bounds one group's share of the query, whatever an editor typed
MAX_GROUPS = 6  # expanded terms per query; further names are searched as typed


def name_words(text: str) -> tuple[str, ...]:
    """The words a name or a typed run is matched on: "T-DM1" and "t dm1" are ("t", "dm1")."""
    return tuple(word.casefold() for word in _WORD.findall(text))


@dataclass(frozen=True)
class Synonyms:
    """Catalogue names by their words, each with every name of its treatment(s)."""

    names_of: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    def vocabulary(self) -> set[str]:
        """Every word of every catalogue name (for "did you mean")."""
        return {word for key in self.names_of for word in key}


def _split(names: str) -> list[str]:
    return [name.strip() for name in names.split(",") if name.strip()]


def synonyms_build(rows: list[tuple[str, str, str]]) -> Synonyms:
    """The groups of (name, brand names, other names) rows; a name shared by two treatments
    (a biosimilar listed under both) stands for both groups' names."""
    merged: dict[tuple[str, ...], dict[tuple[str, ...], str]] = {}
    for name, brands, others in rows:
        spelled: dict[tuple[str, ...], str] = {}
        for one in [name, *_split(brands), *_split(others)]:
            if name_words(one):
                spelled.setdefault(name_words(one), one)  # the first spelling of a name wins
        for key in spelled:
            if len(key) <= MAX_NAME_WORDS:
                merged.setdefault(key, {}).update(spelled)
    names_of = {
        key: tuple(_without_redundant(names))[:MAX_NAMES_PER_GROUP]
        for key, names in merged.items()
        if len(names) > 1  # a name with no other name expands to itself: nothing to do
    }
    return Synonyms(names_of=names_of)


def _holds_run(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[at : at + size] == shorter for at in range(len(longer) - size + 1))


def _without_redundant(names: dict[tuple[str, ...], str]) -> list[str]:
    """Drop a name holding another name's words in a row ("Herceptin Hylecta" beside
    "Herceptin"): whatever matches it matches the shorter one, so it only costs query time."""
    return [
        name
        for key, name in names.items()
        if not any(other != key and _holds_run(key, other) for other in names)
    ]


_lock = threading.Lock()
_cached: tuple[str, Synonyms] | None = None


def synonyms_current() -> Synonyms:
    """The catalogue's groups: no query while this process's copy matches the version."""
    global _cached
    version = public_pages_version()  # read before the rows, so a copy is never newer-labelled
    cached = _cached
    if version is not None and cached is not None and cached[0] == version:
        return cached[1]
    built = synonyms_build(
        list(Treatment.objects.values_list("name", "brand_names", "other_names"))
    )
    if version is not None:
        with _lock:
            _cached = (version, built)
    return built


# --- Reading a query ------------------------------------------------------------------------


@dataclass(frozen=True)
class Typed:
    """A token searched as typed: a word, a "quoted phrase" or a -negation."""

    text: str


@dataclass(frozen=True)
class Group:
    """A catalogue name the member typed, standing for every name of its treatment."""

    typed: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Or:
    """`or` between two parts: either will do."""


Part = Typed | Group | Or


def _plain(token: str) -> bool:
    return not token.startswith(('"', "-")) and token.casefold() != "or"


def _longest_name(tokens: list[str], at: int, synonyms: Synonyms) -> tuple[int, Group] | None:
    """The longest run of plain tokens from `at` that spells a catalogue name."""
    run = 0
    while at + run < len(tokens) and run < MAX_NAME_WORDS and _plain(tokens[at + run]):
        run += 1
    for size in range(run, 0, -1):
        names = synonyms.names_of.get(name_words(" ".join(tokens[at : at + size])))
        if names:
            return size, Group(typed=" ".join(tokens[at : at + size]), names=names)
    return None


def query_plan(text: str, synonyms: Synonyms) -> list[Part]:
    """What was typed, read into parts: catalogue names as groups, the rest as typed."""
    tokens = _TOKEN.findall(text)
    parts: list[Part] = []
    groups = 0
    at = 0
    while at < len(tokens):
        token = tokens[at]
        found = _longest_name(tokens, at, synonyms) if groups < MAX_GROUPS else None
        if found is not None:
            size, group = found
            parts.append(group)
            groups += 1
            at += size
            continue
        parts.append(Or() if token.casefold() == "or" else Typed(token))
        at += 1
    return parts


def plan_expands(parts: list[Part]) -> bool:
    """Does any part stand for more than what was typed?"""
    return any(isinstance(part, Group) for part in parts)
