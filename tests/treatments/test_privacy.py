"""Her care-team list is in her data export, and leaves with her account."""

import pytest

from accounts.export import member_export
from accounts.services import member_erase
from treatments.models import CareQuestion
from treatments.services import care

pytestmark = pytest.mark.django_db


def test_export_has_her_care_questions_in_her_order_and_nobody_elses(member, other_member):
    care.care_question_add(
        owner=member,
        text="First?",
        source_label="Trastuzumab",
        source_url="/treatments/trastuzumab/",
    )
    second = care.care_question_add(owner=member, text="Second?")
    care.care_question_set_answered(owner=member, question_id=second.pk, answered=True)
    care.care_question_add(owner=other_member, text="Not hers?")

    exported = member_export(user=member)["care_team_questions"]

    assert [(q["question"], q["answered"]) for q in exported] == [
        ("First?", False),
        ("Second?", True),
    ]
    assert exported[0]["added_from"] == "Trastuzumab"
    assert exported[0]["added_from_url"] == "/treatments/trastuzumab/"


def test_erasure_removes_her_care_questions_only(member, other_member):
    care.care_question_add(owner=member, text="Mine?")
    care.care_question_add(owner=other_member, text="Theirs?")

    member_erase(user=member)

    assert not CareQuestion.objects.filter(owner=member).exists()
    assert CareQuestion.objects.filter(owner=other_member).count() == 1
