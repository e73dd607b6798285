"""Message bodies at rest: Fernet tokens under the keys in MESSAGES_ENCRYPTION_KEYS.

The setting lists keys newest first. New text is always encrypted with the first key; any key in
the list decrypts, so old messages stay readable while `manage.py messages_rekey` rewrites them
under the newest one (see docs/messages.md, "Rotating the key"). A database dump alone holds only
tokens. Without the setting (development and tests only: production refuses to start) the key is
derived from SECRET_KEY, so a fresh checkout works and its data means nothing elsewhere.
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def development_key(secret: str) -> str:
    """A Fernet key derived from SECRET_KEY: stable for one checkout, worthless for another."""
    digest = hashlib.sha256(f"mybcteam-messages:{secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def configured_keys() -> tuple[str, ...]:
    keys = tuple(str(key).strip() for key in settings.MESSAGES_ENCRYPTION_KEYS if str(key).strip())
    return keys or (development_key(settings.SECRET_KEY),)


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "MESSAGES_ENCRYPTION_KEYS: each key must be 32 url-safe base64-encoded bytes "
            "(make one with `python manage.py messages_new_key`)."
        ) from exc


def cipher() -> MultiFernet:
    return _multi(configured_keys())


def encrypt(text: str) -> str:
    return cipher().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "A message could not be decrypted with any key in MESSAGES_ENCRYPTION_KEYS: "
            "a key still in use was removed from the list."
        ) from exc


def rotate(token: str) -> str:
    """The same text under the newest key (decrypted with whichever key made it)."""
    return cipher().rotate(token.encode()).decode()


def is_current(token: str) -> bool:
    """Whether the token was made with the newest key (no rewrite needed)."""
    try:
        Fernet(configured_keys()[0]).decrypt(token.encode())
    except InvalidToken:
        return False
    return True
