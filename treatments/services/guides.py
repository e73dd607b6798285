"""Editors' writes on treatment guides: the one save path renders the summary once."""

from django.core.exceptions import ValidationError

from core.markdown import render_article_markdown

from ..models import TreatmentGuide


def guide_title(*, guide: TreatmentGuide) -> str:
    """The names search matches: the generic name and its brand names."""
    treatment = guide.treatment
    brands = treatment.brand_names.strip()
    return f"{treatment.name} ({brands})" if brands else treatment.name


def guide_render(*, guide: TreatmentGuide) -> None:
    """Render the Markdown summary to sanitised HTML and refresh the search title (no save)."""
    guide.summary_html = render_article_markdown(guide.summary).html
    guide.title = guide_title(guide=guide)


def guide_save(*, guide: TreatmentGuide) -> TreatmentGuide:
    """Render once, then save: the one save path for guides (admin, demo, tests)."""
    fields = ("summary", "reviewer_name", "reviewer_credentials")
    if any("\x00" in (getattr(guide, name) or "") for name in fields):
        raise ValidationError("Guides cannot contain NUL characters.")
    guide_render(guide=guide)
    guide.full_clean(exclude=["search_vector", "treatment"])
    guide.save()
    return guide
