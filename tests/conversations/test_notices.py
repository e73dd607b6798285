import pytest

from conversations import services
from core.mail.models import OutboxMessage
from notifications.models import Channel, Notification
from notifications.preferences import preference_set
from notifications.rendering import render_rows

pytestmark = pytest.mark.django_db


def send(sender, recipient, body="Thinking of you today."):
    return services.message_send(sender=sender, recipient=recipient, body=body)


def test_new_messages_fold_into_one_notification_and_one_email(rosa, ines):
    send(rosa, ines, "First")
    send(rosa, ines, "Second")
    (row,) = Notification.objects.filter(recipient=ines)
    assert row.kind == "message"
    assert OutboxMessage.objects.filter(to_email=ines.email).count() == 1
    entries, _ = render_rows(viewer=ines, rows=[row])
    assert "Rosa sent you a message" in entries[0].sentence
    assert "First" not in entries[0].sentence


def test_opening_the_conversation_reads_its_notification_and_the_next_one_emails(
    client, rosa, ines
):
    conversation = send(rosa, ines).message.conversation
    client.force_login(ines)
    client.get(conversation.get_absolute_url())
    assert not Notification.objects.filter(recipient=ines, read_at__isnull=True).exists()
    send(rosa, ines, "Another")
    assert OutboxMessage.objects.filter(to_email=ines.email).count() == 2


def test_message_request_is_its_own_kind(rosa, paula):
    send(paula, rosa)
    assert Notification.objects.get(recipient=rosa).kind == "message_request"


def test_messages_preference_off_means_no_notification_and_no_email(rosa, ines):
    preference_set(member=ines, group="messages", channel=Channel.OFF)
    send(rosa, ines)
    assert not Notification.objects.filter(recipient=ines).exists()
    assert not OutboxMessage.objects.filter(to_email=ines.email).exists()


def test_held_request_notifies_nobody_until_approved(rosa, paula, moderator):
    from moderation.services import content_approve

    held = send(paula, rosa, "pay me via paypal").message
    assert not Notification.objects.filter(recipient=rosa).exists()
    content_approve(item=held, moderator=moderator)
    assert Notification.objects.get(recipient=rosa).kind == "message_request"


def test_an_ignored_request_leaves_the_bell(rosa, paula):
    conversation = send(paula, rosa).message.conversation
    services.message_request_ignore(recipient=rosa, conversation=conversation)
    row = Notification.objects.get(recipient=rosa)
    entries, _ = render_rows(viewer=rosa, rows=[row])
    assert entries == []
