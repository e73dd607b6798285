"""allauth customisation: pseudonymous handles, and every email through the outbox."""

from typing import Any
from urllib.parse import quote, urlencode

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from core.mail.services import email_enqueue

from .handles import handle_for
from .joined import member_joined_tell
from .models import Profile, User

# Context values allauth passes that must never reach a template (and so never an email).
_DROPPED_CONTEXT_KEYS = {"request"}


# allauth's messages a newcomer meets, in this community's words.
_OUR_ERROR_MESSAGES = {
    "account_inactive": "This account is closed, so it cannot log in.",
    "email_password_mismatch": (
        "That email address and password do not match an account. Please check both; "
        "the password is case-sensitive."
    ),
    "enter_current_password": "Please type your current password.",
    "incorrect_password": "That password is not right.",
    "invalid_login": "We could not log you in with those details. Please check them.",
    "too_many_login_attempts": (
        "Too many tries to log in to this account. Please wait five minutes, or choose a "
        "new password with “Forgotten your password?”."
    ),
    "unverified_primary_email": "Please confirm this address first.",
    "rate_limited": "That was a lot of requests in a short time. Please wait a minute.",
}
# The other ways to prove it is you, by allauth's id, in our words ("log-in code").
_REAUTHENTICATION_WORDS = {
    "reauthenticate": "Use my password",
    "reauthenticate_by_code": "Email me a log-in code",
    "mfa_reauthenticate": "Use my authenticator app or a recovery code",
    "mfa_reauthenticate:webauthn": "Use my security key",
}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {**DefaultAccountAdapter.error_messages, **_OUR_ERROR_MESSAGES}

    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"].strip()
        user.handle = handle_for(user.display_name)
        if commit:
            user.save()
            Profile.objects.get_or_create(user=user)
            member_joined_tell(user=user)
        return user

    def get_reauthentication_methods(self, user: Any) -> list[dict[str, Any]]:
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            method["description"] = _REAUTHENTICATION_WORDS.get(method["id"], method["description"])
        return methods

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # allauth names its templates account/email/<name> and mfa/email/<name>; ours are the
        # outbox triplet emails/allauth/<name>.subject.txt/.txt/.html extending emails/base.
        name = template_prefix.rsplit("/", 1)[-1]
        ctx = {k: v for k, v in context.items() if k not in _DROPPED_CONTEXT_KEYS}
        ctx.setdefault("email", email)
        email_enqueue(template=f"allauth/{name}", to=email, context=ctx)

    # Links in emails start from SITE_URL, never from the request's Host header.
    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation: Any) -> str:
        path = reverse("account_confirm_email", args=[emailconfirmation.key])
        return f"{settings.SITE_URL}{path}"

    def get_email_verification_redirect_url(self, email_address: Any) -> str:
        # Confirmed in another browser (or after the sign-up session lapsed): log in, then
        # the welcome flow, unless she has already been through it.
        if not self.request.user.is_authenticated and email_address.user.welcome_done_at is None:
            query = urlencode({"next": reverse("accounts:welcome")})
            return f"{reverse('account_login')}?{query}"
        return str(super().get_email_verification_redirect_url(email_address))

    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return f"{settings.SITE_URL}{path.replace('UID-KEY', quote(key))}"
