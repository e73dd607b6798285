import pytest
from django.contrib.auth.models import Group, Permission

from tests.factories import UserFactory

from .factories import ArticleFactory


@pytest.fixture(autouse=True)
def _established_members(settings):
    """Members here are past the new-member review window and its hourly limits."""
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000
    settings.SITE_URL = "https://mybcteam.example"


@pytest.fixture
def article(db: None):
    return ArticleFactory.create()


@pytest.fixture
def editor(db: None):
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db: None):
    user = UserFactory.create(is_staff=True)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    user.groups.add(group)
    return user
