"""accounts.demo: the demo members hold only values a member could choose herself."""

import pytest

from accounts import demo
from accounts.models import Profile

pytestmark = pytest.mark.django_db

_CHOICES: dict[str, list[str]] = {
    "role": Profile.Role.values,
    "diagnosis_type": Profile.DiagnosisType.values,
    "her2_status": Profile.HER2Status.values,
    "hormone_status": Profile.HormoneStatus.values,
    "stage": Profile.Stage.values,
    "age_range": Profile.AgeRange.values,
}


def test_demo_seed_gives_every_member_only_valid_profile_choices():
    demo.seed()

    invalid = {
        (profile.user.display_name, name, getattr(profile, name))
        for profile in Profile.objects.select_related("user")
        for name, allowed in _CHOICES.items()
        if getattr(profile, name) and getattr(profile, name) not in allowed
    }

    assert Profile.objects.count() > 10
    assert invalid == set()


def test_demo_members_cover_every_age_band_a_member_can_choose():
    demo.seed()

    used = set(Profile.objects.exclude(age_range="").values_list("age_range", flat=True))

    assert used == set(Profile.AgeRange.values)
