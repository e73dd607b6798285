"""Writing, editing and removing an experience; moderation, limits and the figures refresh."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from moderation.models import ModerationCase, ModerationState
from moderation.services import content_hide, content_restore, report_create
from tests.factories import UserFactory, treatment
from treatments.models import Experience, TreatmentFigures
from treatments.services.experiences import (
    SideEffectAnswer,
    experience_delete,
    experience_save,
    experience_started_on,
)

from .experience_helpers import moderator, side_effect

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_user():
    return moderator()


@pytest.fixture(autouse=True)
def _established(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    settings.MODERATION_REPLIES_PER_HOUR = 1000


def _save(author, *, tips="Eat before the drip.", going=4, effects=(("fatigue", 2, "Naps"),), **kw):
    return experience_save(
        author=author,
        treatment=kw.pop("on", None) or treatment("trastuzumab"),
        started_on=kw.pop("started_on", date(2026, 1, 1)),
        still_on=kw.pop("still_on", True),
        going=going,
        tips=tips,
        side_effects=[SideEffectAnswer(side_effect(s), b, h) for s, b, h in effects],
        **kw,
    )


def test_experience_save_creates_a_visible_experience_with_its_side_effects(member):
    experience = _save(member)

    assert experience.moderation_state == ModerationState.VISIBLE
    assert experience.tips_html.startswith("<p>Eat before")
    rows = list(experience.side_effect_rows.values_list("side_effect__slug", "bother", "helped"))
    assert rows == [("fatigue", 2, "Naps")]


def test_experience_save_again_updates_her_one_experience_of_that_treatment(member):
    first = _save(member)

    second = _save(member, going=2, effects=(("nausea", 3, ""),), still_on=False)

    assert second.pk == first.pk
    assert Experience.objects.filter(author=member).count() == 1
    assert second.going == 2
    assert not second.still_on
    assert list(second.side_effect_rows.values_list("side_effect__slug", flat=True)) == ["nausea"]


def test_experience_save_same_idempotency_key_twice_makes_one_experience(member):
    key = __import__("uuid").uuid4()

    first = _save(member, idempotency_key=key)
    again = _save(member, idempotency_key=key, tips="A second click")

    assert again.pk == first.pk
    assert Experience.objects.count() == 1


def test_experience_save_of_a_new_member_waits_for_review_on_the_queue():
    newcomer = UserFactory.create(date_joined=timezone.now())

    experience = _save(newcomer)

    assert experience.moderation_state == ModerationState.PENDING
    case = ModerationCase.objects.get(object_id=experience.pk, kind="experience")
    assert case.held_reason.startswith("New member")


def test_experience_save_a_link_added_in_what_helped_goes_back_to_review(member):
    _save(member)

    edited = _save(member, effects=(("fatigue", 2, "Drops from www.miracle-cure.com"),))

    assert edited.moderation_state == ModerationState.PENDING
    assert ModerationCase.objects.get(
        object_id=edited.pk, kind="experience"
    ).held_reason.startswith("Edited")


def test_experience_save_refuses_a_member_who_has_not_confirmed_her_email():
    unverified = UserFactory.create(verified=False)

    with pytest.raises(PermissionDenied):
        _save(unverified)


def test_experience_save_refuses_bad_input_with_a_kind_message(member):
    with pytest.raises(ValidationError, match="under 2000"):
        _save(member, tips="x" * 2001)
    with pytest.raises(ValidationError, match="cannot store"):
        _save(member, tips="bad\x00byte")
    with pytest.raises(ValidationError, match="how it is going"):
        _save(member, going=9)
    with pytest.raises(ValidationError, match="month and year"):
        _save(member, started_on=date(2026, 1, 15))
    assert not Experience.objects.exists()


def test_experience_started_on_is_the_first_of_a_month_and_never_in_the_future():
    today = date(2026, 12, 6)

    assert experience_started_on(year=2024, month=5, today=today) == date(2024, 5, 1)
    with pytest.raises(ValidationError):
        experience_started_on(year=2027, month=1, today=today)
    with pytest.raises(ValidationError):
        experience_started_on(year=2026, month=13, today=today)


def test_experience_save_a_hidden_experience_cannot_be_edited(member, moderator_user):
    experience = _save(member)
    content_hide(item=experience, moderator=moderator_user, reason="Unsafe advice")

    with pytest.raises(PermissionDenied, match="set this experience aside"):
        _save(member, tips="Trying again")


def test_experience_delete_only_by_its_author(member, other_member):
    experience = _save(member)

    with pytest.raises(PermissionDenied):
        experience_delete(experience=experience, actor=other_member)
    experience_delete(experience=experience, actor=member)

    assert not Experience.objects.exists()


def test_experience_changes_refresh_the_stored_figures_after_commit(
    member, moderator_user, django_capture_on_commit_callbacks
):
    # given: nine others already shared, so hers makes ten
    from .experience_helpers import experiences_for_many

    trastuzumab = treatment("trastuzumab")
    experiences_for_many(9, trastuzumab)

    with django_capture_on_commit_callbacks(execute=True):
        experience = _save(member)
    shared_after_save = TreatmentFigures.objects.get(treatment=trastuzumab, cohort="all")
    with django_capture_on_commit_callbacks(execute=True):
        content_hide(item=experience, moderator=moderator_user, reason="Off topic")
    hidden = TreatmentFigures.objects.filter(treatment=trastuzumab, cohort="all").exists()
    with django_capture_on_commit_callbacks(execute=True):
        content_restore(item=experience, moderator=moderator_user)

    assert shared_after_save.figures["shared"] == 10
    assert not hidden  # nine is below the threshold: no row, every cell "fewer than 10"
    restored = TreatmentFigures.objects.get(treatment=trastuzumab, cohort="all")
    assert restored.figures["shared"] == 10


def test_experience_members_can_report_another_members_experience(member, other_member):
    experience = _save(member)

    report, created = report_create(reporter=other_member, item=experience, reason="spam")

    assert created
    assert report.case.kind == "experience"


def test_experience_save_with_the_broker_down_still_saves_and_the_beat_refresh_catches_up(
    member, monkeypatch, django_capture_on_commit_callbacks
):
    from treatments import tasks

    from .experience_helpers import experiences_for_many

    def broker_down(*args: object) -> None:
        raise OSError("connection refused")

    trastuzumab = treatment("trastuzumab")
    experiences_for_many(9, trastuzumab)
    monkeypatch.setattr(tasks.treatment_figures_refresh, "delay", broker_down)

    with django_capture_on_commit_callbacks(execute=True):
        experience = _save(member)
    missed = TreatmentFigures.objects.filter(treatment=trastuzumab).exists()
    tasks.treatment_figures_refresh_all()

    assert experience.pk is not None
    assert not missed
    assert TreatmentFigures.objects.get(treatment=trastuzumab, cohort="all").member_count == 10
