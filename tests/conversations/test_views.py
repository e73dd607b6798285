import uuid

import pytest
from django.urls import reverse

from conversations import services
from conversations.models import Message
from moderation.models import ModerationLogEntry, ModerationState, Report
from moderation.services import report_create

pytestmark = pytest.mark.django_db


def send(sender, recipient, body="Thinking of you today."):
    return services.message_send(sender=sender, recipient=recipient, body=body)


def post_message(client, url, body):
    return client.post(url, {"body": body, "idempotency_key": str(uuid.uuid4())})


def test_list_view_sends_visitors_to_log_in(client):
    response = client.get("/messages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_list_view_shows_newest_first_unread_marked_and_requests(client, rosa, ines, paula):
    from tests.activities.factories import team_link
    from tests.factories import UserFactory

    zoe = UserFactory.create(display_name="Zoe")
    team_link(rosa, zoe)
    send(ines, rosa, "Older")
    send(zoe, rosa, "Newer")
    send(paula, rosa, "Hello from a stranger")
    client.force_login(rosa)
    page = client.get("/messages/").content.decode()
    assert page.index("Zoe") < page.index("Ines")
    assert "Message requests (1)" in page
    assert "Paula" in page
    assert page.count("New<span") >= 2


def test_list_view_runs_a_fixed_number_of_queries(client, rosa, django_assert_max_num_queries):
    from tests.activities.factories import team_link
    from tests.factories import UserFactory

    client.force_login(rosa)
    for count in (1, 6):
        while len(services.Participant.objects.filter(member=rosa)) < count:
            other = UserFactory.create()
            team_link(rosa, other)
            send(other, rosa)
        with django_assert_max_num_queries(8):
            assert client.get("/messages/").status_code == 200


def test_detail_view_runs_a_fixed_number_of_queries(client, rosa, ines, django_assert_num_queries):
    conversation = send(ines, rosa).message.conversation
    client.force_login(rosa)
    client.get(conversation.get_absolute_url())
    counts = []
    for _ in range(2):
        for number in range(20):
            Message.objects.create(conversation=conversation, author=ines, body=f"n{number}")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(conversation.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] == 8


def test_detail_view_opened_again_writes_nothing(client, rosa, ines):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    conversation = send(ines, rosa).message.conversation
    client.force_login(rosa)
    client.get(conversation.get_absolute_url())  # reads it: her side is marked read

    with CaptureQueriesContext(connection) as queries:
        assert client.get(conversation.get_absolute_url()).status_code == 200

    assert not [q for q in queries if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))]
    rosa.refresh_from_db()
    assert rosa.notifications_unread == 0


def test_detail_view_marks_a_new_message_read(client, rosa, ines):
    conversation = send(ines, rosa).message.conversation
    client.force_login(rosa)
    client.get(conversation.get_absolute_url())
    send(ines, rosa, "one more")
    rosa.refresh_from_db()
    assert rosa.notifications_unread == 1

    client.get(conversation.get_absolute_url())

    rosa.refresh_from_db()
    assert rosa.notifications_unread == 0
    assert not client.get("/messages/").context["conversations"][0].unread


def test_detail_view_newest_at_the_bottom_and_older_by_cursor(client, rosa, ines):
    conversation = send(ines, rosa, "message 0").message.conversation
    for number in range(1, 40):
        Message.objects.create(conversation=conversation, author=ines, body=f"message {number}")
    client.force_login(rosa)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert page.index("message 38") < page.index("message 39")
    assert "message 5<" not in page
    assert "Show earlier messages" in page
    eleventh = conversation.messages.order_by("pk")[10].pk
    older = client.get(f"{conversation.get_absolute_url()}?before={eleventh}").content.decode()
    assert "message 9<" in older


def test_detail_view_is_404_to_anyone_outside_the_conversation(
    client, rosa, ines, paula, moderator
):
    conversation = send(ines, rosa).message.conversation
    for outsider in (paula, moderator):
        client.force_login(outsider)
        assert client.get(conversation.get_absolute_url()).status_code == 404


