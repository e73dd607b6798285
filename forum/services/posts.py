"""Writes on questions and answers: ask, answer, edit, delete, hug, mark helpful, reveal."""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from catalogue.models import Topic, Treatment
from core.hugs import NotHuggable, hug_toggle
from core.idempotency import create_once
from core.markdown import render_member_markdown
from core.public_pages import public_pages_changed
from core.queue import task_enqueue
from core.viewer import viewer_is_moderator
from moderation.models import ModerationState
from moderation.policy import PostKind, moderation_decide, posting_limits_check, posting_refusal
from moderation.services import content_after_create, content_recheck_after_edit
from notifications.mentions import mentions_notify
from notifications.services import notify

from ..models import (
    AnonymousReveal,
    Answer,
    AnswerHug,
    Question,
    QuestionFollow,
    QuestionHug,
)
from ..team_feed import question_announce_to_team
from .notifications import answer_mentions

MAX_TOPICS = 3


def _refuse_if_not_allowed(user: User) -> None:
    refusal = posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)


def _clean_text(text: str) -> str:
    if "\x00" in text:
        raise ValidationError("Your text contains a character we cannot store (a NUL byte).")
    return text.strip()


def question_slug(title: str) -> str:
    """The URL slug of a title; never empty, so URLs always resolve."""
    return slugify(title)[:150].strip("-") or "question"


def _validate_topics(topics: list[Topic]) -> None:
    if not 1 <= len(topics) <= MAX_TOPICS:
        raise ValidationError(f"Choose between 1 and {MAX_TOPICS} topics.")


def question_create(
    *,
    author: User,
    title: str,
    body: str,
    topics: list[Topic],
    treatments: list[Treatment] | None = None,
    is_anonymous: bool = False,
    idempotency_key: UUID | None = None,
) -> Question:
    """Create a question (visible or pending), its author following it. Checks the policy.
    A key this author already posted with returns that question, whatever else was sent."""
    return create_once(
        author=author,
        key=idempotency_key,
        model=Question,
        create=lambda: _question_create(
            author=author,
            title=title,
            body=body,
            topics=topics,
            treatments=treatments,
            is_anonymous=is_anonymous,
        ),
    )


@transaction.atomic
def _question_create(
    *,
    author: User,
    title: str,
    body: str,
    topics: list[Topic],
    treatments: list[Treatment] | None,
    is_anonymous: bool,
) -> Question:
    _refuse_if_not_allowed(author)
    title, body = _clean_text(title), _clean_text(body)
    _validate_topics(topics)
    text = f"{title}\n{body}"
    posting_limits_check(author=author, kind="question", text=text)
    decision = moderation_decide(author=author, text=text)
    now = timezone.now()
    question = Question(
        title=title,
        slug=question_slug(title),
        body=body,
        body_html=render_member_markdown(body),
        author=author,
        is_anonymous=is_anonymous,
        moderation_state=decision.state,
        created_at=now,
        last_activity_at=now,
    )
    question.full_clean(exclude=["search_vector"])
    question.save()
    # Held or alarming questions join the moderators' queue, with the reason they were held.
    content_after_create(item=question, held_reason=decision.held_reason)
    question.topics.set(topics)
    question.treatments.set(treatments or [])
    QuestionFollow.objects.get_or_create(member=author, question=question)
    question_announce_to_team(question=question)
    _question_mentions(question)
    return question


def _editable_by(item: Question | Answer, user: User) -> None:
    if item.author_id != user.pk:
        raise PermissionDenied("Only the author can change this.")
    if item.moderation_state not in (ModerationState.VISIBLE, ModerationState.PENDING):
        raise PermissionDenied("This post can no longer be changed.")


