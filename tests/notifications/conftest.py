import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _established_members(settings):
    """Members here are past the new-member review window and its hourly limits."""
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000
    settings.SITE_URL = "https://mybcteam.example"


@pytest.fixture
def rosa(db: None):
    return UserFactory.create(display_name="Rosa")


@pytest.fixture
def amber(db: None):
    return UserFactory.create(display_name="AmberAster")


@pytest.fixture
def bea(db: None):
    return UserFactory.create(display_name="Bea")
