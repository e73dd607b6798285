"""Rendering at read time: a notification shows only what its reader may see now."""

import pytest

from accounts.blocks import member_block
from activities.models import Audience
from activities.services import update_hug_set
from activities.services.comments import update_comment_create
from moderation.models import ModerationState
from notifications.selectors import notification_page
from notifications.services import notify
from tests.activities.factories import UpdateFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _sentences(member) -> list[str]:
    return [e.sentence for e in notification_page(viewer=member).entries]


def test_notification_page_groups_hugs_as_a_name_and_a_count(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    for hugger in [*UserFactory.create_batch(2), bea, amber]:
        update_hug_set(member=hugger, target=update, hugged=True)

    assert _sentences(rosa) == ["AmberAster and 3 others hugged your update"]


def test_notification_page_names_two_huggers(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=bea, target=update, hugged=True)
    update_hug_set(member=amber, target=update, hugged=True)

    assert _sentences(rosa) == ["AmberAster and Bea hugged your update"]


def test_notification_page_leaves_out_a_hugger_who_blocked_her_later(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=bea, target=update, hugged=True)
    update_hug_set(member=amber, target=update, hugged=True)
    member_block(blocker=amber, blocked=rosa)

    assert _sentences(rosa) == ["Bea hugged your update"]


def test_notification_page_shows_nothing_of_a_hidden_target(rosa, amber):
    update = UpdateFactory.create(author=amber)
    comment = update_comment_create(update=update, author=rosa, body="Hugs to you")
    reply = update_comment_create(update=update, author=amber, body="Thank you", parent=comment)
    assert _sentences(rosa) == ["AmberAster replied to your comment"]

    reply.moderation_state = ModerationState.HIDDEN
    reply.save(update_fields=["moderation_state"])

    page = notification_page(viewer=rosa)
    assert page.entries == []
    assert page.gone_ids


def test_notification_page_shows_nothing_of_a_deleted_target(rosa, amber):
    question = QuestionFactory.create(author=rosa)
    answer = AnswerFactory.create(question=question, author=amber)
    notify(kind="question_answer", recipient=rosa, actor=amber, target=answer)
    answer.delete()

    assert _sentences(rosa) == []


def test_notification_page_shows_nothing_of_an_update_made_team_only(rosa, amber):
    update = UpdateFactory.create(author=amber)
    notify(kind="mention_update", recipient=rosa, actor=amber, target=update)
    assert _sentences(rosa) == ["AmberAster mentioned you in an update"]

    update.audience = Audience.TEAM
    update.save(update_fields=["audience"])

    assert _sentences(rosa) == []


def test_notification_page_shows_nothing_once_the_author_blocked_her(rosa, amber):
    question = QuestionFactory.create(author=rosa)
    answer = AnswerFactory.create(question=question, author=amber, body="Secret words")
    notify(kind="question_answer", recipient=rosa, actor=amber, target=answer)
    member_block(blocker=amber, blocked=rosa)

    page = notification_page(viewer=rosa)
    assert page.entries == []


def test_notification_page_never_names_the_author_of_an_anonymous_answer(rosa, amber):
    question = QuestionFactory.create(author=rosa)
    answer = AnswerFactory.create(question=question, author=amber, is_anonymous=True)
    notify(kind="question_answer", recipient=rosa, actor=amber, target=answer, anonymous=True)

    entries = notification_page(viewer=rosa).entries
    assert [e.sentence for e in entries] == ["Someone answered your question"]
    assert "AmberAster" not in entries[0].text
    assert entries[0].face is None


def test_notification_page_shows_the_face_of_the_first_actor_she_may_see(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=amber, target=update, hugged=True)
    update_hug_set(member=bea, target=update, hugged=True)
    member_block(blocker=bea, blocked=rosa)

    (entry,) = notification_page(viewer=rosa).entries

    assert entry.face == amber


def test_notification_page_keeps_a_decision_on_her_hidden_post_without_its_text(rosa):
    question = QuestionFactory.create(author=rosa, title="My private worry")
    question.moderation_state = ModerationState.HIDDEN
    question.save(update_fields=["moderation_state"])
    notify(kind="moderation_hidden", recipient=rosa, target=question, reason="Off topic")

    (entry,) = notification_page(viewer=rosa).entries
    assert (entry.sentence, entry.text, entry.reason, entry.url) == (
        "A moderator hid your post",
        "",
        "Off topic",
        "",
    )


def test_notification_page_paginates_by_keyset_without_repeats(rosa):
    members = UserFactory.create_batch(25)
    for actor in members:
        notify(kind="team_request", recipient=rosa, actor=actor)

    first = notification_page(viewer=rosa, size=20)
    second = notification_page(viewer=rosa, before=first.next_cursor, size=20)

    assert len(first.entries) == 20
    assert first.next_cursor
    assert len(second.entries) == 5
    assert second.next_cursor is None
    assert not {e.id for e in first.entries} & {e.id for e in second.entries}


def test_notification_page_ignores_a_forged_cursor(rosa, amber):
    notify(kind="team_request", recipient=rosa, actor=amber)

    assert len(notification_page(viewer=rosa, before="not-a-cursor!!").entries) == 1
