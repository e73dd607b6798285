import pytest

from accounts.export import member_export
from accounts.services import member_erase
from conversations import services
from conversations.models import ERASED_PLACEHOLDER, Message, MessageRequest, Participant
from conversations.selectors import message_page

pytestmark = pytest.mark.django_db


def test_export_holds_what_she_wrote_and_what_was_written_to_her(rosa, ines, paula):
    services.message_send(sender=rosa, recipient=ines, body="How was the scan?")
    services.message_send(sender=ines, recipient=rosa, body="Clear, thank you!")
    # A message held for review was never delivered to her: not hers to export.
    services.message_send(sender=paula, recipient=rosa, body="pay me on paypal")
    data = member_export(user=rosa)["messages"]
    (conversation,) = data["conversations"]
    assert conversation["with"] == "Ines"
    assert [(m["written_by"], m["text"]) for m in conversation["messages"]] == [
        ("you", "How was the scan?"),
        ("the other member", "Clear, thank you!"),
    ]


def test_erasure_removes_her_words_from_both_sides_and_leaves_a_placeholder(rosa, ines, paula):
    conversation = services.message_send(sender=rosa, recipient=ines, body="My words").message
    services.message_send(sender=ines, recipient=rosa, body="Ines's words")
    services.message_send(sender=paula, recipient=rosa, body="A request")
    member_erase(user=rosa)
    page = message_page(conversation=conversation.conversation, member=ines)
    texts = [m.placeholder if m.is_removed else m.body for m in page.messages]
    assert texts == [ERASED_PLACEHOLDER, "Ines's words"]
    assert not Message.objects.filter(author=rosa).exists()
    assert not MessageRequest.objects.filter(recipient=rosa).exists()
    assert not Participant.objects.filter(member=rosa).exists()
