"""What the treatments app makes searchable (registered from TreatmentsConfig.ready()).

A published guide is editorial text, public like an article: visitors match its names and
summary and see a snippet. A hit leads to the treatment's page.
"""

from typing import Any

from django.db.models import QuerySet

from core.search_registry import SearchableKind
from core.viewer import Viewer

from .models import GuideStatus, TreatmentGuide


def _guides_visible(viewer: Viewer | None) -> QuerySet[Any]:
    return TreatmentGuide.objects.filter(status=GuideStatus.PUBLISHED).select_related("treatment")


GUIDE = SearchableKind(
    name="treatment",
    label="Treatments",
    model=TreatmentGuide,
    visible=_guides_visible,
    url=lambda guide: guide.get_absolute_url(),
    url_relations=("treatment",),
    title_field="title",
    body_fields=("summary",),
    date_field="updated_at",
    topic_field="topics",
    body_public=True,
)
