"""allauth's sign-up form, made to cost the same whether or not the address is registered.

With enumeration prevention, allauth answers an existing address by emailing its owner and
skips creating the account, so that path skipped the password hash too: about 57 ms against
508 ms for a new address, enough to tell who is a member. Hashing the submitted password on
both paths makes the slow part the same. (Kept apart from accounts.forms: allauth imports that
module while building its own form classes.)
"""

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest


class SignupForm(AllauthSignupForm):
    def try_save(self, request: HttpRequest) -> tuple[Any, Any]:
        if self.account_already_exists:
            # The same work as setting the new account's password; the result is not kept.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)
