"""The notifications page, opening and marking read, the bell, and the preferences form."""

from http import HTTPStatus

import pytest

from activities.services import update_hug_set
from notifications.models import Channel, EmailPause, Notification, NotificationPreference
from notifications.services import notify
from tests.activities.factories import UpdateFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_notifications_view_sends_visitors_to_log_in(client):
    response = client.get("/notifications/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_notifications_view_runs_a_fixed_number_of_queries_whatever_the_count(
    client, rosa, django_assert_max_num_queries
):
    client.force_login(rosa)
    question = QuestionFactory.create(author=rosa)
    for _ in range(3):
        actor = UserFactory.create()
        notify(
            kind="question_answer",
            recipient=rosa,
            actor=actor,
            target=AnswerFactory.create(question=question, author=actor),
        )
        notify(
            kind="update_hug", recipient=rosa, actor=actor, target=UpdateFactory.create(author=rosa)
        )
        notify(kind="team_request", recipient=rosa, actor=actor)
    with django_assert_max_num_queries(7) as few:
        client.get("/notifications/")
    for _ in range(30):
        actor = UserFactory.create()
        notify(
            kind="question_answer",
            recipient=rosa,
            actor=actor,
            target=AnswerFactory.create(question=question, author=actor),
        )
        notify(
            kind="update_hug", recipient=rosa, actor=actor, target=UpdateFactory.create(author=rosa)
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/notifications/")
    assert response.status_code == HTTPStatus.OK


def test_bell_costs_no_query_beyond_the_page(
    client, rosa, amber, django_assert_num_queries, django_assert_max_num_queries
):
    notify(kind="team_request", recipient=rosa, actor=amber)
    client.force_login(rosa)
    with django_assert_max_num_queries(50) as with_bell:
        page = client.get("/guidelines/").content.decode()
    assert 'class="bell-count">1' in page
    # The count is a column of the user row the request loads anyway: no query of its own.
    assert not any("notifications_notification" in q["sql"] for q in with_bell.captured_queries)

    Notification.objects.all().delete()
    rosa.notifications_unread = 0
    rosa.save(update_fields=["notifications_unread"])
    with django_assert_num_queries(len(with_bell.captured_queries)):
        client.get("/guidelines/")


def test_bell_view_answers_the_count_fragment(client, rosa, amber):
    notify(kind="team_request", recipient=rosa, actor=amber)
    client.force_login(rosa)

    response = client.get("/notifications/bell/")

    assert 'id="notification-bell"' in response.content.decode()
    assert "1<span" in response.content.decode()


def test_notification_open_view_marks_read_and_lands_on_the_target(client, rosa, amber):
    update = UpdateFactory.create(author=rosa)
    update_hug_set(member=amber, target=update, hugged=True)
    row = Notification.objects.get()
    client.force_login(rosa)

    response = client.get(f"/notifications/{row.pk}/")

    assert response["Location"] == update.get_absolute_url()
    rosa.refresh_from_db()
    assert rosa.notifications_unread == 0


def test_notification_open_view_of_another_members_notification_leads_nowhere(client, rosa, amber):
    row = notify(kind="team_request", recipient=rosa, actor=amber)
    assert row is not None
    client.force_login(amber)

    response = client.get(f"/notifications/{row.pk}/")

    assert response["Location"] == "/notifications/"
    row.refresh_from_db()
    assert row.read_at is None


def test_notifications_read_all_view_works_without_javascript(client, rosa, amber, bea):
    notify(kind="team_request", recipient=rosa, actor=amber)
    notify(kind="team_request", recipient=rosa, actor=bea)
    client.force_login(rosa)

    response = client.post("/notifications/read-all/", follow=True)

    assert "All caught up" in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_notification_read_view_marks_one(client, rosa, amber):
    row = notify(kind="team_request", recipient=rosa, actor=amber)
    assert row is not None
    client.force_login(rosa)

    client.post(f"/notifications/{row.pk}/read/")

    row.refresh_from_db()
    assert row.read_at is not None


def test_preferences_view_saves_each_kind_and_the_pause(client, rosa):
    client.force_login(rosa)
    settings_page = client.get("/accounts/settings/").content.decode()
    assert 'id="notifications"' in settings_page

    data: dict[str, str] = {
        f"channel_{key}": Channel.EMAIL
        for key in [
            "team",
            "messages",
            "comments",
            "replies",
            "answers",
            "following",
            "mentions",
            "moderation",
        ]
    }
    data.update(channel_hugs=Channel.DIGEST, channel_welcome=Channel.OFF, pause_email="on")
    response = client.post("/notifications/preferences/", data)

    assert response["Location"].endswith("#notifications")
    assert dict(NotificationPreference.objects.values_list("group", "channel")) == {
        "hugs": Channel.DIGEST,
        "welcome": Channel.OFF,
    }
    assert EmailPause.objects.filter(member=rosa).exists()


def test_preferences_view_refuses_a_made_up_choice_kindly(client, rosa):
    client.force_login(rosa)

    response = client.post(
        "/notifications/preferences/", {"channel_hugs": "<b>loud</b>"}, follow=True
    )

    assert "pick one option on each line" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_preferences_section_opens_when_asked_for(client, rosa):
    client.force_login(rosa)

    html = client.get("/accounts/settings/?section=notifications").content.decode()

    assert '<details class="card settings-section" id="notifications" open>' in html
