"""allauth customisation: pseudonymous handles, and every email through the outbox."""

from typing import Any
from urllib.parse import quote, urlencode

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from core.mail.services import email_enqueue

from .handles import handle_for
from .models import Profile, User

# Context values allauth passes that must never reach a template (and so never an email).
_DROPPED_CONTEXT_KEYS = {"request"}


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"].strip()
        user.handle = handle_for(user.display_name)
        if commit:
            user.save()
            Profile.objects.get_or_create(user=user)
        return user

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
