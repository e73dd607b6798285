"""@mentions: who is told (only those who may see the post, once), anonymity, and the
suggestions a writer gets."""

from http import HTTPStatus

import pytest

from accounts.blocks import member_block
from activities.models import Audience
from activities.services import update_create
from activities.services.comments import update_comment_create
from forum import services as forum_services
from notifications.mentions import mention_candidates, mentions_notify
from notifications.models import Notification
from notifications.selectors import notification_page
from tests.activities.factories import UpdateFactory, team_link
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def _told(kind: str) -> list[int]:
    return list(
        Notification.objects.filter(kind=kind).order_by("pk").values_list("recipient_id", flat=True)
    )


def test_mentions_in_a_comment_tell_the_member_once_even_after_an_edit(rosa, amber):
    update = UpdateFactory.create(author=rosa)
    comment = update_comment_create(update=update, author=rosa, body=f"Thank you @{amber.handle}")
    mentions_notify(kind="mention_comment", text=comment.body, author=rosa, target=comment)

    assert _told("mention_comment") == [amber.pk]
    assert notification_page(viewer=amber).entries[0].sentence == "Rosa mentioned you in a comment"


def test_mentions_in_a_team_only_update_tell_only_her_team(rosa, amber, bea):
    team_link(rosa, amber)
    update_create(
        author=rosa, body=f"Scan day, @{amber.handle} and @{bea.handle}", audience=Audience.TEAM
    )

    assert _told("mention_update") == [amber.pk]


def test_mentions_tell_nobody_across_a_block(rosa, amber):
    member_block(blocker=amber, blocked=rosa)
    update_create(author=rosa, body=f"Hello @{amber.handle}")

    assert _told("mention_update") == []


def test_mentions_in_an_anonymous_question_keep_the_author_anonymous(
    rosa, amber, django_capture_on_commit_callbacks
):
    question = QuestionFactory.create(
        author=rosa, is_anonymous=True, body=f"Any tips @{amber.handle}?"
    )
    forum_services.question_state_changed(question)

    (entry,) = notification_page(viewer=amber).entries
    assert entry.sentence == "Someone mentioned you in a question"
    assert "Rosa" not in entry.sentence + entry.text


def test_mentions_in_an_answer_tell_the_member(rosa, amber, django_capture_on_commit_callbacks):
    question = QuestionFactory.create(author=UserFactory.create())
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.answer_create(question=question, author=rosa, body=f"Ask @{amber.handle}")

    assert _told("mention_answer") == [amber.pk]


def test_mentions_ignore_unknown_handles_and_the_writer_herself(rosa):
    update_create(author=rosa, body=f"@{rosa.handle} @nobody-here hello")

    assert _told("mention_update") == []


def test_mention_candidates_leave_out_blocked_members_and_herself(rosa, amber):
    other = UserFactory.create(display_name="Amberlynn")
    member_block(blocker=other, blocked=rosa)

    assert list(mention_candidates(writer=rosa, query="amb")) == [amber]
    assert list(mention_candidates(writer=rosa, query="a")) == []  # too short to ask


def test_mention_suggestions_view_is_for_members_and_bounded(client, rosa):
    for n in range(12):
        UserFactory.create(display_name=f"Amber {n}", handle=f"amber-{n}")
    assert client.get("/notifications/mentions/?q=amb").status_code == HTTPStatus.FOUND

    client.force_login(rosa)
    response = client.get("/notifications/mentions/?q=%40amb", HTTP_HX_REQUEST="true")

    assert response.content.decode().count("<li>") == 8
    assert "private" in response["Cache-Control"]


def test_mention_suggestions_view_without_javascript_is_a_page_of_its_own(client, rosa, amber):
    client.force_login(rosa)

    html = client.get("/notifications/mentions/?q=amb").content.decode()

    assert "<h1>Find a member to mention</h1>" in html
    assert f"@{amber.handle}" in html
