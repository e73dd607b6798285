"""Signed, salted tokens for the links in every email: no login needed, no guessable ids."""

from datetime import timedelta

from django.core import signing

# Each purpose has its own salt, so a preferences token cannot confirm or unsubscribe.
PURPOSES = ("confirm", "unsubscribe", "preferences")
CONFIRM_MAX_AGE = timedelta(days=7)


class TokenInvalid(Exception):
    """The token was tampered with, is for another purpose, or has expired."""


def token_make(*, subscriber_id: int, purpose: str) -> str:
    """A URL-safe token naming one subscriber for one purpose."""
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    return signing.dumps(subscriber_id, salt=f"newsletter.{purpose}", compress=False)


def token_read(*, token: str, purpose: str) -> int:
    """The subscriber id inside a valid token; raises TokenInvalid otherwise."""
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        value = signing.loads(token, salt=f"newsletter.{purpose}", max_age=max_age)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise TokenInvalid(str(exc)) from exc
    if not isinstance(value, int):
        raise TokenInvalid("not a subscriber token")
    return value
