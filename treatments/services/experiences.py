"""Every write of a member's "My experience with ..." (one per member and treatment).

An experience is member-written health content, moderated like every post: the trust rules
decide whether it goes up at once or waits (moderation_decide, content_after_create), an edit
meets them again (content_recheck_after_edit), members can report it and moderators hide and
restore it through the registry (TreatmentsConfig.ready). Each change queues a refresh of the
treatment's stored figures after commit.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from catalogue.models import Treatment
from core.idempotency import create_once
from core.markdown import render_member_markdown
from core.queue import task_enqueue
from moderation.models import ModerationState
from moderation.policy import moderation_decide, posting_limits_check, posting_refusal
from moderation.services import content_after_create, content_recheck_after_edit

from ..models import (
    HELPED_MAX_LENGTH,
    TIPS_MAX_LENGTH,
    Bother,
    Experience,
    ExperienceSideEffect,
    Going,
    SideEffect,
)

# The posting limits count experiences with comments and answers (one hourly limit).
POST_KIND = "experience"
EARLIEST_YEAR = 1950


@dataclass(frozen=True)
class SideEffectAnswer:
    """One side effect she had: how much it bothered her and what helped."""

    side_effect: SideEffect
    bother: int
    helped: str = ""


def experience_started_on(*, year: int, month: int, today: date | None = None) -> date:
    """The month she started, stored as its 1st day; never in the future."""
    today = today or timezone.localdate()
    if not 1 <= month <= 12 or not EARLIEST_YEAR <= year <= today.year:
        raise ValidationError("Please choose the month and year you started.")
    started = date(year, month, 1)
    if started > today:
        raise ValidationError("The month you started cannot be in the future.")
    return started


def _clean_text(value: str, *, limit: int, what: str) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise ValidationError(f"Your {what} contains a character we cannot store.")
    if len(value) > limit:
        raise ValidationError(f"Please keep your {what} under {limit} characters.")
    return value


def _clean_answers(answers: Sequence[SideEffectAnswer]) -> list[SideEffectAnswer]:
    seen: set[int] = set()
    cleaned = []
    for answer in answers:
        if answer.side_effect.pk in seen:
            continue
        seen.add(answer.side_effect.pk)
        if answer.bother not in Bother.values:
            raise ValidationError(f"Please say how much {answer.side_effect.name} bothered you.")
        helped = _clean_text(answer.helped, limit=HELPED_MAX_LENGTH, what="note on what helped")
        cleaned.append(SideEffectAnswer(answer.side_effect, answer.bother, helped))
    return cleaned


def _posting_check(user: User) -> None:
    refusal = posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)


def _text_for_rules(*, tips: str, answers: Sequence[SideEffectAnswer]) -> str:
    """Everything she wrote in words, as the trust and self-harm rules read it."""
    return "\n".join([tips, *(a.helped for a in answers if a.helped)]).strip()


def experience_figures_refresh_later(*, treatment_id: int) -> None:
    """After commit, queue a refresh of one treatment's figures (the beat refresh catches up
    if the broker cannot take it)."""
    from ..tasks import treatment_figures_refresh

    transaction.on_commit(lambda: task_enqueue(treatment_figures_refresh, treatment_id))


def experience_save(
    *,
    author: User,
    treatment: Treatment,
    started_on: date,
    still_on: bool,
    going: int,
    tips: str,
    side_effects: Sequence[SideEffectAnswer],
    idempotency_key: UUID | None = None,
) -> Experience:
    """Create her experience of this treatment, or update the one she has; may raise
    PermissionDenied, ValidationError or PostingLimitExceeded. A key already used returns the
    experience it created.
    """
    existing = Experience.objects.filter(author=author, treatment=treatment).first()
    answers = list(side_effects)
    if existing is None:
        try:
            return create_once(
                author=author,
                key=idempotency_key,
                model=Experience,
                create=lambda: _experience_create(
                    author=author,
                    treatment=treatment,
                    started_on=started_on,
                    still_on=still_on,
                    going=going,
                    tips=tips,
                    side_effects=answers,
                ),
            )
        except IntegrityError:
            # Two tabs without a key created hers at the same moment: this one becomes an edit.
            existing = Experience.objects.get(author=author, treatment=treatment)
    return experience_update(
        experience=existing,
        editor=author,
        started_on=started_on,
        still_on=still_on,
        going=going,
        tips=tips,
        side_effects=answers,
    )


def _check_fields(*, started_on: date, going: int, tips: str) -> str:
    if started_on.day != 1 or started_on > timezone.localdate():
        raise ValidationError("Please choose the month and year you started.")
    if going not in Going.values:
        raise ValidationError("Please choose how it is going.")
    return _clean_text(tips, limit=TIPS_MAX_LENGTH, what="tips")


def _side_effects_replace(*, experience: Experience, answers: Sequence[SideEffectAnswer]) -> None:
    ExperienceSideEffect.objects.filter(experience=experience).delete()
    ExperienceSideEffect.objects.bulk_create(
        ExperienceSideEffect(
            experience=experience, side_effect=a.side_effect, bother=a.bother, helped=a.helped
        )
        for a in answers
    )


@transaction.atomic
def _experience_create(
    *,
    author: User,
    treatment: Treatment,
    started_on: date,
    still_on: bool,
    going: int,
    tips: str,
    side_effects: Sequence[SideEffectAnswer],
) -> Experience:
    _posting_check(author)
    tips = _check_fields(started_on=started_on, going=going, tips=tips)
    answers = _clean_answers(side_effects)
    text = _text_for_rules(tips=tips, answers=answers)
    posting_limits_check(author=author, kind=POST_KIND, text=tips)
    decision = moderation_decide(author=author, text=text)
    experience = Experience(
        author=author,
        treatment=treatment,
        started_on=started_on,
        still_on=still_on,
        going=going,
        tips=tips,
        tips_html=render_member_markdown(tips) if tips else "",
        moderation_state=decision.state,
    )
    experience.full_clean()
    experience.save()
    _side_effects_replace(experience=experience, answers=answers)
    content_after_create(item=experience, held_reason=decision.held_reason)
    experience_figures_refresh_later(treatment_id=treatment.pk)
    return experience


def experience_can_edit(*, experience: Experience, user: User) -> bool:
    """Her own, at any time, while a moderator has not hidden it."""
    return experience.author_id == user.pk and experience.moderation_state in (
        ModerationState.VISIBLE,
        ModerationState.PENDING,
    )


@transaction.atomic
def experience_update(
    *,
    experience: Experience,
    editor: User,
    started_on: date,
    still_on: bool,
    going: int,
    tips: str,
    side_effects: Sequence[SideEffectAnswer],
) -> Experience:
    """Change her experience as treatment goes on: only its author; the trust rules again."""
    _posting_check(editor)
    locked = Experience.objects.select_for_update().get(pk=experience.pk)
    if not experience_can_edit(experience=locked, user=editor):
        raise PermissionDenied(
            "A moderator has set this experience aside, so it cannot be edited. "
            "The email we sent you explains why; you can remove it and write it again."
        )
    tips = _check_fields(started_on=started_on, going=going, tips=tips)
    answers = _clean_answers(side_effects)
    old_text = "\n".join(
        [locked.tips, *locked.side_effect_rows.exclude(helped="").values_list("helped", flat=True)]
    ).strip()
    locked.started_on = started_on
    locked.still_on = still_on
    locked.going = going
    locked.tips = tips
    locked.tips_html = render_member_markdown(tips) if tips else ""
    locked.full_clean()
    locked.save()
    _side_effects_replace(experience=locked, answers=answers)
    content_recheck_after_edit(
        item=locked,
        editor=editor,
        old_text=old_text,
        text=_text_for_rules(tips=tips, answers=answers),
    )
    experience_figures_refresh_later(treatment_id=locked.treatment_id)
    return locked


@transaction.atomic
def experience_delete(*, experience: Experience, actor: User) -> None:
    """Her experience goes for good (its side effects with it); the figures follow."""
    if experience.author_id != actor.pk:
        raise PermissionDenied("Only the member who wrote an experience can remove it.")
    treatment_id = experience.treatment_id
    Experience.objects.filter(pk=experience.pk).delete()
    experience_figures_refresh_later(treatment_id=treatment_id)


def experience_after_state_change(*, experience: Experience) -> None:
    """Moderation hid, restored or approved an experience: the figures follow."""
    experience_figures_refresh_later(treatment_id=experience.treatment_id)
