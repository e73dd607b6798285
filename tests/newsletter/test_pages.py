"""The sign-up box on pages, the member settings section, export and erasure."""

from http import HTTPStatus

import pytest

from accounts.erasure import erasers
from accounts.export import member_export
from newsletter import services
from newsletter.models import Consent, Subscriber

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_sign_up_box_once(client):
    response = client.get("/")

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert page.count("Get updates directly to your inbox") == 1
    assert 'action="/newsletter/subscribe/"' in page


def test_other_pages_show_the_box_in_the_footer(client):
    response = client.get("/privacy/")

    assert response.content.decode().count('id="newsletter-box"') == 1


def test_subscribe_page_says_what_it_is_once(client):
    page = client.get("/newsletter/subscribe/").content.decode()

    assert page.count("<h1>Subscribe to updates</h1>") == 1
    assert page.count("Get updates directly to your inbox") == 1  # the intro, not the box
    assert page.count('id="newsletter-box"') == 1


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_box_stays_off_the_log_in_and_sign_up_pages(client, path):
    response = client.get(path)

    assert response.status_code == HTTPStatus.OK
    assert 'id="newsletter-box"' not in response.content.decode()


def test_box_stays_off_the_settings_page_which_has_its_own_section(member_client):
    page = member_client.get("/accounts/settings/").content.decode()

    assert 'id="newsletter-box"' not in page
    assert "Subscribe with one click" in page


def test_box_is_hidden_for_a_subscribed_member(member_client, member):
    services.subscriber_subscribe(email=member.email, member=member)

    response = member_client.get("/privacy/")

    assert 'id="newsletter-box"' not in response.content.decode()


def test_member_settings_show_and_change_the_subscription(member_client, member):
    page = member_client.get("/accounts/settings/").content.decode()
    assert "Subscribe with one click" in page
    assert 'formaction="/newsletter/subscribe/"' in page

    member_client.post("/newsletter/subscribe/", {"source": "/accounts/settings/"})

    page = member_client.get("/accounts/settings/").content.decode()
    assert f"You are subscribed with {member.email}" in page
    assert "/newsletter/preferences/" in page


def test_member_export_includes_subscription_and_consent(member):
    services.subscriber_subscribe(email=member.email, member=member, source_page="/")

    exported = member_export(user=member)

    part = exported["newsletter"]
    assert part["state"] == Subscriber.State.CONFIRMED
    assert part["consents"][0]["wording_version"] == services.CONSENT_WORDING_VERSION


def test_member_erasure_removes_subscription_and_consent(member):
    services.subscriber_subscribe(email=member.email, member=member)

    for name, eraser in erasers():
        if name == "newsletter":
            eraser(member)

    assert Subscriber.objects.count() == 0
    assert Consent.objects.count() == 0


def test_demo_seed_is_idempotent():
    from accounts import demo as accounts_demo
    from articles import demo as articles_demo
    from newsletter import demo
    from newsletter.models import Issue

    accounts_demo.seed()
    articles_demo.seed()

    demo.seed()
    demo.seed()

    assert Subscriber.objects.filter(state=Subscriber.State.CONFIRMED).count() == 4
    assert Issue.objects.count() == 1
    assert Issue.objects.get().articles.count() == 2


def test_subscribe_page_has_one_form_and_no_footer_box(client):
    response = client.get("/newsletter/subscribe/")

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count('id="newsletter-email"') == 1
