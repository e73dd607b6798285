"""Helpers for accounts tests: members with a given profile."""

from typing import Any

from accounts.consent import HEALTH_CONSENT_VERSION
from accounts.models import HealthDataConsent, Profile, User
from tests.factories import UserFactory, treatment


def member_with_profile(*, treatments: tuple[str, ...] = (), **profile: Any) -> User:
    """A verified member whose profile has these values (and a health consent)."""
    user = UserFactory.create()
    HealthDataConsent.objects.create(user=user, wording_version=HEALTH_CONSENT_VERSION)
    Profile.objects.filter(user=user).update(**profile)
    if treatments:
        user.profile.refresh_from_db()
        user.profile.current_treatments.set([treatment(slug) for slug in treatments])
    return user
