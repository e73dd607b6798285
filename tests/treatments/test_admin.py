"""Editors keep guides in the admin: rendering on save, preview, review dates, their rights."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Treatment
from treatments.models import GuideStatus, TreatmentGuide

pytestmark = pytest.mark.django_db


def test_editors_group_keeps_guides_references_side_effects_and_suggestions_only():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )

    for model in ("treatmentguide", "guidereference", "sideeffect", "suggestedquestion"):
        assert f"change_{model}" in codenames
    assert "add_articlesuggestedquestion" in codenames
    for private in ("carequestion", "experience", "treatmentfigures"):
        assert not any(code.endswith(f"_{private}") for code in codenames)


def test_guide_admin_save_renders_markdown_and_search_title(admin_client):
    treatment = Treatment.objects.get(slug="phesgo")

    response = admin_client.post(
        reverse("admin:treatments_treatmentguide_add"),
        {
            "treatment": treatment.pk,
            "summary": "An injection **under the skin**.\n\n<script>alert(1)</script>",
            "status": GuideStatus.PUBLISHED,
            "reviewer_name": "Dr. Osei",
            "references-TOTAL_FORMS": "1",
            "references-INITIAL_FORMS": "0",
            "references-0-position": "0",
            "references-0-citation": "A source",
            "references-0-url": "https://www.cancer.gov/",
        },
    )

    guide = TreatmentGuide.objects.get(treatment=treatment)
    assert response.status_code == HTTPStatus.FOUND
    assert "<strong>under the skin</strong>" in guide.summary_html
    assert "<script>" not in guide.summary_html
    assert guide.title == "Pertuzumab, trastuzumab and hyaluronidase (Phesgo)"
    assert guide.references.get().citation == "A source"


def test_guide_admin_preview_shows_a_draft_as_readers_will_see_it(admin_client, guide):
    guide.status = GuideStatus.DRAFT
    guide.save()

    response = admin_client.get(reverse("admin:treatments_treatmentguide_preview", args=[guide.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<strong>infusion</strong>" in html
    assert "Preview: this guide is <strong>draft</strong>" in html


def test_guide_admin_review_filter_lists_past_due_guides(admin_client, guide):
    TreatmentGuide.objects.filter(pk=guide.pk).update(
        next_review_due=timezone.localdate() - timedelta(days=1)
    )

    past_due = admin_client.get(
        reverse("admin:treatments_treatmentguide_changelist") + "?review=past_due"
    )
    due_soon = admin_client.get(
        reverse("admin:treatments_treatmentguide_changelist") + "?review=due_soon"
    )

    assert "Past due" in past_due.content.decode()
    assert guide.treatment.name in past_due.content.decode()
    assert f"/{guide.pk}/change/" not in due_soon.content.decode()


def test_care_questions_have_no_admin(admin_client):
    response = admin_client.get("/admin/treatments/carequestion/")

    assert response.status_code == HTTPStatus.NOT_FOUND
