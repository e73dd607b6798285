from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.blocks import member_block
from conversations import services
from conversations.models import Message, MessageRequest, Participant
from conversations.selectors import conversation_for_member, conversation_list
from core.mail.models import OutboxMessage
from moderation.models import ModerationCase, ModerationState
from moderation.policy import PostingLimitExceeded
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def send(sender, recipient, body="Thinking of you today."):
    return services.message_send(sender=sender, recipient=recipient, body=body)


def test_message_send_team_mates_write_freely(rosa, ines):
    sent = send(rosa, ines)
    assert not sent.held
    assert not sent.is_request
    assert sent.message.moderation_state == ModerationState.VISIBLE
    reply = send(ines, rosa, "Thank you, that means a lot.")
    assert reply.message.conversation == sent.message.conversation
    conversations, requests = conversation_list(member=ines)
    assert [row.other for row in conversations] == [rosa]
    assert requests == []


def test_message_send_stranger_sends_a_request(rosa, paula):
    sent = send(paula, rosa, "Hello, I saw your question about radiotherapy.")
    assert sent.is_request
    assert not sent.held
    request = MessageRequest.objects.get()
    assert (request.sender, request.recipient, request.status) == (paula, rosa, "pending")
    _, requests = conversation_list(member=rosa)
    assert [row.other for row in requests] == [paula]
    with pytest.raises(PermissionDenied, match="waiting for an answer"):
        send(paula, rosa, "Did you get my message?")


def test_message_request_accept_lets_both_write(rosa, paula):
    conversation = send(paula, rosa).message.conversation
    services.message_request_accept(recipient=rosa, conversation=conversation)
    send(rosa, paula, "Yes, happy to talk.")
    send(paula, rosa, "Thank you.")
    assert conversation.messages.count() == 3


def test_message_request_ignore_is_silent(rosa, paula):
    conversation = send(paula, rosa).message.conversation
    mail.outbox.clear()
    OutboxMessage.objects.all().delete()
    services.message_request_ignore(recipient=rosa, conversation=conversation)
    assert conversation_for_member(member=rosa, pk=conversation.pk) is None
    assert conversation_list(member=rosa) == ([], [])
    # The sender still sees her request waiting; nobody was emailed.
    sender_rows, _ = conversation_list(member=paula)
    assert sender_rows[0].waiting
    assert not OutboxMessage.objects.exists()


def test_message_send_refused_when_requests_are_off(rosa, paula, ines):
    services.messaging_requests_set(member=rosa, requests_open=False)
    with pytest.raises(PermissionDenied, match="not taking message requests"):
        send(paula, rosa)
    send(ines, rosa)  # her team still can


@pytest.mark.parametrize("blocker_is_recipient", [True, False])
def test_message_send_refused_between_blocked_members(rosa, ines, blocker_is_recipient):
    if blocker_is_recipient:
        member_block(blocker=rosa, blocked=ines)
    else:
        member_block(blocker=ines, blocked=rosa)
    with pytest.raises(PermissionDenied):
        send(ines, rosa)
    assert not Message.objects.exists()


def test_message_request_refused_from_a_blocked_stranger(rosa, paula):
    member_block(blocker=rosa, blocked=paula)
    with pytest.raises(PermissionDenied):
        send(paula, rosa)
    assert not MessageRequest.objects.exists()


def test_message_request_refused_from_a_member_in_her_first_hours(rosa, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now() - timedelta(hours=2))
    with pytest.raises(PermissionDenied, match="New members"):
        send(newcomer, rosa)


