"""`{% resend_confirmation_form %}`: the "send me a new link" form on allauth's pages, whose
views we do not write, prefilled with the address this browser joined with."""

from typing import Any

from django import template

from ..forms import ResendConfirmationForm
from ..signup_form import SIGNUP_EMAIL_SESSION_KEY

register = template.Library()


@register.inclusion_tag("account/includes/resend_form.html", takes_context=True)
def resend_confirmation_form(context: template.Context) -> dict[str, Any]:
    form = context.get("resend_form")
    if form is None:
        request = context.get("request")
        session = getattr(request, "session", None)
        email = session.get(SIGNUP_EMAIL_SESSION_KEY, "") if session is not None else ""
        form = ResendConfirmationForm(initial={"email": email})
    return {"resend_form": form, "csrf_token": context.get("csrf_token")}
