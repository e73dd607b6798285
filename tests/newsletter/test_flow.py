"""The whole journey: opt in, confirm, receive a digest, leave with one click (RFC 8058)."""

import email
import re
from email.message import EmailMessage
from email.policy import default as default_policy
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from newsletter import services
from newsletter.models import Consent, Subscriber

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

SITE = "https://mybcteam.example"


@pytest.fixture(autouse=True)
def _https_site(settings):
    settings.SITE_URL = SITE


def _parsed(index: int) -> EmailMessage:
    raw = mail.outbox[index].message().as_bytes()
    message = email.message_from_bytes(raw, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None
    assert html is not None
    return text.get_content(), html.get_content()


def _links(text: str) -> list[str]:
    return re.findall(r"https://mybcteam\.example/\S+", text)


def test_newsletter_flow_opt_in_confirm_receive_and_one_click_unsubscribe(
    client, django_capture_on_commit_callbacks
):
    # given: a visitor subscribes from the home page box
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/newsletter/subscribe/", {"email": "Reader@Example.org", "source": "/"}
        )
    assert response.status_code == HTTPStatus.OK
    assert "check your inbox" in response.content.decode().lower()
    consent = Consent.objects.get()
    assert consent.source_page == "/"
    assert consent.wording_version == services.CONSENT_WORDING_VERSION

    # then: exactly one confirmation, two parts, a signed absolute link
    assert len(mail.outbox) == 1
    confirmation = _parsed(0)
    assert confirmation["To"] == "reader@example.org"
    text, html = _parts(confirmation)
    confirm_links = [link for link in _links(text) if "/newsletter/confirm/" in link]
    assert len(confirm_links) == 1
    assert confirm_links[0] in html
    confirm_path = urlsplit(confirm_links[0]).path

    # when: the GET (a link scanner) does not confirm; the button does
    assert client.get(confirm_path).status_code == HTTPStatus.OK
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
    assert client.post(confirm_path).status_code == HTTPStatus.OK
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED

    # when: a new article is published and the digest goes out
    article = ArticleFactory.create(title="Trastuzumab: what to expect")
    send = services.send_create_digest()
    services.send_fan_out(send_id=send.id)

    # then: one digest with RFC 8058 headers, both parts, valid signed links
    assert len(mail.outbox) == 2
    digest = _parsed(1)
    unsubscribe_header = str(digest["List-Unsubscribe"]).strip()
    assert re.fullmatch(
        r"<https://mybcteam\.example/newsletter/unsubscribe/[^>]+/>", unsubscribe_header
    )
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = _parts(digest)
    assert article.title in text
    assert "Trastuzumab" in html
    assert f"{SITE}/articles/{article.slug}/" in text
    assert 'style="' in html  # CSS inlined for mail clients without <style> support
    for link in _links(text):
        path = urlsplit(link).path
        if path.startswith("/newsletter/"):
            assert client.get(path).status_code == HTTPStatus.OK, path

    # when: the mail client sends the one-click POST (no cookie, no CSRF token)
    unsubscribe_path = urlsplit(unsubscribe_header.strip("<>")).path
    one_click = Client(enforce_csrf_checks=True)
    response = one_click.post(
        unsubscribe_path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    # then: unsubscribed at once, and the next digest skips them
    assert response.status_code == HTTPStatus.OK
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED
    ArticleFactory.create(title="Another new article")
    services.send_fan_out(send_id=services.send_create_digest().id)
    assert len(mail.outbox) == 2


def test_newsletter_tampered_token_is_refused_with_a_clear_page(client):
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    link = services.subscriber_link(subscriber_id=subscriber.id, purpose="unsubscribe")
    path = urlsplit(link).path
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]

    get = client.get(tampered)
    post = client.post(tampered)

    assert get.status_code == HTTPStatus.BAD_REQUEST
    assert post.status_code == HTTPStatus.BAD_REQUEST
    assert "This link does not work" in post.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_newsletter_token_for_one_purpose_is_refused_for_another(client):
    subscriber = Subscriber.objects.create(email="a@example.org", state="confirmed")
    preferences = services.subscriber_link(subscriber_id=subscriber.id, purpose="preferences")
    token = urlsplit(preferences).path.rstrip("/").rsplit("/", 1)[1]

    response = client.post(f"/newsletter/unsubscribe/{token}/")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
