"""allauth customisation: pseudonymous handles, and every email through the outbox."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from mybcteam.mail.services import email_enqueue

from .handles import handle_for
from .models import Profile


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        user.handle = handle_for(user.display_name)
        if commit:
            user.save()
            Profile.objects.get_or_create(user=user)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # allauth's templates live under templates/account/email/; the outbox renders them
        # through the same subject/text/html triplet as every other email of ours.
        email_enqueue(
            template=f"allauth/{template_prefix.rsplit('/', 1)[-1]}", to=email, context=context
        )
