"""Small helpers the journeys share: emails from the outbox, links inside them, demo data."""

import re
import time
from typing import Any

from django.core import mail

from accounts.models import User

from .site_pages import DEMO_MEMBER_EMAIL, world_seed

LINK = re.compile(r"https?://[^\s\"'<>]+")


def email_to(address: str, *, containing: str = "", timeout: float = 10.0) -> Any:
    """The latest email sent to `address` (whose text contains `containing`), waiting for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in reversed(mail.outbox):
            if address in message.to and containing in f"{message.subject}\n{message.body}":
                return message
        time.sleep(0.1)
    sent = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"no email to {address} containing {containing!r}; sent: {sent}")


def link_in(message: Any, path_part: str) -> str:
    """The path of the first link in an email whose URL contains `path_part`.

    Emails link to SITE_URL; the journeys follow the path on the live server. The fragment is
    dropped so that following a link to the page already open still loads it again.
    """
    for url in LINK.findall(message.body):
        if path_part in url:
            return "/" + url.split("://", 1)[1].split("/", 1)[1].split("#", 1)[0]
    raise AssertionError(f"no link with {path_part!r} in:\n{message.body}")


def demo_member() -> User:
    return User.objects.get(email=DEMO_MEMBER_EMAIL)


__all__ = ["demo_member", "email_to", "link_in", "world_seed"]
