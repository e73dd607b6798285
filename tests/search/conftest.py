import pytest


@pytest.fixture(autouse=True)
def _established_members(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 0
