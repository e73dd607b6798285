import pytest
from django.contrib.auth.models import Group

from tests.factories import TopicFactory, UserFactory

from .factories import AnswerFactory, QuestionFactory


@pytest.fixture
def topic(db: None):
    return TopicFactory.create(name="HER2-positive", slug="her2-positive")


@pytest.fixture
def question(db: None, topic):
    return QuestionFactory.create(topics=[topic])


@pytest.fixture
def answer(question):
    return AnswerFactory.create(question=question)


@pytest.fixture
def moderator(db: None):
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return user
