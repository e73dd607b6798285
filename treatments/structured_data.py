"""schema.org data for a treatment's page: a MedicalWebPage about a Drug, therapy or procedure.

Only editorial facts go in (names, class, the reviewed summary's reviewer, date and sources);
nothing members wrote, so the same data serves every visitor and search engine.
"""

import json
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from catalogue.models import Treatment

from .models import GuideReference, TreatmentGuide

# The characters that could end a <script> element or start an HTML entity, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

_TYPE_OF_CLASS = {
    Treatment.DrugClass.SURGERY: "SurgicalProcedure",
    Treatment.DrugClass.RADIATION: "RadiationTherapy",
    Treatment.DrugClass.REGIMEN: "MedicalTherapy",
    Treatment.DrugClass.OTHER: "MedicalTherapy",
}


def _about(treatment: Treatment) -> dict[str, Any]:
    kind = _TYPE_OF_CLASS.get(Treatment.DrugClass(treatment.drug_class), "Drug")
    about: dict[str, Any] = {"@type": kind, "name": treatment.name}
    if treatment.description:
        about["description"] = treatment.description
    if kind == "Drug":
        about["nonProprietaryName"] = treatment.name
        if brands := treatment.brand_name_list:
            about["proprietaryName"] = brands if len(brands) > 1 else brands[0]
        about["drugClass"] = {"@type": "DrugClass", "name": treatment.get_drug_class_display()}
    return about


def treatment_json_ld(
    *, treatment: Treatment, guide: TreatmentGuide | None, references: list[GuideReference]
) -> SafeString:
    """The page's JSON-LD, escaped so it can never close its <script>."""
    url = f"{settings.SITE_URL}{treatment.get_absolute_url()}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": treatment.name,
        "url": url,
        "about": _about(treatment),
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": settings.SITE_URL,
        },
    }
    if guide is not None:
        summary = " ".join(strip_tags(guide.summary_html).split())
        data["description"] = Truncator(summary).chars(300)
        data["dateModified"] = guide.updated_at.isoformat()
        if guide.reviewer_name:
            data["reviewedBy"] = {
                "@type": "Person",
                "name": guide.reviewer_name,
                "jobTitle": guide.reviewer_credentials,
            }
        if guide.reviewed_on:
            data["lastReviewed"] = guide.reviewed_on.isoformat()
        if references:
            data["citation"] = [
                {"@type": "CreativeWork", "name": r.citation, **({"url": r.url} if r.url else {})}
                for r in references
            ]
    elif treatment.description:
        data["description"] = treatment.description
    # Safe: <, > and & are escaped to \u00XX by the translate, so nothing can close the script.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # nosec B308 B703
