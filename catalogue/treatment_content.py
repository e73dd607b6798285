"""What other apps hold about a treatment, for its page (registered from their AppConfig.ready()).

The treatment pages (`treatments/`) sit beside articles and forum on the content layer, so they
may import neither. Each of those apps describes here the public things it holds about a
treatment (published articles, question titles), and the treatment pages read every
registered description. Only what a visitor may see is ever listed: these lists are shown on a
page that is cached for visitors.

    from catalogue.treatment_content import TreatmentContentKind, treatment_content_register
    treatment_content_register(TreatmentContentKind(key="articles", ...))
"""

from collections.abc import Callable
from dataclasses import dataclass

from .models import Treatment


@dataclass(frozen=True)
class TreatmentContentItem:
    """One link on a treatment page: a title, its address and a short line under it."""

    title: str
    url: str
    meta: str = ""


@dataclass(frozen=True)
class TreatmentContentKind:
    """One kind of public content about a treatment, as its app describes it."""

    key: str  # "articles", "questions": also the name of the section's id on the page
    heading: str  # the section's heading, e.g. "Articles that discuss it"
    # The newest public items about the treatment, at most `limit`, in one query.
    items: Callable[[Treatment, int], list[TreatmentContentItem]]
    # How many public items each treatment has (absent means none), in one query.
    counts: Callable[[], dict[int, int]]
    # Where the whole list lives (e.g. the questions filtered by this treatment), if anywhere.
    more_url: Callable[[Treatment], str | None] = lambda treatment: None
    # The count's noun, singular and plural: "article", "articles".
    noun: tuple[str, str] = ("item", "items")


_kinds: dict[str, TreatmentContentKind] = {}


def treatment_content_register(kind: TreatmentContentKind) -> None:
    """Describe one kind of public content about treatments; a key registered again is replaced."""
    _kinds[kind.key] = kind


def treatment_content_kinds() -> list[TreatmentContentKind]:
    """Every registered kind, in registration order."""
    return list(_kinds.values())
