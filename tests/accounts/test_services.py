"""accounts.services: health-data consent, the settings save, and erasure."""

from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from accounts.consent import HEALTH_CONSENT_VERSION
from accounts.erasure import register_eraser, unregister_eraser
from accounts.models import HealthDataConsent, Profile, User, Visibility
from accounts.services import (
    FORMER_MEMBER,
    health_consent_active,
    health_consent_give,
    member_erase,
    member_settings_update,
)
from core.mail.models import OutboxMessage
from core.mail.services import email_enqueue_rendered
from tests.articles.factories import CommentFactory
from tests.factories import UserFactory, treatment

from .factories import member_with_profile

pytestmark = pytest.mark.django_db

HEALTH = {
    "diagnosis_type": "idc",
    "diagnosis_type_visibility": Visibility.MEMBERS,
    "her2_status": "positive",
    "her2_status_visibility": Visibility.MEMBERS,
    "stage": "2",
    "stage_visibility": Visibility.MEMBERS,
    "treatments_visibility": Visibility.MEMBERS,
    "year_diagnosed": 2023,
}


def _settings(user: User, *, consent: bool, **profile_data: Any) -> User:
    return member_settings_update(
        user=user,
        display_name=user.display_name,
        prefers_larger_text=False,
        health_consent=consent,
        profile_data=profile_data,
        current_treatments=[treatment("trastuzumab")] if consent else (),
    )


# --- health_consent_give, health_consent_active ---


def test_health_consent_give_records_the_current_wording():
    user = UserFactory.create()

    consent = health_consent_give(user=user)

    assert consent.wording_version == HEALTH_CONSENT_VERSION
    assert consent.withdrawn_at is None
    assert health_consent_active(user=user)


def test_health_consent_give_is_idempotent_while_a_consent_is_active():
    user = UserFactory.create()

    first = health_consent_give(user=user)
    second = health_consent_give(user=user)

    assert first.pk == second.pk
    assert HealthDataConsent.objects.filter(user=user).count() == 1


def test_health_consent_give_after_a_withdrawal_records_a_new_consent_and_keeps_the_old():
    user = UserFactory.create()
    old = health_consent_give(user=user)
    HealthDataConsent.objects.filter(pk=old.pk).update(withdrawn_at=timezone.now())

    new = health_consent_give(user=user)

    assert new.pk != old.pk
    assert HealthDataConsent.objects.filter(user=user).count() == 2
    assert health_consent_active(user=user)


def test_health_consent_active_is_false_without_a_consent_and_after_withdrawal():
    user = UserFactory.create()
    never = health_consent_active(user=user)
    consent = health_consent_give(user=user)
    HealthDataConsent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())

    withdrawn = health_consent_active(user=user)

    assert (never, withdrawn) == (False, False)


# --- member_settings_update: consent recorded, withdrawn ---


def test_member_settings_update_with_consent_records_it_and_stores_health_details():
    user = UserFactory.create()

    _settings(user, consent=True, bio="Hello", **HEALTH)

    profile = Profile.objects.get(user=user)
    assert (profile.her2_status, profile.stage, profile.year_diagnosed) == ("positive", "2", 2023)
    assert profile.bio == "Hello"
    assert [t.slug for t in profile.current_treatments.all()] == ["trastuzumab"]
    assert health_consent_active(user=user)


def test_member_settings_update_without_consent_refuses_to_store_health_details():
    user = UserFactory.create()

    _settings(user, consent=False, bio="Hello", **HEALTH)

    profile = Profile.objects.get(user=user)
    assert (profile.her2_status, profile.stage, profile.year_diagnosed) == ("", "", None)
    assert profile.bio == "Hello"  # the plain fields are saved all the same
    assert not HealthDataConsent.objects.filter(user=user).exists()


def test_member_settings_update_unticking_consent_withdraws_it_and_erases_health_details():
    user = UserFactory.create()
    _settings(user, consent=True, bio="Hello", **HEALTH)

    _settings(user, consent=False, bio="Hello")

    consent = HealthDataConsent.objects.get(user=user)
    assert consent.withdrawn_at is not None  # the record of what was agreed stays
    profile = Profile.objects.get(user=user)
    assert (profile.diagnosis_type, profile.her2_status, profile.stage) == ("", "", "")
    assert profile.year_diagnosed is None
    assert profile.current_treatments.count() == 0
    assert profile.her2_status_visibility == Visibility.ONLY_ME
    assert profile.treatments_visibility == Visibility.ONLY_ME
    assert profile.bio == "Hello"


