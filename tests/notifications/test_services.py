"""notify(): creation for each kind through the apps' own services, grouping, preferences
(in-app, at once, digest, off), the email pause, discreet mode, and the unread counter."""

import pytest
from django.core.exceptions import ValidationError

from accounts.blocks import member_block
from activities.services import team_request_accept, team_request_send, update_hug_set
from activities.services.comments import update_comment_create
from core.mail.models import OutboxMessage
from forum import services as forum_services
from moderation import services as moderation_services
from moderation.context_notes import context_note_set
from notifications.models import Channel, EmailState, Notification
from notifications.preferences import channels_for, preferences_set
from notifications.services import (
    notification_mark_read,
    notifications_mark_all_read,
    notifications_unread_recount,
    notify,
)
from tests.activities.factories import UpdateCommentFactory, UpdateFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _kinds(member):
    return list(
        Notification.objects.filter(recipient=member).order_by("pk").values_list("kind", flat=True)
    )


def _unread(member) -> int:
    member.refresh_from_db(fields=["notifications_unread"])
    return member.notifications_unread


# --- each kind is created by the service that makes it happen -------------------------------


def test_notify_team_request_and_acceptance_reach_the_right_member(rosa, amber):
    request = team_request_send(sender=amber, recipient=rosa)
    assert request is not None
    team_request_accept(recipient=rosa, request_id=request.pk)

    assert _kinds(rosa) == ["team_request"]
    assert _kinds(amber) == ["team_accepted"]


def test_notify_comment_on_her_update_and_reply_to_her_comment(
    rosa, amber, bea, django_capture_on_commit_callbacks
):
    update = UpdateFactory.create(author=rosa)
    comment = update_comment_create(update=update, author=amber, body="Thinking of you")
    update_comment_create(update=update, author=bea, body="Me too", parent=comment)

    assert "update_comment" in _kinds(rosa)
    assert _kinds(amber) == ["comment_reply"]


