"""Erasure hooks: other apps register what they must do when a member erases their account.

    from accounts.erasure import register_eraser
    register_eraser("newsletter", lambda user: subscriber_forget(email=user.email))

Register from your AppConfig.ready(). Erasers run inside the erasure transaction, before the
email address is replaced, and must be idempotent. Posts are not erased: they stay, credited
"Former member".
"""

from collections.abc import Callable
from typing import Any

Eraser = Callable[[Any], None]

_ERASERS: dict[str, Eraser] = {}


def register_eraser(name: str, fn: Eraser) -> None:
    """Register (or replace) the eraser called `name`."""
    _ERASERS[name] = fn


def unregister_eraser(name: str) -> None:
    """Remove an eraser; used by tests."""
    _ERASERS.pop(name, None)


def erasers() -> list[tuple[str, Eraser]]:
    """The registered erasers in registration order."""
    return list(_ERASERS.items())