def test_member_settings_update_saves_name_and_reading_preference():
    user = UserFactory.create(prefers_larger_text=False)

    member_settings_update(
        user=user,
        display_name="Quiet Heron",
        prefers_larger_text=True,
        health_consent=False,
        profile_data={},
    )

    user.refresh_from_db()
    assert (user.display_name, user.prefers_larger_text) == ("Quiet Heron", True)


# --- member_erase: what is scrubbed, what stays, idempotency ---


def test_member_erase_scrubs_identity_sign_in_and_privileges():
    user = member_with_profile(bio="My story", her2_status="positive", treatments=("tamoxifen",))
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.get_or_create(name="Editors")[0])
    user.user_permissions.add(Permission.objects.get(codename="view_user"))
    email, handle = user.email, user.handle

    erased = member_erase(user=user)

    erased.refresh_from_db()
    assert erased.email.startswith(f"erased-{user.pk}-")
    assert erased.email.endswith("@erased.invalid")
    assert email not in erased.email
    assert erased.display_name == FORMER_MEMBER
    assert erased.handle != handle
    assert (erased.is_active, erased.is_staff, erased.is_superuser) == (False, False, False)
    assert erased.prefers_larger_text is False
    assert not erased.has_usable_password()
    assert erased.erased_at is not None
    assert not erased.groups.exists()
    assert not erased.user_permissions.exists()


def test_member_erase_replaces_the_profile_and_deletes_consents_addresses_and_emails():
    user = member_with_profile(bio="My story", her2_status="positive", treatments=("tamoxifen",))
    EmailAddress.objects.create(user=user, email="second@example.com", verified=True)
    email_enqueue_rendered(kind="test", to=user.email, subject="Hi", body_text="Hi")
    email_enqueue_rendered(kind="test", to="second@example.com", subject="Hi", body_text="Hi")
    old_profile_id = user.profile.pk

    member_erase(user=user)

    profile = Profile.objects.get(user=user)
    assert profile.pk != old_profile_id
    assert (profile.bio, profile.her2_status) == ("", "")
    assert profile.current_treatments.count() == 0
    assert not HealthDataConsent.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not OutboxMessage.objects.exists()


def test_member_erase_keeps_the_row_their_posts_and_everyone_elses_data():
    user = UserFactory.create()
    other = member_with_profile(bio="Other's story")
    comment = CommentFactory.create(author=user, body="What helped me")
    email_enqueue_rendered(kind="test", to=other.email, subject="Hi", body_text="Hi")

    member_erase(user=user)

    comment.refresh_from_db()
    assert comment.author_id == user.pk
    assert comment.body == "What helped me"
    assert str(User.objects.get(pk=user.pk)) == FORMER_MEMBER
    assert Profile.objects.get(user=other).bio == "Other's story"
    assert HealthDataConsent.objects.filter(user=other).exists()
    assert list(OutboxMessage.objects.values_list("to_email", flat=True)) == [other.email]


def test_member_erase_runs_registered_erasers_while_the_address_still_exists():
    user = UserFactory.create(email="leaving@example.com")
    seen: list[str] = []
    register_eraser("test_seen", lambda erased: seen.append(erased.email))
    try:
        member_erase(user=user)
    finally:
        unregister_eraser("test_seen")

    assert seen == ["leaving@example.com"]


def test_member_erase_a_second_time_changes_nothing_and_runs_no_eraser():
    user = UserFactory.create()
    first = member_erase(user=user)
    calls: list[int] = []
    register_eraser("test_calls", lambda erased: calls.append(erased.pk))
    try:
        second = member_erase(user=user)
    finally:
        unregister_eraser("test_calls")

    assert calls == []
    assert (second.email, second.handle, second.erased_at) == (
        first.email,
        first.handle,
        first.erased_at,
    )
