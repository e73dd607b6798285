"""Discreet mode for every email a member gets, wherever she chose it.

A member who shares an inbox can ask for discreet mode (today in her newsletter preferences);
the app that keeps the choice registers a lookup from its AppConfig.ready(), so any app that
writes to a member asks here without importing that app. A discreet email has a neutral
sender name and a subject and preview with no health word and no site name (its initials say
"breast cancer").

    from core.mail.discretion import discreet_lookup_register
    discreet_lookup_register(lambda email: Subscriber.objects.filter(...).exists())
"""

from collections.abc import Callable
from email.utils import formataddr, parseaddr

from django.conf import settings

DISCREET_SENDER_NAME = "Weekly update"

DiscreetLookup = Callable[[str], bool]

_lookups: dict[str, DiscreetLookup] = {}


def discreet_lookup_register(name: str, lookup: DiscreetLookup) -> None:
    """Register (or replace) a lookup answering whether this address asked for discretion."""
    _lookups[name] = lookup


def email_is_discreet(*, email: str) -> bool:
    """Whether any registered app holds a discreet-mode choice for this address (a query each)."""
    return any(lookup(email) for lookup in _lookups.values())


def discreet_sender() -> str:
    """The From header of a discreet email: a configured neutral address, else a neutral name."""
    neutral = getattr(settings, "NEWSLETTER_DISCREET_FROM_EMAIL", "")
    if neutral:
        return str(neutral)
    _, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((DISCREET_SENDER_NAME, address))
