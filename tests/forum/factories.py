"""Forum factories: questions and answers created through the models, counts kept right."""

from datetime import timedelta
from typing import Any

import factory
from django.db.models import F
from django.utils import timezone

from forum.models import Answer, Question
from forum.services import question_slug
from moderation.models import ModerationState
from tests.factories import TopicFactory, UserFactory


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"How did you cope with side effect number {n}?")
    slug = factory.LazyAttribute(lambda o: question_slug(o.title))
    body = "I would love to hear how others managed the tiredness."
    body_html = "<p>I would love to hear how others managed the tiredness.</p>"
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def topics(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.topics.set(extracted if extracted is not None else [TopicFactory.create()])


class AnswerFactory(factory.django.DjangoModelFactory[Answer]):
    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(UserFactory)
    body = "What helped me was a short walk every morning."
    body_html = "<p>What helped me was a short walk every morning.</p>"

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Answer:
        answer = super()._create(model_class, *args, **kwargs)
        if answer.moderation_state == ModerationState.VISIBLE:
            Question.objects.filter(pk=answer.question_id).update(
                answer_count=F("answer_count") + 1, last_activity_at=answer.created_at
            )
        return answer


# --- a full first page of answers ---


def answers_fill_first_page(question) -> None:
    """A page of answers a minute apart from yesterday: the next answer lands on page two."""
    from forum.selectors import ANSWERS_PAGE_SIZE

    start = timezone.now() - timedelta(days=1)
    for n in range(ANSWERS_PAGE_SIZE):
        AnswerFactory.create(question=question, created_at=start + timedelta(minutes=n))
