"""Admin: compose an issue, send a test, send, watch progress, pause and cancel."""

from http import HTTPStatus

import pytest
from django.core import mail

from newsletter.models import Issue, Send
from tests.factories import UserFactory

from .factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, settings):
    settings.STAFF_REQUIRE_2FA = False
    editor = UserFactory.create(is_staff=True, is_superuser=True, email="editor@example.org")
    client.force_login(editor)
    return client


def test_admin_issue_send_test_to_myself(editor_client, django_capture_on_commit_callbacks):
    issue = IssueFactory.create()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/newsletter/issue/",
            {"action": "send_test_to_myself", "_selected_action": [issue.id]},
        )

    assert response.status_code == HTTPStatus.FOUND
    assert [m.to for m in mail.outbox] == [["editor@example.org"]]


def test_admin_issue_send_then_progress_shows_on_the_send_list(
    editor_client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    SubscriberFactory.create_batch(3)
    issue = IssueFactory.create()

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            "/admin/newsletter/issue/",
            {"action": "send_to_subscribers", "_selected_action": [issue.id]},
        )

    assert len(mail.outbox) == 3
    with django_assert_max_num_queries(25):
        page = editor_client.get("/admin/newsletter/send/").content.decode()
    assert "0 queued · 3 sent · 0 failed" in page
    assert Issue.objects.get().subject in page


def test_admin_send_pause_and_cancel(editor_client):
    send = Send.objects.create(kind=Send.Kind.DIGEST, state=Send.State.SENDING)

    editor_client.post(
        "/admin/newsletter/send/", {"action": "pause", "_selected_action": [send.id]}
    )
    send.refresh_from_db()
    assert send.state == Send.State.PAUSED
    editor_client.post(
        "/admin/newsletter/send/", {"action": "cancel", "_selected_action": [send.id]}
    )
    send.refresh_from_db()
    assert send.state == Send.State.CANCELLED
