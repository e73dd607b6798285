"""Who hears that a member joined (notifications registers its welcome), called in plain
sight by the sign-up adapter once her account exists."""

from collections.abc import Callable

from .models import User

JoinedListener = Callable[[User], None]
_listeners: dict[str, JoinedListener] = {}


def register_joined_listener(name: str, listener: JoinedListener) -> None:
    _listeners[name] = listener


def member_joined_tell(*, user: User) -> None:
    for listener in _listeners.values():
        listener(user)
