"""Behaviour that only PostgreSQL can prove: real concurrency, trigram similarity."""

import threading
from http import HTTPStatus

import pytest
from django.db import connection, connections

from forum import selectors, services
from forum.models import Question
from tests.factories import UserFactory

from .factories import QuestionFactory

pytestmark = pytest.mark.postgres


def _in_threads(work, count):
    barrier = threading.Barrier(count)
    errors = []

    def run(i):
        try:
            barrier.wait(timeout=10)
            work(i)
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return errors


@pytest.mark.django_db(transaction=True)
def test_answer_create_concurrent_counts_are_exact(settings, topic):
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    question = QuestionFactory.create(topics=[topic])
    authors = [UserFactory.create() for _ in range(8)]
    hug_members = [UserFactory.create() for _ in range(8)]

    def work(i):
        services.answer_create(question=question, author=authors[i], body=f"Answer {i}")
        services.question_hug_set(member=hug_members[i], target=question, hugged=True)
        services.question_hug_set(member=hug_members[i], target=question, hugged=True)

    errors = _in_threads(work, 8)

    question.refresh_from_db()
    assert errors == []
    assert question.answer_count == 8
    assert question.hug_count == 8
    latest = question.answers.order_by("-created_at")[0]
    assert question.last_activity_at >= latest.created_at


def test_similar_questions_uses_trigrams(db):
    match = QuestionFactory.create(title="What are symptoms after the first round of TCHP?")
    QuestionFactory.create(title="Is ER HER2- the same as HER2-positive?")

    found = selectors.similar_questions(title="symptoms after first TCHP round")

    assert [q.pk for q in found] == [match.pk]


def test_search_vector_kept_by_trigger(db):
    question = QuestionFactory.create(title="How did radiation feel?", body="Tamoxifen too")

    Question.objects.filter(pk=question.pk).update(body="Now about anastrozole")

    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM forum_question WHERE id=%s", [question.pk])
        vector = cursor.fetchone()[0]
    assert "anastrozol" in vector
    assert "tamoxifen" not in vector
    assert "'radiat':4a" in vector or "radiat" in vector


@pytest.mark.parametrize("title", ["What about\x00this?", "x" * 10000, "🌸🌸🌸 what now?"])
def test_ask_bad_input_never_500_on_postgres(client, member, topic, title):
    client.force_login(member)

    response = client.post("/questions/ask/", {"title": title, "topics": [topic.pk]})

    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.FOUND, HTTPStatus.OK)
