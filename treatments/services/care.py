"""A member's private list of questions for her care team: add, reorder, tick, email.

Only the owner ever reaches her questions: every write takes the owner and looks the question
up among hers, so another member's id is simply not found.
"""

import uuid
from datetime import timedelta
from typing import Literal
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.idempotency import create_once
from core.mail.discretion import discreet_sender, email_is_discreet
from core.mail.models import OutboxMessage
from core.mail.services import email_enqueue

from ..models import CARE_QUESTION_MAX_LENGTH, CareQuestion

# Enough for any appointment, and a bound on the page, the print-out and the email.
CARE_LIST_MAX = 100
CARE_EMAIL_TEMPLATE = "treatments/care_list"
# A member may email her list to herself this often: enough for second thoughts, never a flood.
CARE_EMAILS_PER_HOUR = 3
SOURCE_LABEL_MAX = 200
SOURCE_URL_MAX = 300

Direction = Literal["up", "down"]


class CareEmailLimit(Exception):
    """She emailed her list CARE_EMAILS_PER_HOUR times within the hour."""


def _clean_text(text: str) -> str:
    text = " ".join(text.replace("\x00", "").split())
    if not text:
        raise ValidationError("Please write your question before adding it.")
    if len(text) > CARE_QUESTION_MAX_LENGTH:
        raise ValidationError(
            f"Please keep a question under {CARE_QUESTION_MAX_LENGTH} characters "
            f"(this one has {len(text)})."
        )
    return text


def care_source_url(url: str) -> str:
    """A link back to the page she added it from: a path on this site, or nothing."""
    url = url.strip()
    parts = urlsplit(url)
    if (
        len(url) > SOURCE_URL_MAX
        or not url.startswith("/")
        or url.startswith("//")
        or "\\" in url
        or parts.scheme
        or parts.netloc
        or any(ord(c) < 32 for c in url)
    ):
        return ""
    return url


def _create(*, owner: User, text: str, source_label: str, source_url: str) -> CareQuestion:
    # Her list rows, locked: two adds at once must not take the same last position.
    mine = CareQuestion.objects.select_for_update().filter(owner=owner)
    existing = list(mine.only("pk", "text", "answered", "position"))
    for question in existing:
        if not question.answered and question.text.casefold() == text.casefold():
            return question  # already on her list: adding it again changes nothing
    if len(existing) >= CARE_LIST_MAX:
        raise ValidationError(
            f"Your list already holds {CARE_LIST_MAX} questions. Remove a few you no longer "
            "need, or the answered ones, to make room."
        )
    last = max((q.position for q in existing), default=-1)
    question = CareQuestion(
        owner=owner,
        text=text,
        position=last + 1,
        source_label=" ".join(source_label.replace("\x00", "").split())[:SOURCE_LABEL_MAX],
        source_url=care_source_url(source_url),
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def care_question_add(
    *,
    owner: User,
    text: str,
    source_label: str = "",
    source_url: str = "",
    idempotency_key: uuid.UUID | None = None,
) -> CareQuestion:
    """Add a question at the end of her list (or return the same open one already there).

    Runs under the form's idempotency key, so a double click adds it once.
    """
    text = _clean_text(text)
    return create_once(
        author=owner,
        key=idempotency_key,
        model=CareQuestion,
        create=lambda: _create(
            owner=owner, text=text, source_label=source_label, source_url=source_url
        ),
    )


def _own(owner: User, question_id: int) -> CareQuestion:
    question = CareQuestion.objects.filter(owner=owner, pk=question_id).first()
    if question is None:
        raise CareQuestion.DoesNotExist("No such question on this member's list.")
    return question


@transaction.atomic
def care_question_move(*, owner: User, question_id: int, direction: Direction) -> None:
    """Move one of her questions a place up or down; the first stays first, the last last.

    Renumbers her whole list (at most CARE_LIST_MAX rows, one UPDATE), so positions stay
    distinct whatever happened before.
    """
    ordered = list(
        CareQuestion.objects.select_for_update()
        .filter(owner=owner)
        .order_by("position", "id")
        .only("pk", "position")
    )
    index = next((i for i, q in enumerate(ordered) if q.pk == question_id), None)
    if index is None:
        raise CareQuestion.DoesNotExist("No such question on this member's list.")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    changed = []
    for position, question in enumerate(ordered):
        if question.position != position:
            question.position = position
            changed.append(question)
    CareQuestion.objects.bulk_update(changed, ["position"])


def care_question_set_answered(*, owner: User, question_id: int, answered: bool) -> CareQuestion:
    """Tick one of her questions off as answered, or back to open."""
    question = _own(owner, question_id)
    if question.answered != answered:
        question.answered = answered
        question.save(update_fields=["answered"])
    return question


def care_question_edit(*, owner: User, question_id: int, text: str) -> CareQuestion:
    """Change the words of one of her questions."""
    question = _own(owner, question_id)
    question.text = _clean_text(text)
    question.save(update_fields=["text"])
    return question


def care_question_delete(*, owner: User, question_id: int) -> None:
    """Remove one of her questions for good."""
    _own(owner, question_id).delete()


def care_questions_clear_answered(*, owner: User) -> int:
    """Remove every question she ticked off; returns how many."""
    deleted, _ = CareQuestion.objects.filter(owner=owner, answered=True).delete()
    return deleted


def care_list_email(*, owner: User) -> OutboxMessage:
    """Email her list to her own address through the outbox (discreet if she chose it).

    Refuses an unconfirmed address, an empty list, and more than CARE_EMAILS_PER_HOUR sends
    in an hour.
    """
    if not EmailAddress.objects.filter(
        user=owner, email__iexact=owner.email, verified=True
    ).exists():
        raise ValidationError(
            "Please confirm your email address first (we sent you a link when you joined), "
            "so your list only ever goes to you."
        )
    questions = list(CareQuestion.objects.filter(owner=owner).order_by("position", "id"))
    if not questions:
        raise ValidationError("Your list is empty, so there is nothing to send yet.")
    since = timezone.now() - timedelta(hours=1)
    sent = OutboxMessage.objects.filter(
        kind=CARE_EMAIL_TEMPLATE, to_email=owner.email, created_at__gte=since
    ).count()
    if sent >= CARE_EMAILS_PER_HOUR:
        raise CareEmailLimit(
            f"You have emailed your list {sent} times in the last hour. "
            "Please check your inbox (and spam folder) before sending it again."
        )
    discreet = email_is_discreet(email=owner.email)
    return email_enqueue(
        template=CARE_EMAIL_TEMPLATE,
        to=owner.email,
        context={
            "recipient_name": owner.public_name,
            "open_questions": [q for q in questions if not q.answered],
            "answered_questions": [q for q in questions if q.answered],
            "discreet": discreet,
            "list_url": f"{settings.SITE_URL}{reverse('treatments:care_list')}",
        },
        from_email=discreet_sender() if discreet else None,
    )
