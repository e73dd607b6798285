"""The care-team list: hers alone, in her order, never doubled, emailed only to her."""

import uuid

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError

from core.mail.models import OutboxMessage
from tests.factories import UserFactory
from tests.newsletter.factories import SubscriberFactory
from treatments.models import CareQuestion
from treatments.services import care

pytestmark = pytest.mark.django_db


def _texts(owner):
    return list(
        CareQuestion.objects.filter(owner=owner)
        .order_by("position", "id")
        .values_list("text", flat=True)
    )


def test_care_question_add_appends_at_the_end_with_tidy_text(member):
    care.care_question_add(owner=member, text="First?")
    care.care_question_add(owner=member, text="  Second \n question?  ")

    assert _texts(member) == ["First?", "Second question?"]


def test_care_question_add_same_open_question_twice_keeps_one(member):
    first = care.care_question_add(owner=member, text="Will I lose my hair?")
    again = care.care_question_add(owner=member, text="will I lose  my hair?")

    assert again.pk == first.pk
    assert CareQuestion.objects.filter(owner=member).count() == 1


def test_care_question_add_same_idempotency_key_makes_one_question(member):
    key = uuid.uuid4()

    first = care.care_question_add(owner=member, text="One?", idempotency_key=key)
    second = care.care_question_add(owner=member, text="One?", idempotency_key=key)

    assert first.pk == second.pk
    assert CareQuestion.objects.filter(owner=member).count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write your question"),
        ("   \n ", "Please write your question"),
        ("\x00\x00", "Please write your question"),
        ("x" * 501, "under 500 characters (this one has 501)"),
    ],
)
def test_care_question_add_refuses_empty_or_huge_text_kindly(member, text, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        care.care_question_add(owner=member, text=text)

    assert not CareQuestion.objects.filter(owner=member).exists()


def test_care_question_add_refuses_past_the_list_limit(member, settings):
    CareQuestion.objects.bulk_create(
        CareQuestion(owner=member, text=f"Q{n}", position=n) for n in range(care.CARE_LIST_MAX)
    )

    with pytest.raises(ValidationError, match="already holds 100 questions"):
        care.care_question_add(owner=member, text="One more?")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("/treatments/trastuzumab/", "/treatments/trastuzumab/"),
        ("/articles/a/?x=1#y", "/articles/a/?x=1#y"),
        ("https://evil.example/", ""),
        ("//evil.example/", ""),
        ("/\\evil.example", ""),
        ("javascript:alert(1)", ""),
        ("/ok\nSet-Cookie: x", ""),
        ("/" + "a" * 400, ""),
    ],
)
def test_care_question_add_keeps_only_a_link_to_this_site(member, given, kept):
    question = care.care_question_add(
        owner=member, text="Where from?", source_label="An article", source_url=given
    )

    assert question.source_url == kept


def test_care_question_move_up_and_down_and_not_past_the_ends(member):
    a, b, c = (care.care_question_add(owner=member, text=t) for t in ("A", "B", "C"))

    care.care_question_move(owner=member, question_id=c.pk, direction="up")
    care.care_question_move(owner=member, question_id=a.pk, direction="down")
    care.care_question_move(owner=member, question_id=c.pk, direction="up")  # already first
    care.care_question_move(owner=member, question_id=b.pk, direction="down")  # already last

    assert _texts(member) == ["C", "A", "B"]


def test_care_question_move_repairs_equal_positions(member):
    CareQuestion.objects.bulk_create(
        [CareQuestion(owner=member, text=t, position=0) for t in ("A", "B", "C")]
    )
    c = CareQuestion.objects.get(text="C")

    care.care_question_move(owner=member, question_id=c.pk, direction="up")

    positions = list(CareQuestion.objects.filter(owner=member).values_list("position", flat=True))
    assert _texts(member) == ["A", "C", "B"]
    assert sorted(positions) == [0, 1, 2]


def test_care_question_writes_never_reach_another_members_question(member, other_member):
    theirs = care.care_question_add(owner=other_member, text="Theirs?")

    for call in (
        lambda: care.care_question_move(owner=member, question_id=theirs.pk, direction="up"),
        lambda: care.care_question_set_answered(owner=member, question_id=theirs.pk, answered=True),
        lambda: care.care_question_edit(owner=member, question_id=theirs.pk, text="Changed"),
        lambda: care.care_question_delete(owner=member, question_id=theirs.pk),
    ):
        with pytest.raises(CareQuestion.DoesNotExist):
            call()

    theirs.refresh_from_db()
    assert (theirs.text, theirs.answered) == ("Theirs?", False)


def test_care_question_set_answered_edit_delete_and_clear(member):
    a = care.care_question_add(owner=member, text="A")
    b = care.care_question_add(owner=member, text="B")
    c = care.care_question_add(owner=member, text="C")

    care.care_question_set_answered(owner=member, question_id=a.pk, answered=True)
    care.care_question_edit(owner=member, question_id=b.pk, text=" B, in other words ")
    care.care_question_delete(owner=member, question_id=c.pk)
    cleared = care.care_questions_clear_answered(owner=member)

    assert cleared == 1
    assert _texts(member) == ["B, in other words"]


def test_care_list_email_queues_one_outbox_email_to_her_with_the_list(member):
    care.care_question_add(owner=member, text="Open question?")
    answered = care.care_question_add(owner=member, text="Done question?")
    care.care_question_set_answered(owner=member, question_id=answered.pk, answered=True)

    message = care.care_list_email(owner=member)

    assert message.to_email == member.email
    assert message.subject == "Your questions for your care team"
    assert "1. Open question?" in message.body_text
    assert "- Done question?" in message.body_text
    assert "Open question?" in message.body_html


def test_care_list_email_discreet_mode_has_neutral_sender_and_subject(member):
    SubscriberFactory.create(email=member.email, discreet=True)
    care.care_question_add(owner=member, text="About my scan?")

    message = care.care_list_email(owner=member)

    assert message.subject == "Your list"
    assert message.from_email.startswith("Weekly update <")
    assert "care team" not in message.subject


def test_care_list_email_refuses_an_empty_list_and_an_unconfirmed_address(member):
    unconfirmed = UserFactory.create(verified=False)
    care.care_question_add(owner=unconfirmed, text="Mine?")

    with pytest.raises(ValidationError, match="empty"):
        care.care_list_email(owner=member)
    with pytest.raises(ValidationError, match="confirm your email"):
        care.care_list_email(owner=unconfirmed)

    assert not OutboxMessage.objects.exists()


def test_care_list_email_limited_per_hour(member):
    care.care_question_add(owner=member, text="Mine?")
    for _ in range(care.CARE_EMAILS_PER_HOUR):
        care.care_list_email(owner=member)

    with pytest.raises(care.CareEmailLimit):
        care.care_list_email(owner=member)

    assert OutboxMessage.objects.count() == care.CARE_EMAILS_PER_HOUR


def test_care_list_email_finds_her_confirmed_address_whatever_its_case(member):
    care.care_question_add(owner=member, text="Mine?")
    EmailAddress.objects.filter(user=member).update(email=member.email.upper())

    assert care.care_list_email(owner=member).to_email == member.email
