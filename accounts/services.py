"""Every write about a member: settings, health-data consent, erasure."""

import secrets
from collections.abc import Iterable
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from catalogue.models import Treatment
from core.mail.models import OutboxMessage

from .consent import HEALTH_CONSENT_VERSION
from .erasure import erasers
from .handles import handle_for
from .models import HealthDataConsent, Profile, User, Visibility
from .photo_store import photo_files_delete

FORMER_MEMBER = "Former member"
# Fields of Profile that are health data (GDPR art. 9) and their visibility fields.
HEALTH_VALUE_FIELDS = ("diagnosis_type", "her2_status", "hormone_status", "stage")
HEALTH_VISIBILITY_FIELDS = (
    "diagnosis_type_visibility",
    "year_diagnosed_visibility",
    "her2_status_visibility",
    "hormone_status_visibility",
    "stage_visibility",
    "treatments_visibility",
)
PROFILE_PLAIN_FIELDS = (
    "role",
    "role_visibility",
    "bio",
    "bio_visibility",
    "bad_day_answer",
    "bad_day_answer_visibility",
    "age_range",
    "age_range_visibility",
    "region",
    "region_visibility",
    "show_posts_on_activities",
    "team_count_visibility",
)
# The member's email choices besides replies (activities' emails and discreet mode).
# Which notifications come by email is chosen per kind in notifications' preferences.
EMAIL_CHOICE_FIELDS = ("discreet_email",)


def health_consent_active(*, user: User) -> bool:
    """Whether the member has a consent to store health details that is not withdrawn."""
    return HealthDataConsent.objects.filter(user=user, withdrawn_at__isnull=True).exists()


def health_consent_give(*, user: User) -> HealthDataConsent:
    """Record consent to the current wording; idempotent while a consent is active."""
    consent = HealthDataConsent.objects.filter(
        user=user, withdrawn_at__isnull=True, wording_version=HEALTH_CONSENT_VERSION
    ).first()
    if consent is None:
        consent = HealthDataConsent.objects.create(
            user=user, wording_version=HEALTH_CONSENT_VERSION
        )
    return consent


def _health_clear(profile: Profile) -> None:
    for name in HEALTH_VALUE_FIELDS:
        setattr(profile, name, "")
    profile.year_diagnosed = None
    for name in HEALTH_VISIBILITY_FIELDS:
        setattr(profile, name, Visibility.ONLY_ME)
    profile.current_treatments.clear()
    profile.past_treatments.clear()


@transaction.atomic
def member_settings_update(
    *,
    user: User,
    display_name: str,
    prefers_larger_text: bool,
    health_consent: bool,
    profile_data: dict[str, Any],
    current_treatments: Iterable[Treatment] = (),
    past_treatments: Iterable[Treatment] = (),
    email_choices: dict[str, bool] | None = None,
) -> User:
    """Save the settings page. Health details are stored only under an active consent;
    unticking consent withdraws it and erases them."""
    user.display_name = display_name
    user.prefers_larger_text = prefers_larger_text
    chosen = [name for name in EMAIL_CHOICE_FIELDS if name in (email_choices or {})]
    for name in chosen:
        setattr(user, name, bool((email_choices or {})[name]))
    user.save(update_fields=["display_name", "prefers_larger_text", *chosen])

    profile, _ = Profile.objects.get_or_create(user=user)
    for name in PROFILE_PLAIN_FIELDS:
        if name in profile_data:
            setattr(profile, name, profile_data[name])
    _health_apply(
        user=user,
        profile=profile,
        health_consent=health_consent,
        profile_data=profile_data,
        current_treatments=current_treatments,
        past_treatments=past_treatments,
    )
    return user


@transaction.atomic
def profile_health_update(
    *,
    user: User,
    health_consent: bool,
    profile_data: dict[str, Any],
    current_treatments: Iterable[Treatment] = (),
    past_treatments: Iterable[Treatment] = (),
) -> Profile:
    """Save only the health details and their visibility (the welcome flow's step), under the
    same consent rule as the settings page: without consent nothing is stored, and unticking
    an active consent withdraws it and erases them."""
    profile, _ = Profile.objects.get_or_create(user=user)
    _health_apply(
        user=user,
        profile=profile,
        health_consent=health_consent,
        profile_data=profile_data,
        current_treatments=current_treatments,
        past_treatments=past_treatments,
    )
    return profile


def profile_role_update(*, user: User, role: str, role_visibility: str) -> Profile:
    """Save how breast cancer touches her life and who may see it."""
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.role = role
    profile.role_visibility = role_visibility
    profile.full_clean()
    profile.save(update_fields=["role", "role_visibility", "updated_at"])
    return profile


def _health_apply(
    *,
    user: User,
    profile: Profile,
    health_consent: bool,
    profile_data: dict[str, Any],
    current_treatments: Iterable[Treatment],
    past_treatments: Iterable[Treatment],
) -> None:
    if health_consent:
        health_consent_give(user=user)
        for name in (*HEALTH_VALUE_FIELDS, *HEALTH_VISIBILITY_FIELDS):
            if name in profile_data:
                setattr(profile, name, profile_data[name] or "")
        profile.year_diagnosed = profile_data.get("year_diagnosed")
        profile.full_clean()
        profile.save()
        profile.current_treatments.set(list(current_treatments))
        profile.past_treatments.set(list(past_treatments))
    else:
        if health_consent_active(user=user):
            HealthDataConsent.objects.filter(user=user, withdrawn_at__isnull=True).update(
                withdrawn_at=timezone.now()
            )
        _health_clear(profile)
        profile.full_clean()
        profile.save()


def _placeholder_email(user: User) -> str:
    # ".invalid" is reserved (RFC 2606): mail to it can never be delivered.
    return f"erased-{user.pk}-{secrets.token_hex(6)}@erased.invalid"


@transaction.atomic
def member_erase(*, user: User) -> User:
    """Erase a member's personal data; their posts stay, credited "Former member".

    Registered erasers (accounts.erasure) run first, while the email address still exists,
    so that for example a newsletter subscription can be ended. Idempotent.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return user
    for _name, eraser in erasers():
        eraser(user)

    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    # Copies of emails to them (sent or still queued) hold their address and name.
    OutboxMessage.objects.filter(to_email__in=addresses).delete()
    HealthDataConsent.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # The photo files go from storage now, not only the row that names them.
    photo_key = Profile.objects.filter(user=user).values_list("photo_key", flat=True).first()
    photo_files_delete(key=photo_key or "")
    Profile.objects.filter(user=user).delete()
    Profile.objects.create(user=user)

    user.email = _placeholder_email(user)
    user.display_name = FORMER_MEMBER
    user.handle = handle_for(f"former-member-{secrets.token_hex(4)}")
    for name in EMAIL_CHOICE_FIELDS:
        setattr(user, name, False)
    user.prefers_larger_text = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    # A new unusable password changes the session hash, which ends every session of theirs.
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    cache.delete("accounts:member_count")
    return user
