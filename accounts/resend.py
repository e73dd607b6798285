"""Send the confirmation link again, without logging in, and without telling who is a member.

Whatever the address, the page answers the same words and the same work is done: one lookup
and one email through the outbox. The email is what differs, and only its owner reads it: a
new link for an address waiting for confirmation, "already confirmed, log in" for a confirmed
one, "no account uses this address" for an unknown one (allauth's password reset answers an
unknown address the same way). Rate limits (ACCOUNT_RATE_LIMITS["resend_confirmation"]) count
per client address and per address typed, in the cache under allauth's "allauth:rl:" keys,
which stay in the database while Redis is down (core.cache).
"""

import enum

from allauth.account.models import EmailAddress
from allauth.core.ratelimit import consume
from django.db import transaction
from django.http import HttpRequest

from core.mail.services import email_enqueue

from .models import User

RATE_LIMIT_ACTION = "resend_confirmation"


class ResendOutcome(enum.Enum):
    """What happened; the page shows the first three alike."""

    LINK_SENT = "link_sent"
    ALREADY_CONFIRMED = "already_confirmed"
    NO_ACCOUNT = "no_account"
    RATE_LIMITED = "rate_limited"


def _address_for(email: str) -> EmailAddress | None:
    # Both lookups run whatever the first finds, so an unknown address costs no less.
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    user = User.objects.filter(email__iexact=email).first()
    if address is not None or user is None:
        return address
    # An account made outside sign-up (the admin, the shell) may have no address row yet.
    return EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)


@transaction.atomic
def confirmation_resend(*, request: HttpRequest, email: str) -> ResendOutcome:
    """Email `email` what it needs (a fresh link, "already confirmed" or "no account here"),
    unless a rate limit says wait. Same answer and cost whoever owns the address."""
    email = email.strip().lower()
    if not consume(request, action=RATE_LIMIT_ACTION, key=email):
        return ResendOutcome.RATE_LIMITED
    address = _address_for(email)
    if address is None:
        email_enqueue(template="allauth/unknown_account", to=email, context={"email": email})
        return ResendOutcome.NO_ACCOUNT
    if address.verified or not address.user.is_active:
        email_enqueue(
            template="accounts/already_confirmed",
            to=address.email,
            context={"email": address.email, "user": address.user},
        )
        return ResendOutcome.ALREADY_CONFIRMED
    # A new link (allauth's signed links need no row); the earlier ones keep working too.
    address.send_confirmation(request, signup=True)
    return ResendOutcome.LINK_SENT