def test_detail_view_sends_without_javascript_and_links_are_safe(client, rosa, ines):
    conversation = send(ines, rosa).message.conversation
    send(rosa, ines, "Hello")  # her first message: a link in it would wait for review
    client.force_login(rosa)
    response = post_message(
        client, conversation.get_absolute_url(), "<b>hi</b> see https://example.org/a?b=1&c=2"
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "&lt;b&gt;hi&lt;/b&gt;" in page
    assert 'rel="nofollow ugc noopener"' in page
    assert "<b>hi" not in page


@pytest.mark.parametrize(
    ("body", "words"),
    [("", "Please write something"), ("a\x00b", "invisible character"), ("x" * 4001, "4,000")],
)
def test_detail_view_refuses_bad_text_kindly_and_keeps_it(client, rosa, ines, body, words):
    conversation = send(ines, rosa).message.conversation
    client.force_login(rosa)
    response = post_message(client, conversation.get_absolute_url(), body)
    assert response.status_code == 400
    assert words in response.content.decode()


def test_new_view_sends_a_request_and_shows_what_happens_next(client, rosa, paula):
    client.force_login(paula)
    assert "Send request" in client.get(f"/messages/to/{rosa.handle}/").content.decode()
    response = post_message(client, f"/messages/to/{rosa.handle}/", "Hello Rosa")
    assert "Your request is sent" in response.content.decode()


def test_new_view_held_message_tells_her_it_waits(client, rosa, paula):
    client.force_login(paula)
    response = post_message(client, f"/messages/to/{rosa.handle}/", "pay me via paypal")
    assert "volunteer moderators reads it" in response.content.decode()


def test_new_view_crisis_shows_the_crisis_resources(client, rosa, ines):
    client.force_login(rosa)
    response = post_message(client, f"/messages/to/{ines.handle}/", "I want to die")
    assert "You are not alone" in response.content.decode()


def test_new_view_says_why_she_cannot_write(client, rosa, paula):
    services.messaging_requests_set(member=rosa, requests_open=False)
    client.force_login(paula)
    assert (
        "not taking message requests" in client.get(f"/messages/to/{rosa.handle}/").content.decode()
    )


def test_request_accept_and_ignore_views(client, rosa, paula):
    conversation = send(paula, rosa).message.conversation
    client.force_login(rosa)
    assert "Accept" in client.get(conversation.get_absolute_url()).content.decode()
    client.post(reverse("conversations:ignore", args=[conversation.pk]))
    assert client.get(conversation.get_absolute_url()).status_code == 404
    client.force_login(paula)
    assert client.post(reverse("conversations:accept", args=[conversation.pk])).status_code == 404


def test_edit_and_delete_views(client, rosa, ines):
    message = send(rosa, ines).message
    client.force_login(rosa)
    client.post(reverse("conversations:edit", args=[message.pk]), {"body": "Changed words"})
    assert Message.objects.get(pk=message.pk).body == "Changed words"
    client.post(reverse("conversations:delete", args=[message.pk]))
    client.force_login(ines)
    page = client.get(message.conversation.get_absolute_url()).content.decode()
    assert "This message was deleted." in page
    assert "Changed words" not in page
    assert client.post(reverse("conversations:delete", args=[message.pk])).status_code == 404


def test_settings_view_turns_requests_off(client, rosa):
    client.force_login(rosa)
    client.post(reverse("conversations:settings"), {})
    from conversations.selectors import requests_open

    assert requests_open(member_id=rosa.pk) is False


def test_reported_message_is_read_by_a_moderator_with_context_and_logged(
    client, rosa, ines, moderator
):
    conversation = send(rosa, ines, "first words").message.conversation
    for number in range(7):
        send(ines if number % 2 else rosa, ines if number % 2 == 0 else rosa, f"line {number}")
    reported = send(ines, rosa, "something cruel").message
    report_create(reporter=rosa, item=reported, reason="harassment")
    client.force_login(moderator)
    response = client.get(reverse("conversations:message", args=[reported.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "something cruel" in page
    assert "line 6" in page
    assert "line 2" in page
    assert "line 1" not in page
    assert "first words" not in page
    entry = ModerationLogEntry.objects.get(action=ModerationLogEntry.Action.READ_PRIVATE)
    assert entry.actor == moderator
    assert entry.object_id == reported.pk
    assert conversation.pk == reported.conversation_id


def test_unreported_message_is_not_reachable_by_staff(client, rosa, ines, moderator):
    message = send(rosa, ines, "nobody else should read this").message
    from tests.factories import UserFactory

    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    for staff in (moderator, superuser):
        client.force_login(staff)
        for url in (
            reverse("conversations:message", args=[message.pk]),
            message.conversation.get_absolute_url(),
            reverse("conversations:edit", args=[message.pk]),
        ):
            assert client.get(url).status_code == 404
    assert not ModerationLogEntry.objects.filter(action="read_private").exists()


def test_no_admin_page_lists_message_bodies(client, rosa, ines):
    from django.contrib import admin

    from conversations.models import Conversation, MessageRequest, Participant

    for model in (Message, Conversation, MessageRequest, Participant):
        assert not admin.site.is_registered(model)


def test_report_view_files_a_report_on_a_message(client, rosa, ines):
    message = send(ines, rosa).message
    client.force_login(rosa)
    response = client.post(
        f"/report/message/{message.pk}/", {"reason": "spam", "note": "asked for money"}
    )
    assert response.status_code == 200
    assert Report.objects.filter(case__object_id=message.pk).exists()
    assert Message.objects.get(pk=message.pk).moderation_state == ModerationState.VISIBLE


def test_profile_message_button_for_team_mates_and_strangers(client, rosa, ines, paula):
    client.force_login(ines)
    page = client.get(rosa.get_absolute_url()).content.decode()
    assert f'href="/messages/to/{rosa.handle}/"' in page
    client.force_login(paula)
    assert "(sends a request)" in client.get(rosa.get_absolute_url()).content.decode()


def test_profile_message_button_hidden_when_requests_are_off_or_blocked(client, rosa, paula):
    from accounts.blocks import member_block

    services.messaging_requests_set(member=rosa, requests_open=False)
    client.force_login(paula)
    assert "/messages/to/" not in client.get(rosa.get_absolute_url()).content.decode()
    services.messaging_requests_set(member=rosa, requests_open=True)
    member_block(blocker=rosa, blocked=paula)
    assert "/messages/to/" not in client.get(rosa.get_absolute_url()).content.decode()


def test_account_links_show_messages_to_members_only(client, rosa):
    assert 'href="/messages/"' not in client.get("/guidelines/").content.decode()
    client.force_login(rosa)
    assert 'href="/messages/"' in client.get("/guidelines/").content.decode()


def test_moderation_log_never_keeps_a_message_text(client, rosa, ines, paula, moderator):
    held = send(paula, rosa, "pay me on paypal please").message
    report_create(reporter=ines, item=send(rosa, ines, "a hurtful line").message, reason="other")
    client.force_login(moderator)
    client.get(reverse("conversations:message", args=[held.pk]))
    snapshots = " ".join(ModerationLogEntry.objects.values_list("item_snapshot", flat=True))
    assert ModerationLogEntry.objects.count() >= 2
    assert "paypal" not in snapshots
    assert "hurtful" not in snapshots


def test_moderation_admin_shows_a_held_message_but_not_a_crisis_text(client, rosa, ines, paula):
    from moderation.models import ModerationCase
    from moderation.roles import moderators_group_sync
    from tests.factories import UserFactory

    moderator = UserFactory.create(is_staff=True, display_name="Mod Admin")
    moderator.groups.add(moderators_group_sync())
    held = send(paula, rosa, "send money by western union").message
    crisis = send(rosa, ines, "I want to die some nights").message
    client.force_login(moderator)
    held_case = ModerationCase.objects.get(object_id=held.pk, kind="message")
    crisis_case = ModerationCase.objects.get(object_id=crisis.pk, kind="message")
    held_page = client.get(
        reverse("admin:moderation_moderationcase_change", args=[held_case.pk])
    ).content.decode()
    assert "western union" in held_page
    crisis_response = client.get(
        reverse("admin:moderation_moderationcase_change", args=[crisis_case.pk])
    )
    assert crisis_response.status_code == 200
    assert "want to die" not in crisis_response.content.decode()
    queue = client.get(reverse("admin:moderation_moderationcase_changelist")).content.decode()
    assert "want to die" not in queue
    assert client.get(reverse("conversations:message", args=[crisis.pk])).status_code == 404


def test_detail_view_htmx_loads_earlier_messages_as_a_fragment(client, rosa, ines):
    conversation = send(ines, rosa, "message 0").message.conversation
    for number in range(1, 40):
        Message.objects.create(conversation=conversation, author=ines, body=f"message {number}")
    client.force_login(rosa)
    oldest_shown = conversation.messages.order_by("pk")[9].pk
    response = client.get(
        f"{conversation.get_absolute_url()}?before={oldest_shown}", headers={"HX-Request": "true"}
    )
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert "message 8<" in fragment
    assert "message 9<" not in fragment
