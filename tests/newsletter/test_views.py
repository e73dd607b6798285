"""Views: same answer for known and unknown addresses, bad input, GET never changes state."""

from http import HTTPStatus

import pytest

from core.mail.models import OutboxMessage
from newsletter import services
from newsletter.models import Subscriber
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def _token(subscriber: Subscriber, purpose: str) -> str:
    link = services.subscriber_link(subscriber_id=subscriber.id, purpose=purpose)
    return link.rstrip("/").rsplit("/", 1)[1]


def _main(content: bytes) -> str:
    page = content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_subscribe_view_answers_the_same_for_known_and_unknown_addresses(client):
    Subscriber.objects.create(email="known@example.org", state="confirmed")

    known = client.post("/newsletter/subscribe/", {"email": "known@example.org"})
    unknown = client.post("/newsletter/subscribe/", {"email": "unknown@example.org"})

    assert known.status_code == unknown.status_code == HTTPStatus.OK
    assert _main(known.content) == _main(unknown.content)


@pytest.mark.parametrize(
    "bad", ["", "not-an-email", "a\x00b@example.org", "x" * 10000, "<script>@x.org", "😀@😀"]
)
def test_subscribe_view_bad_input_shows_a_form_error_and_keeps_input(client, bad):
    response = client.post("/newsletter/subscribe/", {"email": bad})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "field-error" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_subscribe_view_member_subscribes_with_one_click(member_client, member):
    response = member_client.post("/newsletter/subscribe/", {"source": "/"})

    assert response.status_code == HTTPStatus.OK
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.state) == (member.email, Subscriber.State.CONFIRMED)
    assert OutboxMessage.objects.count() == 0


def test_subscribe_view_htmx_returns_the_box_fragment(client):
    response = client.post(
        "/newsletter/subscribe/", {"email": "a@example.org"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "<html" not in response.content.decode()
    assert 'id="newsletter-box"' in response.content.decode()


def test_unsubscribe_view_get_does_not_unsubscribe(client):
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")

    response = client.get(f"/newsletter/unsubscribe/{_token(subscriber, 'unsubscribe')}/")

    assert response.status_code == HTTPStatus.OK
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_preferences_view_saves_topics_pause_and_discreet(client, django_assert_max_num_queries):
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    topics = [TopicFactory.create() for _ in range(5)]
    url = f"/newsletter/preferences/{_token(subscriber, 'preferences')}/"

    with django_assert_max_num_queries(20):
        response = client.post(
            url,
            {"topics": [topics[0].id], "digest_enabled": "on", "discreet": "on", "pause": "2"},
        )

    assert response.status_code == HTTPStatus.OK
    subscriber.refresh_from_db()
    assert subscriber.discreet is True
    assert subscriber.newsletter_enabled is False
    assert subscriber.paused_until is not None
    assert list(subscriber.topics.all()) == [topics[0]]
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == HTTPStatus.OK


def test_preferences_view_bad_choice_is_a_form_error(client):
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    url = f"/newsletter/preferences/{_token(subscriber, 'preferences')}/"

    response = client.post(url, {"pause": "3", "topics": ["999999"]})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    subscriber.refresh_from_db()
    assert subscriber.paused_until is None


def test_confirm_view_expired_or_tampered_token_is_refused(client):
    response = client.post("/newsletter/confirm/not-a-token/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This link does not work" in response.content.decode()
