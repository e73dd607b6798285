import pytest

from tests.factories import UserFactory

from .factories import team_link


@pytest.fixture(autouse=True)
def _established_members(settings):
    """Members here are past the new-member review window and its hourly limits."""
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000
    settings.SITE_URL = "https://mybcteam.example"


@pytest.fixture
def author(db: None):
    return UserFactory.create(display_name="Rosa")


@pytest.fixture
def mate(author):
    """A member on the author's team."""
    other = UserFactory.create(display_name="Ines")
    team_link(author, other)
    return other


@pytest.fixture
def stranger(db: None):
    """A member, not on the author's team."""
    return UserFactory.create(display_name="Paula")


@pytest.fixture
def moderator(db: None):
    from django.contrib.auth.models import Group, Permission

    user = UserFactory.create(is_staff=True, display_name="Mod Maya")
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    user.groups.add(group)
    return user
