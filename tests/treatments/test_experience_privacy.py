"""Her experiences in her data export, and gone with her account."""

import json
from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.export import member_export
from accounts.services import member_erase
from tests.factories import treatment
from treatments.figures import MIN_MEMBERS
from treatments.models import Experience, ExperienceSideEffect, TreatmentFigures
from treatments.services.figures import treatment_figures_refresh

from .experience_helpers import experience_for, experiences_for_many

pytestmark = pytest.mark.django_db


def test_export_includes_her_experiences_and_nothing_of_others(member, other_member):
    experience_for(member, treatment("trastuzumab"), tips="Cold cap, worth it.", going=5)
    experience_for(other_member, treatment("trastuzumab"), tips="Someone else's words")

    exported = member_export(user=member)["treatment_experiences"]

    assert exported == [
        {
            "treatment": "Trastuzumab",
            "started": "2026-03",
            "still_on": True,
            "how_it_is_going": "Well",
            "tips": "Cold cap, worth it.",
            "side_effects": [
                {"side_effect": "Fatigue", "bothered_me": "Quite a bit", "what_helped": ""}
            ],
            "state": "visible",
            "created_at": exported[0]["created_at"],
            "updated_at": exported[0]["updated_at"],
        }
    ]
    assert "Someone else's words" not in json.dumps(member_export(user=member))


def test_export_download_carries_her_experiences(member_client, member):
    experience_for(member, treatment("pertuzumab"), tips="Diarrhoea eased by week three.")

    response = member_client.get(reverse("accounts:export"))

    assert response.status_code == HTTPStatus.OK
    assert "Diarrhoea eased by week three." in response.content.decode()


def test_erase_deletes_her_experiences_and_the_figures_follow(
    member, django_capture_on_commit_callbacks
):
    trastuzumab = treatment("trastuzumab")
    experiences_for_many(MIN_MEMBERS - 1, trastuzumab)
    experience_for(member, trastuzumab, tips="My own words")
    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])
    assert TreatmentFigures.objects.filter(treatment=trastuzumab, cohort="all").exists()

    with django_capture_on_commit_callbacks(execute=True):
        member_erase(user=member)

    assert not Experience.objects.filter(author=member).exists()
    assert not ExperienceSideEffect.objects.filter(experience__author=member).exists()
    # nine left: below the threshold, so the stored figures went with her
    assert not TreatmentFigures.objects.filter(treatment=trastuzumab, cohort="all").exists()


def test_erase_is_idempotent_for_experiences(member):
    experience_for(member, treatment("trastuzumab"))

    member_erase(user=member)
    member_erase(user=member)

    assert not Experience.objects.filter(author=member).exists()
