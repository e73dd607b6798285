"""The request type of views behind `login_required`, so type checkers know its user."""

from django.http import HttpRequest

from .models import User


class MemberRequest(HttpRequest):
    """A request `login_required` let through: its user is a logged-in, active member.

    Only an annotation (django-stubs' pattern for authenticated requests); Django passes its
    own request object, and inactive accounts cannot be logged in (ModelBackend refuses them).
    """

    user: User
