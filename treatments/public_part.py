"""The public part of a treatment page (guide, references, what other apps hold about it,
the editors' suggested questions), read once and shared by every member until it changes.

It is exactly what a visitor sees, so it moves with the public-pages version
(core.public_pages): any write that changes what a visitor could see moves it, and the copy
stored under the old version is never read again. Five queries a member page no longer runs.
Editors previewing a draft guide are the one exception: they get theirs fresh.
"""

from django.core.cache import cache

from core.public_pages import public_pages_version
from core.viewer import Viewer

from .models import GuideStatus
from .selectors.pages import TreatmentPage, treatment_get, treatment_page, viewer_is_guide_editor

CACHE_SECONDS = 600
KEY_PREFIX = "treatments:public-part:v1"


def _draft_guide(page: TreatmentPage) -> bool:
    guide = getattr(page.treatment, "guide", None)
    return guide is not None and guide.status != GuideStatus.PUBLISHED


def _fresh(*, slug: str, viewer: Viewer | None) -> TreatmentPage | None:
    treatment = treatment_get(slug=slug)
    return None if treatment is None else treatment_page(treatment=treatment, viewer=viewer)


def treatment_public_part(*, slug: str, viewer: Viewer | None) -> TreatmentPage | None:
    """The page's public part for this viewer, or None when no treatment has this slug."""
    version = public_pages_version()
    if version is None:  # the version cannot be known: nothing is shared
        return _fresh(slug=slug, viewer=viewer)
    key = f"{KEY_PREFIX}:{version}:{slug}"
    page = cache.get(key)
    if not isinstance(page, TreatmentPage):
        page = _fresh(slug=slug, viewer=None)  # what a visitor sees: no draft guide
        if page is None:
            return None  # unknown slugs are not stored
        cache.set(key, page, CACHE_SECONDS)
    if _draft_guide(page) and viewer_is_guide_editor(viewer):
        return _fresh(slug=slug, viewer=viewer)  # her preview of the draft
    return page
