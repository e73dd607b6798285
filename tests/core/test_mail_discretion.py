"""Discreet mode is asked of every app that keeps the choice, by address."""

import pytest

from core.mail.discretion import discreet_lookup_register, discreet_sender, email_is_discreet
from tests.newsletter.factories import SubscriberFactory


@pytest.fixture
def lookups(monkeypatch):
    from core.mail import discretion

    monkeypatch.setattr(discretion, "_lookups", dict(discretion._lookups))


def test_email_is_discreet_when_the_newsletter_holds_the_choice(db):
    SubscriberFactory.create(email="shared@example.org", discreet=True)
    SubscriberFactory.create(email="open@example.org", discreet=False)

    assert email_is_discreet(email="Shared@Example.org") is True
    assert email_is_discreet(email="open@example.org") is False
    assert email_is_discreet(email="nobody@example.org") is False


def test_email_is_discreet_any_registered_lookup_is_enough(db, lookups):
    discreet_lookup_register("other-app", lambda email: email == "quiet@example.org")

    assert email_is_discreet(email="quiet@example.org") is True


def test_discreet_sender_keeps_the_address_under_a_neutral_name(settings):
    settings.DEFAULT_FROM_EMAIL = "MyBCTeam <hello@mybcteam.example>"
    settings.NEWSLETTER_DISCREET_FROM_EMAIL = ""

    assert discreet_sender() == "Weekly update <hello@mybcteam.example>"


def test_discreet_sender_uses_the_configured_neutral_address(settings):
    settings.NEWSLETTER_DISCREET_FROM_EMAIL = "Updates <news@neutral.example>"

    assert discreet_sender() == "Updates <news@neutral.example>"
