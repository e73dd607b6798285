"""allauth's sign-up form, made to cost the same whether or not the address is registered.

With enumeration prevention, allauth answers an existing address by emailing its owner and
skips creating the account, so that path skipped the password hash too: about 57 ms against
508 ms for a new address, enough to tell who is a member. Hashing the submitted password on
both paths makes the slow part the same. (Kept apart from accounts.forms: allauth imports that
module while building its own form classes.)
"""

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest

# The address she joined with, so "send the link again" can offer it (accounts/resend.py).
SIGNUP_EMAIL_SESSION_KEY = "accounts_signup_email"


class SignupForm(AllauthSignupForm):
    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        if self.account_already_exists:
            # The same work as setting the new account's password; the result is not kept.
            make_password(self.cleaned_data.get("password1"))
        # Both paths remember the address alike: the session never tells which one ran.
        request.session[SIGNUP_EMAIL_SESSION_KEY] = self.cleaned_data.get("email", "")
        return super().try_save(request)


class LoginForm(AllauthLoginForm):
    """allauth's log-in form in the site's words ("Log in", never "Sign in")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].widget.attrs.pop("placeholder", None)
        # allauth's help text is a link in its own words; the page has our link instead.
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me logged in on this device"
            self.fields["remember"].help_text = "Leave this unticked on a shared computer."
