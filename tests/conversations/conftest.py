import pytest

from tests.activities.factories import team_link
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _messaging_settings(settings):
    """Established members with no post-count threshold; tests that need one set it."""
    settings.MODERATION_LINK_TRUST_POSTS = 0
    settings.SITE_URL = "https://mybcteam.example"


@pytest.fixture
def rosa(db: None):
    return UserFactory.create(display_name="Rosa")


@pytest.fixture
def ines(rosa):
    """On Rosa's team."""
    other = UserFactory.create(display_name="Ines")
    team_link(rosa, other)
    return other


@pytest.fixture
def paula(db: None):
    """Not on Rosa's team."""
    return UserFactory.create(display_name="Paula")


@pytest.fixture
def moderator(db: None):
    from django.contrib.auth.models import Group, Permission

    user = UserFactory.create(is_staff=True, display_name="Mod Maya")
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    user.groups.add(group)
    return user