def test_notify_answer_to_her_question_reply_to_her_answer_and_followed_question(
    rosa, amber, bea, django_capture_on_commit_callbacks
):
    question = QuestionFactory.create(author=rosa)
    forum_services.question_follow_set(question=question, member=bea, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = forum_services.answer_create(question=question, author=amber, body="It helped")
        forum_services.answer_create(question=question, author=bea, body="Same", parent=answer)

    assert _kinds(rosa) == ["question_answer"]
    assert _kinds(amber) == ["answer_reply"]
    assert _kinds(bea) == ["followed_answer"]


def test_notify_moderation_outcomes_reach_the_author(rosa, settings):
    moderator = UserFactory.create(is_staff=True)
    settings.MODERATION_NEW_MEMBER_HOURS = 24 * 365  # her posts wait for review
    question = QuestionFactory.create(author=rosa, moderation_state="pending")
    moderation_services.case_hold(item=question, held_reason="New member")
    moderation_services.content_approve(item=question, moderator=moderator)
    context_note_set(item=question, moderator=moderator, text="Ask your oncologist first.")
    moderation_services.content_hide(item=question, moderator=moderator, reason="Off topic")

    assert _kinds(rosa) == [
        "moderation_held",
        "moderation_approved",
        "moderation_context_note",
        "moderation_hidden",
    ]
    assert Notification.objects.get(kind="moderation_hidden").reason == "Off topic"


def test_notify_welcome_when_she_signs_up(client, db):
    client.post(
        "/accounts/signup/",
        {
            "email": "new@example.com",
            "display_name": "Newcomer",
            "password1": "a long and quiet walk 42",
            "password2": "a long and quiet walk 42",
        },
    )

    assert Notification.objects.filter(recipient__email="new@example.com", kind="welcome").exists()


# --- grouping -----------------------------------------------------------------------------


def test_notify_hugs_group_into_one_unread_row_and_count_each_member_once(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    others = UserFactory.create_batch(3)
    for hugger in [bea, *others, amber]:
        update_hug_set(member=hugger, target=update, hugged=True)
    update_hug_set(member=amber, target=update, hugged=False)
    update_hug_set(member=amber, target=update, hugged=True)

    row = Notification.objects.get(recipient=rosa)
    assert (row.kind, row.actor_count, row.actor_ids[0]) == ("update_hug", 5, amber.pk)
    assert _unread(rosa) == 1


def test_notify_a_hug_after_she_read_the_group_starts_a_new_one(rosa, amber, bea):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=amber, target=update, hugged=True)
    notifications_mark_all_read(member=rosa)
    update_hug_set(member=bea, target=update, hugged=True)

    assert Notification.objects.filter(recipient=rosa).count() == 2
    assert _unread(rosa) == 1


def test_notify_never_for_her_own_doing_nor_across_a_block(rosa, amber):
    update = UpdateFactory.create(author=rosa)
    assert notify(kind="update_hug", recipient=rosa, actor=rosa, target=update) is None
    member_block(blocker=rosa, blocked=amber)
    assert notify(kind="update_hug", recipient=rosa, actor=amber, target=update) is None
    assert not Notification.objects.exists()


# --- preferences --------------------------------------------------------------------------


def test_notify_in_app_only_rings_the_bell_and_sends_no_email(rosa, amber):
    preferences_set(member=rosa, channels={"comments": Channel.IN_APP}, pause_email=False)
    UpdateCommentFactory.create  # noqa: B018 (the factory is not what is under test)
    update = UpdateFactory.create(author=rosa)
    update_comment_create(update=update, author=amber, body="Sending love")

    assert _kinds(rosa) == ["update_comment"]
    assert not OutboxMessage.objects.filter(to_email=rosa.email).exists()


def test_notify_email_at_once_sends_the_apps_own_email(rosa, amber):
    update = UpdateFactory.create(author=rosa)
    update_comment_create(update=update, author=amber, body="Sending love")

    message = OutboxMessage.objects.get(to_email=rosa.email)
    assert message.kind == "activities/comment"
    assert Notification.objects.get(recipient=rosa).email_state == EmailState.SENT


def test_notify_email_at_once_without_an_apps_email_sends_the_generic_notice(rosa, amber):
    question = QuestionFactory.create(author=rosa)
    answer = AnswerFactory.create(question=question, author=amber)
    preferences_set(member=rosa, channels={"hugs": Channel.EMAIL}, pause_email=False)

    forum_services.answer_hug_set(member=amber, target=answer, hugged=False)
    notify(kind="answer_hug", recipient=rosa, actor=amber, target=answer)

    message = OutboxMessage.objects.get(to_email=rosa.email)
    assert message.kind == "notifications/notice"
    assert "AmberAster hugged your answer" in message.body_text


def test_notify_digest_waits_for_the_daily_email(rosa, amber):
    preferences_set(member=rosa, channels={"comments": Channel.DIGEST}, pause_email=False)
    update = UpdateFactory.create(author=rosa)
    update_comment_create(update=update, author=amber, body="Sending love")

    assert not OutboxMessage.objects.filter(to_email=rosa.email).exists()
    assert Notification.objects.get(recipient=rosa).email_state == EmailState.DIGEST


def test_notify_off_records_nothing(rosa, amber):
    preferences_set(member=rosa, channels={"comments": Channel.OFF}, pause_email=False)
    update = UpdateFactory.create(author=rosa)
    update_comment_create(update=update, author=amber, body="Sending love")

    assert not Notification.objects.exists()
    assert _unread(rosa) == 0


def test_notify_hugs_default_to_in_app_and_the_rest_to_email():
    channels = channels_for(member_id=0)

    assert channels["hugs"] == Channel.IN_APP
    assert channels["comments"] == Channel.EMAIL


def test_notify_pause_all_email_stops_every_kind_email_but_not_the_bell(rosa, amber):
    preferences_set(member=rosa, channels={}, pause_email=True)
    request = team_request_send(sender=amber, recipient=rosa)
    assert request is not None
    update = UpdateFactory.create(author=rosa)
    update_comment_create(update=update, author=amber, body="Sending love")

    assert not OutboxMessage.objects.filter(to_email=rosa.email).exists()
    assert sorted(_kinds(rosa)) == ["team_request", "update_comment"]


def test_notify_discreet_mode_notice_names_no_site_and_no_member(rosa, amber):
    rosa.discreet_email = True
    rosa.save(update_fields=["discreet_email"])
    update = UpdateFactory.create(author=rosa)
    preferences_set(member=rosa, channels={"hugs": Channel.EMAIL}, pause_email=False)
    update_hug_set(member=amber, target=update, hugged=True)

    message = OutboxMessage.objects.get(to_email=rosa.email)
    text = message.subject + message.body_text + message.body_html
    assert "AmberAster" not in text
    assert "MyBCTeam" not in text
    assert "Notifications" in message.from_email


def test_preferences_set_refuses_an_unknown_kind_or_channel(rosa):
    with pytest.raises(ValidationError):
        preferences_set(member=rosa, channels={"nonsense": Channel.EMAIL}, pause_email=False)
    with pytest.raises(ValidationError):
        preferences_set(member=rosa, channels={"hugs": "loud"}, pause_email=False)


# --- reading -------------------------------------------------------------------------------


def test_notification_mark_read_one_then_all_keeps_the_counter_exact(rosa, amber, bea):
    first = notify(kind="team_request", recipient=rosa, actor=amber)
    assert first is not None
    notify(kind="team_request", recipient=rosa, actor=bea)
    assert _unread(rosa) == 2

    notification_mark_read(member=rosa, notification_id=first.pk)
    notification_mark_read(member=rosa, notification_id=first.pk)
    assert _unread(rosa) == 1

    assert notifications_mark_all_read(member=rosa) == 1
    assert _unread(rosa) == 0
    assert notifications_unread_recount(member=rosa) == 0


def test_notification_mark_read_ignores_another_members_notification(rosa, amber):
    row = notify(kind="team_request", recipient=rosa, actor=amber)
    assert row is not None

    assert notification_mark_read(member=amber, notification_id=row.pk) is None
    assert _unread(rosa) == 1


def test_notify_discreet_member_gets_the_discreet_notice_instead_of_an_apps_plain_email(
    rosa, amber, django_capture_on_commit_callbacks
):
    rosa.discreet_email = True
    rosa.save(update_fields=["discreet_email"])
    question = QuestionFactory.create(author=UserFactory.create(), title="Hair loss and cold caps")
    forum_services.question_follow_set(question=question, member=rosa, follow=True)

    with django_capture_on_commit_callbacks(execute=True):
        forum_services.answer_create(question=question, author=amber, body="They helped me")

    message = OutboxMessage.objects.get(to_email=rosa.email)
    assert message.kind == "notifications/notice"
    assert "Hair loss" not in message.subject + message.body_text + message.body_html


def test_notify_discreet_member_keeps_an_apps_own_discreet_email(rosa, amber):
    rosa.discreet_email = True
    rosa.save(update_fields=["discreet_email"])

    team_request_send(sender=amber, recipient=rosa)

    message = OutboxMessage.objects.get(to_email=rosa.email)
    assert message.kind == "activities/team_request"
    assert "AmberAster" not in message.subject + message.body_text
