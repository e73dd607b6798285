"""Page-cache versioning by registration: only the models apps register move the version."""

import pytest
from django.utils import timezone

from articles.models import Article, ArticleSuggestedQuestion, Comment
from catalogue.models import Topic, Treatment
from core import public_pages_signals
from core.mail.models import OutboxMessage
from core.public_pages import public_pages_version
from core.public_pages_signals import public_models, public_models_register
from forum.models import Answer, Question
from tests.factories import TopicFactory
from tests.forum.factories import QuestionFactory
from treatments.models import GuideReference, SuggestedQuestion, TreatmentFigures, TreatmentGuide


@pytest.fixture
def registry(monkeypatch):
    """A copy of the registered models for the test; the apps' own come back afterwards."""
    monkeypatch.setattr(public_pages_signals, "_public_models", set(public_models()))


def _outbox_message() -> OutboxMessage:
    return OutboxMessage.objects.create(
        kind="tests/ping",
        to_email="member@example.com",
        from_email="site@example.com",
        subject="Ping",
        body_text="Ping",
        next_attempt_at=timezone.now(),
    )


def test_public_models_the_apps_register_what_visitors_see():
    assert public_models() == {
        Article,
        ArticleSuggestedQuestion,
        Topic,
        Treatment,
        TreatmentGuide,
        GuideReference,
        SuggestedQuestion,
        TreatmentFigures,
        Comment,
        Question,
        Answer,
    }


def test_public_models_register_a_registered_models_save_bumps_the_version(db, registry):
    public_models_register(OutboxMessage)
    before = public_pages_version()

    _outbox_message()

    assert public_pages_version() != before


def test_public_models_register_an_unregistered_models_save_keeps_the_version(db):
    before = public_pages_version()

    message = _outbox_message()
    message.delete()

    assert public_pages_version() == before


def test_public_models_register_an_apps_model_save_and_delete_bump_the_version(db):
    topic = TopicFactory.create()
    question = QuestionFactory.create(topics=[topic])
    before = public_pages_version()

    question.delete()
    after_delete = public_pages_version()
    topic.save()

    assert before != after_delete != public_pages_version()


def test_public_models_register_fixture_loading_keeps_the_version(db):
    before = public_pages_version()

    Topic(name="Loaded", slug="loaded").save_base(raw=True)

    assert public_pages_version() == before
