"""Follows and the emails they bring: per-answer, daily batch, one-click unfollow."""

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from core.mail.services import email_enqueue
from moderation.models import ModerationState

from ..models import (
    Answer,
    AnswerNotification,
    FollowPreference,
    Question,
    QuestionFollow,
)

logger = logging.getLogger(__name__)

UNFOLLOW_SALT = "forum.unfollow"


def question_follow_set(*, question: Question, member: User, follow: bool) -> bool:
    """Follow or unfollow a question (idempotent); returns whether the member now follows."""
    if follow:
        QuestionFollow.objects.get_or_create(member=member, question=question)
        return True
    QuestionFollow.objects.filter(member=member, question=question).delete()
    return False


def follow_preference_set(*, member: User, frequency: str) -> FollowPreference:
    """Store how often the member hears about followed questions."""
    if frequency not in FollowPreference.Frequency.values:
        raise ValidationError("Choose one of the offered frequencies.")
    pref, _ = FollowPreference.objects.update_or_create(
        member=member, defaults={"frequency": frequency}
    )
    return pref


def unfollow_token(*, follow: QuestionFollow) -> str:
    """A signed token that lets the email's one-click link unfollow without logging in."""
    return signing.dumps([follow.member_id, follow.question_id], salt=UNFOLLOW_SALT)


def unfollow_by_token(*, token: str) -> Question | None:
    """Unfollow the (member, question) in a valid token; None when the token is bad."""
    try:
        member_id, question_id = signing.loads(token, salt=UNFOLLOW_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    QuestionFollow.objects.filter(member_id=member_id, question_id=question_id).delete()
    return Question.objects.filter(pk=question_id).first()


def _frequency_of(members: list[Any]) -> dict[int, str]:
    prefs = dict(
        FollowPreference.objects.filter(member__in=members).values_list("member_id", "frequency")
    )
    return {m.pk: prefs.get(m.pk, FollowPreference.Frequency.IMMEDIATE) for m in members}


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def answer_notify_followers(*, answer_id: int) -> int:
    """Email followers about one answer, at most once each, never its author. Idempotent."""
    answer = (
        Answer.objects.select_related("question")
        .filter(pk=answer_id, moderation_state=ModerationState.VISIBLE)
        .first()
    )
    if answer is None or answer.question.moderation_state != ModerationState.VISIBLE:
        return 0
    follows = list(
        QuestionFollow.objects.filter(question=answer.question)
        .exclude(member_id=answer.author_id)
        .filter(member__is_active=True, member__erased_at__isnull=True)
        .select_related("member")
    )
    frequency = _frequency_of([f.member for f in follows])
    from ..selectors import answer_url

    # Once for every follower: the page that shows the answer to any ordinary member.
    answer_link = settings.SITE_URL + answer_url(answer=answer, viewer=AnonymousUser())
    sent = 0
    for follow in follows:
        member = follow.member
        if frequency[member.pk] == FollowPreference.Frequency.NEVER:
            continue
        with transaction.atomic():
            note, created = AnswerNotification.objects.get_or_create(follower=member, answer=answer)
            if not created or frequency[member.pk] != FollowPreference.Frequency.IMMEDIATE:
                continue
            url = f"{settings.SITE_URL}/questions/unfollow/{unfollow_token(follow=follow)}/"
            email_enqueue(
                template="forum/new_answer",
                to=member.email,
                context={
                    "member_name": member.public_name,
                    "question_title": answer.question.title,
                    "question_url": answer_link,
                    "is_reply": answer.parent_id is not None,
                    "unfollow_url": url,
                    "preferences_url": f"{settings.SITE_URL}/questions/following/",
                },
                headers=_unsubscribe_headers(url),
            )
            AnswerNotification.objects.filter(pk=note.pk).update(sent_at=timezone.now())
            sent += 1
    Answer.objects.filter(pk=answer.pk, followers_notified_at__isnull=True).update(
        followers_notified_at=timezone.now()
    )
    return sent


# The sweep leaves fresh answers to their own task, and gives up on answers older than this.
NOTIFY_SWEEP_GRACE = timedelta(minutes=3)
NOTIFY_SWEEP_MAX_AGE = timedelta(days=2)


def answer_notify_sweep(*, batch_size: int = 200) -> int:
    """Announce visible answers whose follower emails never got queued (broker outage)."""
    now = timezone.now()
    recent = Q(created_at__gte=now - NOTIFY_SWEEP_MAX_AGE) | Q(
        moderated_at__gte=now - NOTIFY_SWEEP_MAX_AGE
    )
    answer_ids = list(
        Answer.objects.filter(
            recent,
            followers_notified_at__isnull=True,
            moderation_state=ModerationState.VISIBLE,
            question__moderation_state=ModerationState.VISIBLE,
            created_at__lte=now - NOTIFY_SWEEP_GRACE,
        )
        .order_by("created_at", "id")
        .values_list("id", flat=True)[:batch_size]
    )
    for answer_id in answer_ids:
        answer_notify_followers(answer_id=answer_id)
    if answer_ids:
        logger.info("forum: sweep announced %s answers", len(answer_ids))
    return len(answer_ids)


# A day's batch: one email per member, each listing at most this many questions.
DIGEST_QUESTIONS_PER_EMAIL = 20


def forum_daily_digest_send(*, batch_size: int = 500) -> int:
    """Send each daily-preference member one email for their pending notifications. Idempotent."""
    pending = AnswerNotification.objects.filter(sent_at__isnull=True)
    member_ids = list(pending.values_list("follower_id", flat=True).distinct()[:batch_size])
    sent = 0
    for member_id in member_ids:
        with transaction.atomic():
            rows = list(
                AnswerNotification.objects.select_for_update(skip_locked=True)
                .filter(follower_id=member_id, sent_at__isnull=True)
                .select_related("follower", "answer__question")
            )
            if not rows:
                continue
            member = rows[0].follower
            visible = [
                r
                for r in rows
                if r.answer.moderation_state == ModerationState.VISIBLE
                and r.answer.question.moderation_state == ModerationState.VISIBLE
                and QuestionFollow.objects.filter(
                    member_id=member_id, question_id=r.answer.question_id
                ).exists()
            ]
            AnswerNotification.objects.filter(pk__in=[r.pk for r in rows]).update(
                sent_at=timezone.now()
            )
            if not visible or not member.is_active or member.erased_at:
                continue  # never an empty email
            counts: dict[int, int] = {}
            questions: dict[int, Question] = {}
            for r in visible:
                counts[r.answer.question_id] = counts.get(r.answer.question_id, 0) + 1
                questions[r.answer.question_id] = r.answer.question
            items = [
                {
                    "title": q.title,
                    "url": settings.SITE_URL + q.get_absolute_url(),
                    "new_answers": counts[qid],
                }
                for qid, q in list(questions.items())[:DIGEST_QUESTIONS_PER_EMAIL]
            ]
            email_enqueue(
                template="forum/daily_answers",
                to=member.email,
                context={
                    "member_name": member.public_name,
                    "items": items,
                    "preferences_url": f"{settings.SITE_URL}/questions/following/",
                },
            )
            sent += 1
    return sent
