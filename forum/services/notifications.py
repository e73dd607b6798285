"""Follows and who hears about a new answer (through notifications), one-click unfollow."""

import logging
from collections.abc import Callable
from datetime import timedelta

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
from notifications.mentions import mentions_notify
from notifications.models import Channel
from notifications.preferences import preference_set
from notifications.services import notify

from ..models import (
    Answer,
    AnswerNotification,
    FollowFrequency,
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


# The follow page's three choices, as the notifications' channels of the "following" line.
FREQUENCY_TO_CHANNEL: dict[str, str] = {
    FollowFrequency.IMMEDIATE: Channel.EMAIL,
    FollowFrequency.DAILY: Channel.DIGEST,
    FollowFrequency.NEVER: Channel.IN_APP,
}


def follow_preference_set(*, member: User, frequency: str) -> str:
    """Store how often the member hears about followed questions: her notifications
    preference for "New answers on questions you follow" (one place for every kind)."""
    if frequency not in FollowFrequency.values:
        raise ValidationError("Choose one of the offered frequencies.")
    preference_set(member=member, group="following", channel=FREQUENCY_TO_CHANNEL[frequency])
    return frequency


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


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _answer_visible(answer_id: int) -> Answer | None:
    answer = (
        Answer.objects.select_related("question", "author")
        .filter(pk=answer_id, moderation_state=ModerationState.VISIBLE)
        .first()
    )
    if answer is None or answer.question.moderation_state != ModerationState.VISIBLE:
        return None
    return answer


def _first_time(member: User, answer: Answer) -> bool:
    """The once-only promise: one row per (member, answer), whoever she is to it."""
    _, created = AnswerNotification.objects.get_or_create(
        follower=member, answer=answer, defaults={"sent_at": timezone.now()}
    )
    return created


def _follower_email(answer: Answer, follow: QuestionFollow, link: str) -> Callable[[], None]:
    def send() -> None:
        url = f"{settings.SITE_URL}/questions/unfollow/{unfollow_token(follow=follow)}/"
        email_enqueue(
            template="forum/new_answer",
            to=follow.member.email,
            context={
                "member_name": follow.member.public_name,
                "question_title": answer.question.title,
                "question_url": link,
                "is_reply": answer.parent_id is not None,
                "unfollow_url": url,
                "preferences_url": f"{settings.SITE_URL}/questions/following/",
            },
            headers=_unsubscribe_headers(url),
        )

    return send


def _direct_recipients(answer: Answer) -> list[tuple[User, str]]:
    """The parent answer's author for a reply; the question's author for an answer."""
    if answer.parent_id is not None:
        parent = Answer.objects.select_related("author").filter(pk=answer.parent_id).first()
        if parent is None or parent.moderation_state != ModerationState.VISIBLE:
            return []
        return [(parent.author, "answer_reply")]
    return [(answer.question.author, "question_answer")]


def answer_mentions(answer: Answer) -> None:
    """Tell the members a visible answer mentions (once each); anonymous stays anonymous."""
    if answer.moderation_state == ModerationState.VISIBLE:
        mentions_notify(
            kind="mention_answer",
            text=answer.body,
            author=answer.author,
            target=answer,
            anonymous=answer.is_anonymous,
        )


def answer_notify_followers(*, answer_id: int) -> int:
    """Tell who cares about one visible answer, at most once each, never its author: the
    question's author ("answered your question") or, for a reply, the parent's author, then
    the question's followers. Each through notifications, whose preference decides in-app,
    email at once (the follow email with its one-click unfollow), the daily digest or nothing.
    An anonymous answer never names its author. Idempotent; returns how many were told."""
    answer = _answer_visible(answer_id)
    if answer is None:
        return 0
    follows = {
        f.member_id: f
        for f in QuestionFollow.objects.filter(question=answer.question)
        .exclude(member_id=answer.author_id)
        .filter(member__is_active=True, member__erased_at__isnull=True)
        .select_related("member")
    }
    from ..selectors import answer_url

    # Once for every follower: the page that shows the answer to any ordinary member.
    link = settings.SITE_URL + answer_url(answer=answer, viewer=AnonymousUser())
    told = 0
    direct = [(r, k) for r, k in _direct_recipients(answer) if r.pk != answer.author_id]
    # The question's author (or the parent's) hears it as hers; followers as followers.
    everyone = direct + [(f.member, "followed_answer") for f in follows.values()]
    done: set[int] = set()
    for recipient, kind in everyone:
        if recipient.pk in done:
            continue
        done.add(recipient.pk)
        follow = follows.get(recipient.pk)
        with transaction.atomic():
            if not _first_time(recipient, answer):
                continue
            row = notify(
                kind=kind,
                recipient=recipient,
                actor=answer.author,
                target=answer,
                anonymous=answer.is_anonymous,
                email=_follower_email(answer, follow, link) if follow is not None else None,
            )
            told += row is not None
    answer_mentions(answer)
    Answer.objects.filter(pk=answer.pk, followers_notified_at__isnull=True).update(
        followers_notified_at=timezone.now()
    )
    return told


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
