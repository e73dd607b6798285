"""Staff powers need the second factor in this session when STAFF_REQUIRE_2FA is on.

A session that has not passed the second factor (allauth records the methods each session
used) gets a user object marked as acting without staff powers, so `core.viewer` answers for
it as for an ordinary member on every page. /admin/ sends such staff to turn on two-factor
authentication, or, when it is on, to enter the code for this session.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from core.viewer import viewer_staff_powers_withheld, viewer_staff_powers_withhold

from .models import User

SECOND_FACTOR_METHOD = "mfa"  # allauth's record for a TOTP or recovery code, at login or reauth


def session_passed_second_factor(request: HttpRequest, user: User) -> bool:
    """Whether this session's member entered a second factor (reads the session, no query)."""
    return any(
        record.get("method") == SECOND_FACTOR_METHOD
        for record in get_authentication_records(request, user)
    )


def _user_marked(request: HttpRequest) -> User:
    # Django's own cached user, so every reference to the request's user carries the mark.
    user = get_user(request)
    if user.is_authenticated and not session_passed_second_factor(request, user):
        viewer_staff_powers_withhold(user)
    return user  # type: ignore[return-value]


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.STAFF_REQUIRE_2FA:
            return self.get_response(request)
        # Lazy like AuthenticationMiddleware's: a request that never asks who is looking
        # loads nobody, and a member's check costs no query (the session is already read).
        request.user = SimpleLazyObject(lambda: _user_marked(request))  # type: ignore[assignment]
        if request.path.startswith("/admin/"):
            refusal = _admin_refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)


def _admin_refusal(request: HttpRequest) -> HttpResponse | None:
    """Where staff without the second factor in this session go instead of /admin/."""
    user = request.user
    if not (user.is_authenticated and (user.is_staff or user.is_superuser)):
        return None  # Django admin itself sends everyone else to its login page
    if not viewer_staff_powers_withheld(user):
        return None
    if not is_mfa_enabled(user):
        messages.warning(request, "Staff must turn on two-factor authentication to use admin.")
        return redirect("mfa_activate_totp")
    messages.info(request, "Enter the code from your authenticator app to use staff tools.")
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