@transaction.atomic
def question_edit(
    *,
    question: Question,
    editor: User,
    title: str,
    body: str,
    topics: list[Topic],
    treatments: list[Treatment] | None = None,
) -> Question:
    """Let the author change their question within the edit window (trust rules again)."""
    _refuse_if_not_allowed(editor)
    question = Question.objects.select_for_update().get(pk=question.pk)
    _editable_by(question, editor)
    if not question.edit_window_open():
        raise PermissionDenied("The time to edit this question has passed.")
    title, body = _clean_text(title), _clean_text(body)
    _validate_topics(topics)
    old_text = f"{question.title}\n{question.body}"
    question.title = title
    question.slug = question_slug(title)
    question.body = body
    question.body_html = render_member_markdown(body)
    question.edited_at = timezone.now()
    question.full_clean(exclude=["search_vector"])
    question.save(update_fields=["title", "slug", "body", "body_html", "edited_at"])
    question.topics.set(topics)
    question.treatments.set(treatments or [])
    text = f"{title}\n{body}"
    if text != old_text:
        # An edit meets the trust rules a new question would (held again, or urgent).
        content_recheck_after_edit(item=question, editor=editor, old_text=old_text, text=text)
    question.refresh_from_db(fields=["moderation_state"])
    _question_mentions(question)
    return question


@transaction.atomic
def question_delete(*, question: Question, member: User) -> None:
    """The author removes their question; the answers go with it from every list."""
    if question.author_id != member.pk:
        raise PermissionDenied("Only the author can delete this question.")
    Question.objects.filter(pk=question.pk).update(
        moderation_state=ModerationState.REMOVED, body="", body_html="", moderated_at=timezone.now()
    )
    public_pages_changed()  # update() sends no signal; the title must leave public pages


def answer_create(
    *,
    question: Question,
    author: User,
    body: str,
    parent: Answer | None = None,
    is_anonymous: bool = False,
    idempotency_key: UUID | None = None,
) -> Answer:
    """Add an answer or a one-level reply; bump the counts atomically; notify after commit.
    A key this author already posted with returns that answer, whatever else was sent."""
    return create_once(
        author=author,
        key=idempotency_key,
        model=Answer,
        create=lambda: _answer_create(
            question=question, author=author, body=body, parent=parent, is_anonymous=is_anonymous
        ),
    )


@transaction.atomic
def _answer_create(
    *, question: Question, author: User, body: str, parent: Answer | None, is_anonymous: bool
) -> Answer:
    _refuse_if_not_allowed(author)
    if question.moderation_state != ModerationState.VISIBLE:
        raise PermissionDenied("This question is not open for answers.")
    body = _clean_text(body)
    if not body:
        raise ValidationError("Please write your answer first.")
    if parent is not None:
        if parent.question_id != question.pk:
            raise ValidationError("A reply must belong to the same question.")
        if parent.parent_id is not None:
            # Replies stay one level deep: answer the thread's root (read fresh for its state).
            parent = Answer.objects.get(pk=parent.parent_id)
        if not answer_open_for_replies(answer=parent, member=author):
            raise ValidationError("That answer is no longer open for replies.")
    kind: PostKind = "reply" if parent is not None else "answer"
    posting_limits_check(author=author, kind=kind, text=body)
    decision = moderation_decide(author=author, text=body)
    answer = Answer(
        question=question,
        author=author,
        parent=parent,
        body=body,
        body_html=render_member_markdown(body),
        is_anonymous=is_anonymous,
        moderation_state=decision.state,
    )
    answer.full_clean(exclude=["search_vector"])
    answer.save()
    # Held or alarming answers join the moderators' queue, with the reason they were held.
    content_after_create(item=answer, held_reason=decision.held_reason)
    if decision.state == ModerationState.VISIBLE:
        # F-expressions: concurrent answers each add one, none is lost to a read-modify-write;
        # Greatest: a slower transaction with an older timestamp never moves activity back.
        # A reply is activity but not an answer: the count is of answers to the question.
        counted = {"answer_count": F("answer_count") + 1} if parent is None else {}
        Question.objects.filter(pk=question.pk).update(
            **counted,
            last_activity_at=Greatest(F("last_activity_at"), Value(answer.created_at)),
        )
        public_pages_changed()  # the count and the activity order visitors see
        transaction.on_commit(lambda: _notify_later(answer.pk))
    QuestionFollow.objects.get_or_create(member=author, question=question)
    return answer


