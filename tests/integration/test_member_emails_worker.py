"""The emails members wait for, end to end: a real Celery worker, Redis and SMTP server.

The morning after she asks, a member should find the answers in her inbox: these tests post
through the services (as the views do), let a worker pick the tasks off Redis, and read what
the SMTP server accepted.
"""

import time
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest

from articles import services as article_services
from core.mail.models import OutboxMessage
from forum import services as forum_services
from tests.articles.factories import ArticleFactory
from tests.factories import TopicFactory, UserFactory

from .smtp_sink import SmtpSink

pytestmark = [
    pytest.mark.integration,
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.timeout(120),
]


def _only_message_to(sink: SmtpSink, address: str) -> EmailMessage:
    found = [r for r in sink.handler.received if r.to == address]
    assert len(found) == 1, f"{address} received {len(found)} emails"
    message = message_from_bytes(found[0].data, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def test_a_new_answer_reaches_the_asker_by_email_once_and_never_its_author(start_worker, smtp_sink):
    start_worker()
    asker = UserFactory.create(email="asker@example.org")
    answerer = UserFactory.create(email="answerer@example.org")
    question = forum_services.question_create(
        author=asker,
        title="How did you manage the tiredness during TCHP?",
        body="Three weeks in and exhausted.",
        topics=[TopicFactory.create()],
    )

    forum_services.answer_create(
        question=question, author=answerer, body="Short walks every morning helped me."
    )

    assert smtp_sink.wait_for(1, timeout=60)
    time.sleep(1)  # a duplicate, if there were one, would arrive now
    assert smtp_sink.handler.per_recipient() == {"asker@example.org": 1}
    text = _text(_only_message_to(smtp_sink, "asker@example.org"))
    assert question.get_absolute_url() in text
    assert "unfollow" in text.lower() or "stop following" in text.lower()
    assert OutboxMessage.objects.get(to_email="asker@example.org").state == "sent"


def test_a_reply_to_a_comment_reaches_the_commenter_once(start_worker, smtp_sink):
    start_worker()
    commenter = UserFactory.create(email="commenter@example.org")
    replier = UserFactory.create(email="replier@example.org")
    article = ArticleFactory.create()
    comment = article_services.comment_create(
        article=article, author=commenter, body="Starting Phesgo next week, any tips?"
    )

    article_services.comment_create(
        article=article, author=replier, body="Bring a book, it is quick.", parent=comment
    )

    assert smtp_sink.wait_for(1, timeout=60)
    time.sleep(1)
    assert smtp_sink.handler.per_recipient() == {"commenter@example.org": 1}
    text = _text(_only_message_to(smtp_sink, "commenter@example.org"))
    assert "Bring a book" in text
    assert article.get_absolute_url() in text