def test_message_request_refused_from_a_member_with_too_few_posts(rosa, paula, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 3
    with pytest.raises(PermissionDenied, match="New members"):
        send(paula, rosa)


def test_message_send_new_member_may_still_write_to_her_team(rosa, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    from tests.activities.factories import team_link

    newcomer = UserFactory.create(date_joined=timezone.now() - timedelta(hours=2))
    team_link(rosa, newcomer)
    assert not send(newcomer, rosa).is_request


def test_message_request_over_the_hourly_limit(rosa, settings):
    settings.MESSAGE_REQUESTS_PER_HOUR = 2
    sender = UserFactory.create()
    for _ in range(2):
        send(sender, UserFactory.create())
    with pytest.raises(PostingLimitExceeded, match="2 message requests in the last hour"):
        send(sender, rosa)


def test_message_send_over_the_daily_limit(rosa, ines, settings):
    settings.MESSAGES_PER_DAY = 3
    conversation = send(rosa, ines).message.conversation
    five_hours_ago = timezone.now() - timedelta(hours=5)
    for text in ("Morning", "Evening"):
        Message.objects.create(
            conversation=conversation, author=rosa, body=text, created_at=five_hours_ago
        )
    with pytest.raises(PostingLimitExceeded, match="3 messages in the last day"):
        send(rosa, ines, "One more")


@pytest.mark.parametrize(
    "body",
    [
        "I can help you, pay me through paypal and I will send the protocol.",
        "Please send money by western union for my treatment fund.",
        "Donate here: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "Read this https://cure-now.example/shop",
        "Call me on +44 7700 900123",
        "Write to me at helper@example.com",
        "The alkaline diet cured my cancer, skip your chemo.",
    ],
)
def test_message_request_with_scam_signs_is_held_and_not_delivered(rosa, paula, body):
    sent = send(paula, rosa, body)
    assert sent.held
    assert sent.message.moderation_state == ModerationState.PENDING
    assert conversation_list(member=rosa) == ([], [])
    assert conversation_for_member(member=rosa, pk=sent.message.conversation_id) is None
    assert not OutboxMessage.objects.filter(to_email=rosa.email).exists()
    case = ModerationCase.objects.get()
    assert case.held_reason.startswith("Private message")


def test_held_request_is_delivered_when_a_moderator_approves(rosa, paula, moderator):
    from moderation.services import content_approve

    sent = send(paula, rosa, "My fundraiser: paypal.me/someone")
    content_approve(item=sent.message, moderator=moderator)
    _, requests = conversation_list(member=rosa)
    assert [row.other for row in requests] == [paula]
    assert OutboxMessage.objects.filter(to_email=rosa.email).exists()


def test_message_send_first_message_between_team_mates_is_checked_later_ones_not(rosa, ines):
    assert send(rosa, ines, "See https://example.org/fatigue-tips").held
    send(ines, rosa, "Hello!")
    # Rosa's first message is waiting; her next ones are not first any more.
    assert not send(rosa, ines, "and https://example.org/sleep").held


def test_message_send_crisis_raises_an_urgent_case_without_the_text(rosa, ines):
    sent = send(rosa, ines, "Some days I want to die, honestly.")
    assert sent.crisis
    assert not sent.held
    case = ModerationCase.objects.get()
    assert case.urgent
    assert case.snapshot == ""
    assert sent.message.moderation_state == ModerationState.VISIBLE


def test_message_email_never_holds_the_text_and_is_discreet(rosa, ines):
    ines.discreet_email = True
    ines.save()
    send(rosa, ines, "A secret about my scan")
    email = OutboxMessage.objects.get(to_email=ines.email)
    whole = email.subject + email.body_text + email.body_html
    assert "secret" not in whole
    assert "Rosa" not in whole
    assert "MyBCTeam" not in email.subject
    assert email.subject == "You have a new message"


def test_message_email_names_the_sender_when_not_discreet(rosa, ines):
    send(rosa, ines, "A secret about my scan")
    email = OutboxMessage.objects.get(to_email=ines.email)
    assert email.subject == "You have a new message on MyBCTeam"
    assert "Rosa" in email.body_text
    assert "secret" not in email.body_text


def test_muted_conversation_sends_no_email(rosa, ines):
    conversation = send(rosa, ines).message.conversation
    services.conversation_mute(member=ines, conversation=conversation, muted=True)
    OutboxMessage.objects.all().delete()
    send(rosa, ines, "Another")
    assert not OutboxMessage.objects.exists()


def test_conversation_leave_takes_it_off_her_list_until_she_writes(rosa, ines):
    conversation = send(rosa, ines).message.conversation
    services.conversation_leave(member=ines, conversation=conversation)
    assert conversation_list(member=ines) == ([], [])
    send(ines, rosa, "I'm back")
    assert Participant.objects.get(member=ines).left_at is None


def test_message_edit_within_the_window_only(rosa, ines, settings):
    message = send(rosa, ines).message
    services.message_edit(author=rosa, message=message, body="Thinking of you.")
    assert Message.objects.get(pk=message.pk).body == "Thinking of you."
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(hours=1))
    message.refresh_from_db()
    with pytest.raises(PermissionDenied, match="passed"):
        services.message_edit(author=rosa, message=message, body="Changed")
    with pytest.raises(PermissionDenied):
        services.message_edit(author=ines, message=message, body="Not mine")


def test_message_edit_adding_a_link_to_a_first_message_holds_it(rosa, ines):
    message = send(rosa, ines).message
    services.message_edit(author=rosa, message=message, body="Buy it at https://x.example")
    assert Message.objects.get(pk=message.pk).moderation_state == ModerationState.PENDING


def test_message_delete_leaves_a_placeholder(rosa, ines):
    message = send(rosa, ines).message
    services.message_delete(author=rosa, message=message)
    message.refresh_from_db()
    assert message.body == ""
    assert message.is_removed
    with pytest.raises(PermissionDenied):
        services.message_delete(author=ines, message=message)


@pytest.mark.parametrize("body", ["", "   ", "a\x00b", "x" * 4001])
def test_message_send_refuses_bad_text_kindly(rosa, ines, body):
    with pytest.raises(ValidationError):
        send(rosa, ines, body)


def test_message_send_idempotency_key_makes_one_message(rosa, ines):
    import uuid

    key = uuid.uuid4()
    first = services.message_send(sender=rosa, recipient=ines, body="Hi", idempotency_key=key)
    again = services.message_send(sender=rosa, recipient=ines, body="Hi", idempotency_key=key)
    assert first.message.pk == again.message.pk
    assert Message.objects.count() == 1


def test_message_restored_after_reports_is_not_delivered_twice(rosa, ines, moderator):
    from moderation.services import content_hide, content_restore

    message = send(rosa, ines, "Just checking in").message
    assert OutboxMessage.objects.filter(to_email=ines.email).count() == 1
    content_hide(item=message, moderator=moderator, reason="Checking a report")
    content_restore(item=Message.objects.get(pk=message.pk), moderator=moderator)
    assert OutboxMessage.objects.filter(to_email=ines.email).count() == 1
