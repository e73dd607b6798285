"""One hug service shape for every huggable post: (*, member, target, hugged) -> count.

The same specification runs over article comments, forum questions and forum answers.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.utils import timezone

from articles.models import CommentHug
from articles.services import comment_hug_set
from core.hugs import HUG_FIELD, HUG_OFF, HUG_ON, NotHuggable, hug_wanted
from forum.models import AnswerHug, QuestionHug
from forum.services import answer_hug_set, question_hug_set
from moderation.models import MemberSanction, ModerationState
from tests.articles.factories import CommentFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

# kind: (make a visible target, the service, the hug rows' model, the rows' target field)
KINDS: dict[str, tuple[Callable[[], Any], Callable[..., int], Any, str]] = {
    "comment": (CommentFactory.create, comment_hug_set, CommentHug, "comment"),
    "question": (QuestionFactory.create, question_hug_set, QuestionHug, "question"),
    "answer": (AnswerFactory.create, answer_hug_set, AnswerHug, "answer"),
}


@pytest.fixture(params=list(KINDS))
def huggable(request: pytest.FixtureRequest) -> tuple[Any, Callable[..., int], Any, str]:
    make, service, rows, field = KINDS[request.param]
    return make(), service, rows, field


def test_hug_wanted_reads_the_one_field_and_its_two_values():
    assert hug_wanted(QueryDict(f"{HUG_FIELD}={HUG_ON}")) is True
    assert hug_wanted(QueryDict(f"{HUG_FIELD}={HUG_OFF}")) is False
    assert hug_wanted(QueryDict("")) is True  # a bare POST gives a hug, as both forms did
    assert (HUG_FIELD, HUG_ON, HUG_OFF) == ("hug", "on", "off")


def test_hug_set_gives_a_hug_and_returns_the_count(huggable, member):
    target, service, rows, field = huggable

    count = service(member=member, target=target, hugged=True)

    assert count == 1
    assert target.hug_count == 1
    target.refresh_from_db()
    assert target.hug_count == 1
    assert rows.objects.filter(**{field: target, "member": member}).count() == 1


def test_hug_set_twice_on_counts_once(huggable, member):
    target, service, rows, field = huggable
    service(member=member, target=target, hugged=True)

    count = service(member=member, target=target, hugged=True)

    assert count == 1
    assert rows.objects.filter(**{field: target}).count() == 1


def test_hug_set_off_takes_the_hug_back_and_twice_off_stays_at_zero(huggable, member):
    target, service, rows, field = huggable
    service(member=member, target=target, hugged=True)

    first = service(member=member, target=target, hugged=False)
    second = service(member=member, target=target, hugged=False)

    assert (first, second) == (0, 0)
    target.refresh_from_db()
    assert target.hug_count == 0
    assert not rows.objects.filter(**{field: target}).exists()


def test_hug_set_counts_every_member(huggable, member, other_member):
    target, service, _rows, _field = huggable
    service(member=member, target=target, hugged=True)

    count = service(member=other_member, target=target, hugged=True)

    assert count == 2


def test_hug_set_refuses_an_unconfirmed_email_with_the_posting_rules_reason(
    huggable, unverified_member
):
    target, service, rows, field = huggable

    with pytest.raises(PermissionDenied, match="confirm your email address"):
        service(member=unverified_member, target=target, hugged=True)

    assert not rows.objects.filter(**{field: target}).exists()


def test_hug_set_refuses_a_suspended_member_saying_until_when(huggable, member):
    target, service, _rows, _field = huggable
    MemberSanction.objects.create(
        member=member,
        kind=MemberSanction.Kind.SUSPENSION,
        reason="Test",
        created_by=UserFactory.create(is_staff=True),
        ends_at=timezone.now() + timedelta(days=2),
    )

    with pytest.raises(PermissionDenied, match="suspended from posting until"):
        service(member=member, target=target, hugged=True)


def test_hug_set_refuses_a_closed_account(huggable):
    target, service, _rows, _field = huggable
    closed = UserFactory.create(is_active=False)

    with pytest.raises(PermissionDenied, match="closed by the moderators"):
        service(member=closed, target=target, hugged=True)


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.REMOVED])
def test_hug_set_refuses_a_hidden_or_removed_target(huggable, member, state):
    target, service, rows, field = huggable
    type(target).objects.filter(pk=target.pk).update(moderation_state=state)
    target.refresh_from_db()

    with pytest.raises(NotHuggable):
        service(member=member, target=target, hugged=True)

    assert not rows.objects.filter(**{field: target}).exists()


def test_comment_hug_set_refuses_a_pending_comment(member):
    comment = CommentFactory.create(moderation_state=ModerationState.PENDING)

    with pytest.raises(NotHuggable):
        comment_hug_set(member=member, target=comment, hugged=True)


def test_question_hug_set_leaves_a_pending_question_to_who_may_open_it(member):
    # The selectors let only its author and moderators reach a pending question; they may hug.
    question = QuestionFactory.create(author=member, moderation_state=ModerationState.PENDING)

    assert question_hug_set(member=member, target=question, hugged=True) == 1


def test_answer_hug_set_refuses_an_answer_under_a_hidden_question(member):
    answer = AnswerFactory.create()
    QuestionFactory._meta.model.objects.filter(pk=answer.question_id).update(
        moderation_state=ModerationState.HIDDEN
    )
    answer.question.refresh_from_db()

    with pytest.raises(NotHuggable):
        answer_hug_set(member=member, target=answer, hugged=True)