def answer_open_for_replies(*, answer: Answer, member: User) -> bool:
    """Whether a member may reply to this answer: visible, or their own still in review.

    Hidden, removed and others' pending answers are closed: a reply would hang under
    something its readers cannot see.
    """
    if answer.moderation_state == ModerationState.VISIBLE:
        return True
    return answer.moderation_state == ModerationState.PENDING and answer.author_id == member.pk


def _notify_later(answer_id: int) -> None:
    from ..tasks import answer_notify_followers

    # Through core.queue: after one broker failure the next answers skip the broker for the
    # outage pause instead of each waiting its timeout; answer_notify_sweep sends them later.
    task_enqueue(answer_notify_followers, answer_id)


@transaction.atomic
def answer_edit(*, answer: Answer, editor: User, body: str) -> Answer:
    """Let the author change their answer within the edit window (trust rules again)."""
    _refuse_if_not_allowed(editor)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    _editable_by(answer, editor)
    if not answer.edit_window_open():
        raise PermissionDenied("The time to edit this answer has passed.")
    body = _clean_text(body)
    if not body:
        raise ValidationError("An answer cannot be empty.")
    if body == answer.body:
        return answer
    old_text = answer.body
    answer.body = body
    answer.body_html = render_member_markdown(body)
    answer.edited_at = timezone.now()
    answer.full_clean(exclude=["search_vector"])
    answer.save(update_fields=["body", "body_html", "edited_at"])
    # An edit meets the trust rules a new answer would; moderation recounts the question.
    content_recheck_after_edit(item=answer, editor=editor, old_text=old_text, text=body)
    answer.refresh_from_db(fields=["moderation_state"])
    answer_mentions(answer)
    return answer


@transaction.atomic
def answer_delete(*, answer: Answer, member: User) -> None:
    """The author removes their answer; a placeholder stays where replies hang from it."""
    if answer.author_id != member.pk:
        raise PermissionDenied("Only the author can delete this answer.")
    Answer.objects.filter(pk=answer.pk).update(
        moderation_state=ModerationState.REMOVED,
        body="",
        body_html="",
        is_helpful=False,
        moderated_at=timezone.now(),
    )
    question_recount(question_id=answer.question_id)


def question_recount(*, question_id: int) -> None:
    """Recount a question's visible answers (replies to them are not answers) and hugs."""
    Question.objects.filter(pk=question_id).update(
        answer_count=Answer.objects.filter(
            question_id=question_id,
            parent__isnull=True,
            moderation_state=ModerationState.VISIBLE,
        ).count(),
        hug_count=QuestionHug.objects.filter(question_id=question_id).count(),
    )
    public_pages_changed()  # counts visitors see, after an update() that sends no signal


def question_state_changed(question: Question) -> None:
    """Moderation changed a question's state: recount; once visible, its team hears of it."""
    question_recount(question_id=question.pk)
    question_announce_to_team(question=question)
    _question_mentions(question)


def _question_mentions(question: Question) -> None:
    """Tell the members a visible question mentions (once each); anonymous stays anonymous."""
    if question.moderation_state == ModerationState.VISIBLE:
        mentions_notify(
            kind="mention_question",
            text=f"{question.title}\n{question.body}",
            author=question.author,
            target=question,
            anonymous=question.is_anonymous,
        )


def answer_state_changed(answer: Answer) -> None:
    """Moderation changed an answer's state: recount; once visible, tell followers (once)."""
    question_recount(question_id=answer.question_id)
    if answer.moderation_state == ModerationState.VISIBLE and answer.followers_notified_at is None:
        # Newly shown (approved): the question moves up the "recent activity" lists. A restored
        # answer was announced before and does not. Greatest: never moves activity back.
        Question.objects.filter(pk=answer.question_id).update(
            last_activity_at=Greatest(F("last_activity_at"), Value(timezone.now()))
        )
    if answer.moderation_state == ModerationState.VISIBLE:
        # An approved answer was never announced; AnswerNotification rows keep this at once
        # per follower even when a hidden answer is restored.
        transaction.on_commit(lambda: _notify_later(answer.pk))


