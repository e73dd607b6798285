"""Reads for the public treatment pages: the catalogue by class, one treatment with its guide.

Everything here is what a visitor may see (editorial text, titles and counts), so the same
page can be cached for visitors; members' experiences come from their own selectors.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from catalogue.models import Treatment
from catalogue.treatment_content import (
    TreatmentContentItem,
    TreatmentContentKind,
    treatment_content_kinds,
)
from core.viewer import Viewer, viewer_holds_permission

from ..models import GuideReference, GuideStatus, SuggestedQuestion, TreatmentGuide

ITEMS_PER_SECTION = 8
EDIT_GUIDE_PERMISSION = "treatments.change_treatmentguide"


def viewer_is_guide_editor(viewer: Viewer | None) -> bool:
    """Editors may see draft guides on the page, marked as a preview."""
    return viewer_holds_permission(viewer, EDIT_GUIDE_PERMISSION)


@dataclass
class TreatmentRow:
    treatment: Treatment
    has_guide: bool
    counts: dict[str, int]


@dataclass
class TreatmentGroup:
    key: str
    label: str
    rows: list[TreatmentRow] = field(default_factory=list)


def _with_guide() -> QuerySet[Treatment]:
    return Treatment.objects.select_related("guide")


def _published(treatment: Treatment) -> TreatmentGuide | None:
    guide: TreatmentGuide | None = getattr(treatment, "guide", None)
    return guide if guide is not None and guide.status == GuideStatus.PUBLISHED else None


def treatment_groups() -> list[TreatmentGroup]:
    """Every catalogue treatment, grouped by class in the catalogue's order of classes, with
    how many public items each registered app holds about it. One query, plus one per kind."""
    counts = {kind.key: kind.counts() for kind in treatment_content_kinds()}
    groups = {
        value: TreatmentGroup(key=value, label=str(label))
        for value, label in Treatment.DrugClass.choices
    }
    for treatment in _with_guide().order_by("name"):
        group = groups.get(treatment.drug_class) or groups[Treatment.DrugClass.OTHER]
        group.rows.append(
            TreatmentRow(
                treatment=treatment,
                has_guide=_published(treatment) is not None,
                counts={key: by_id.get(treatment.pk, 0) for key, by_id in counts.items()},
            )
        )
    return [group for group in groups.values() if group.rows]


def treatment_get(*, slug: str) -> Treatment | None:
    """The catalogue treatment with this slug, its guide loaded (one query)."""
    return _with_guide().filter(slug=slug).first()


def guide_for_viewer(*, treatment: Treatment, viewer: Viewer | None) -> TreatmentGuide | None:
    """The treatment's guide if this viewer may read it: everyone once published, editors
    always (their preview)."""
    guide: TreatmentGuide | None = getattr(treatment, "guide", None)
    if guide is None:
        return None
    if guide.status == GuideStatus.PUBLISHED or viewer_is_guide_editor(viewer):
        return guide
    return None


@dataclass
class ContentSection:
    key: str
    heading: str
    items: list[TreatmentContentItem]
    count: int
    noun: str
    more_url: str | None


@dataclass
class TreatmentPage:
    """What the public part of a treatment's page shows."""

    treatment: Treatment
    guide: TreatmentGuide | None
    references: list[GuideReference]
    sections: list[ContentSection]
    suggested_questions: list[SuggestedQuestion]

    @property
    def is_preview(self) -> bool:
        return self.guide is not None and self.guide.status != GuideStatus.PUBLISHED


def _section(kind: TreatmentContentKind, treatment: Treatment) -> ContentSection:
    items = kind.items(treatment, ITEMS_PER_SECTION)
    # A short list is its own count; a full one asks for the total.
    count = len(items) if len(items) < ITEMS_PER_SECTION else kind.counts().get(treatment.pk, 0)
    return ContentSection(
        key=kind.key,
        heading=kind.heading,
        items=items,
        count=count,
        noun=kind.noun[0] if count == 1 else kind.noun[1],
        more_url=kind.more_url(treatment),
    )


def treatment_page(*, treatment: Treatment, viewer: Viewer | None) -> TreatmentPage:
    """The public part of the page: guide and references, what other apps hold about it, the
    editors' suggested questions. At most 3 queries plus 2 per registered kind."""
    guide = guide_for_viewer(treatment=treatment, viewer=viewer)
    references = list(guide.references.all()) if guide is not None else []
    suggested = list(
        SuggestedQuestion.objects.filter(treatment=treatment, active=True).order_by(
            "position", "id"
        )
    )
    return TreatmentPage(
        treatment=treatment,
        guide=guide,
        references=references,
        sections=[_section(kind, treatment) for kind in treatment_content_kinds()],
        suggested_questions=suggested,
    )


def general_suggested_questions() -> list[SuggestedQuestion]:
    """The editors' questions for everyone's list page (tied to no treatment)."""
    return list(
        SuggestedQuestion.objects.filter(treatment__isnull=True, active=True).order_by(
            "position", "id"
        )
    )
