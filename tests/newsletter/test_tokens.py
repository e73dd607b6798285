"""The signed tokens in every newsletter link."""

import time

import pytest
from django.core import signing

from newsletter.tokens import PURPOSES, TokenInvalid, token_make, token_read


@pytest.mark.parametrize("purpose", PURPOSES)
def test_token_make_is_exactly_what_django_signing_makes(monkeypatch, purpose):
    monkeypatch.setattr(time, "time", lambda: 1_796_000_000.25)

    made = token_make(subscriber_id=4821, purpose=purpose)

    assert made == signing.dumps(4821, salt=f"newsletter.{purpose}", compress=False)


def test_token_make_follows_the_secret_key(settings):
    before = token_make(subscriber_id=7, purpose="unsubscribe")
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"

    after = token_make(subscriber_id=7, purpose="unsubscribe")

    assert after != before
    assert token_read(token=after, purpose="unsubscribe") == 7


def test_token_read_refuses_a_token_made_for_another_purpose():
    token = token_make(subscriber_id=7, purpose="preferences")

    with pytest.raises(TokenInvalid):
        token_read(token=token, purpose="unsubscribe")