def _refuse_unless_allowed_to_hug(member: User) -> None:
    # The same rule as posting and as hugs on article comments: a verified, active member.
    refusal = posting_refusal(member)
    if refusal:
        raise PermissionDenied(refusal)


# Who reaches a pending post is the selectors' rule (its author, moderators); no one hugs a
# hidden or removed one.
_UNHUGGABLE = (ModerationState.HIDDEN, ModerationState.REMOVED)


@transaction.atomic
def question_hug_set(*, member: User, target: Question, hugged: bool) -> int:
    """Hug or un-hug a question (idempotent); returns its hug count.

    Refused with the posting rule's reason when the member may not post, and with NotHuggable
    when the question is hidden or removed.
    """
    _refuse_unless_allowed_to_hug(member)
    if target.moderation_state in _UNHUGGABLE:
        raise NotHuggable("This question cannot be hugged.")
    count = hug_toggle(
        hug_model=QuestionHug, target=target, target_field="question", member=member, hugged=hugged
    )
    public_pages_changed()  # the question list shows hug counts
    return count


@transaction.atomic
def answer_hug_set(*, member: User, target: Answer, hugged: bool) -> int:
    """Hug or un-hug an answer (idempotent); returns its hug count.

    Refused with the posting rule's reason when the member may not post, and with NotHuggable
    when the answer or its question is hidden or removed.
    """
    _refuse_unless_allowed_to_hug(member)
    # Views load the answer with its question (select_related): no extra query here.
    question_state = target.question.moderation_state
    if target.moderation_state in _UNHUGGABLE or question_state != ModerationState.VISIBLE:
        raise NotHuggable("This answer cannot be hugged.")
    is_new = hugged and not AnswerHug.objects.filter(answer=target, member=member).exists()
    count = hug_toggle(
        hug_model=AnswerHug, target=target, target_field="answer", member=member, hugged=hugged
    )
    if is_new:
        # An anonymous answer's author is told without anyone learning who she is.
        notify(kind="answer_hug", recipient=target.author, actor=member, target=target)
    return count


def answer_mark_helpful(*, answer: Answer, member: User, helpful: bool) -> Answer:
    """The asker marks (or unmarks) a top-level answer as helpful; several may be."""
    if answer.question.author_id != member.pk:
        raise PermissionDenied("Only the person who asked can mark answers helpful.")
    if answer.parent_id is not None:
        raise ValidationError("Only answers, not replies, can be marked helpful.")
    Answer.objects.filter(pk=answer.pk).update(is_helpful=helpful)
    answer.is_helpful = helpful
    return answer


def anonymous_reveal(*, moderator: User, item: Question | Answer, reason: str) -> User:
    """Show a moderator who wrote an anonymous post, logging the look first."""
    if not viewer_is_moderator(moderator):
        raise PermissionDenied("Only moderators can see who wrote an anonymous post.")
    reason = _clean_text(reason)
    if not reason:
        raise ValidationError("Please say why you need to know.")
    try:  # the moderation log, once the moderation app provides it
        from moderation.services import moderation_log_record
    except ImportError:
        moderation_log_record = None  # type: ignore[assignment]
    if moderation_log_record is not None:
        moderation_log_record(actor=moderator, action="reveal", item=item, reason=reason[:300])
    else:
        kind = "question" if isinstance(item, Question) else "answer"
        AnonymousReveal.objects.create(
            moderator=moderator, content_kind=kind, object_id=item.pk, reason=reason[:300]
        )
    return item.author


def member_forum_counts(*, member: User) -> dict[str, int]:
    """How many questions and answers a member wrote (for export and profile pages)."""
    return {
        "questions": Question.objects.filter(author=member).count(),
        "answers": Answer.objects.filter(author=member).count(),
    }
