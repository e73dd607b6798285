import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from forum.models import QuestionFollow
from moderation.roles import moderators_group_sync
from tests.factories import TopicFactory, UserFactory

from .factories import AnswerFactory, QuestionFactory


@pytest.fixture
def topic(db: None):
    return TopicFactory.create(name="HER2-positive", slug="her2-positive")


@pytest.fixture
def question(db: None, topic):
    question = QuestionFactory.create(topics=[topic])
    QuestionFollow.objects.create(member=question.author, question=question)
    return question


@pytest.fixture
def answer(question):
    return AnswerFactory.create(question=question)


@pytest.fixture
def moderator(db: None):
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return user


@pytest.fixture(autouse=True)
def _established_members(settings):
    """Members in these tests are past the new-member review window and its hourly limits."""
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000


# --- a moderator with the moderators' permissions ---


@pytest.fixture
def forum_moderator(db: None) -> User:
    user = UserFactory.create(is_staff=True)
    user.groups.add(moderators_group_sync())
    return user
