import pytest

from moderation.models import ModerationState
from tests.factories import TopicFactory
from tests.forum.factories import AnswerFactory, QuestionFactory


@pytest.fixture(params=["embedded", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, settings, db):
    """Run the test on the embedded engine, and on PostgreSQL's when DATABASE_URL is set."""
    settings.USING_POSTGRES = request.param == "postgres"
    return request.param


@pytest.fixture(autouse=True)
def _established_members(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 0


@pytest.fixture
def corpus(db):
    topic = TopicFactory.create(name="Side effects", slug="side-effects")
    in_title = QuestionFactory.create(
        title="What helps neuropathy after docetaxel?", body="Fingers tingle.", topics=[topic]
    )
    in_body = QuestionFactory.create(
        title="How did you handle the first weeks?", body="My neuropathy is the worst part."
    )
    answer = AnswerFactory.create(question=in_body, body="Ice gloves eased my neuropathy a lot.")
    hidden = QuestionFactory.create(
        title="Is neuropathy permanent for everyone?", moderation_state=ModerationState.HIDDEN
    )
    pending = AnswerFactory.create(
        question=in_title, body="Pending neuropathy tip", moderation_state=ModerationState.PENDING
    )
    return {
        "topic": topic,
        "in_title": in_title,
        "in_body": in_body,
        "answer": answer,
        "hidden": hidden,
        "pending": pending,
    }
