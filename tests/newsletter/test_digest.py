"""What a digest may contain, for whom; discreet mode; no empty digest."""

import re
from datetime import timedelta
from email.utils import parseaddr

import pytest
from django.core import mail
from django.utils import timezone

from moderation.models import ModerationState
from newsletter import services
from newsletter.models import Delivery, Subscriber
from tests.factories import TopicFactory, UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

from .factories import ArticleFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

HEALTH_WORDS = re.compile(
    r"cancer|breast|tumou?r|chemo|her2|oncolog|diagnos|treatment|therapy|trastuzumab|"
    r"mastectomy|radiation|metasta|bc\b|mybcteam",
    re.IGNORECASE,
)


def _send_digest() -> dict[str, mail.EmailMultiAlternatives]:
    services.send_fan_out(send_id=services.send_create_digest().id)
    return {m.to[0]: m for m in mail.outbox}  # type: ignore[misc]


def _all_text(message: mail.EmailMultiAlternatives) -> str:
    html = "".join(str(body) for body, _ in message.alternatives)
    return f"{message.subject}\n{message.body}\n{html}"


def test_digest_for_a_visitor_has_titles_only_and_no_member_text():
    # given: a visible question with a member-only body and answer, and a hidden question
    question = QuestionFactory.create(
        title="Did anyone else lose their taste?", body="PRIVATE-QUESTION-BODY"
    )
    AnswerFactory.create(question=question, body="PRIVATE-ANSWER-BODY")
    QuestionFactory.create(title="HIDDEN-QUESTION", moderation_state=ModerationState.HIDDEN)
    article = ArticleFactory.create()
    SubscriberFactory.create(email="visitor@example.org")

    messages = _send_digest()

    text = _all_text(messages["visitor@example.org"])
    assert question.title in text
    assert article.title in text
    for secret in ("PRIVATE-QUESTION-BODY", "PRIVATE-ANSWER-BODY", "HIDDEN-QUESTION"):
        assert secret not in text
    assert question.author.display_name not in text


def test_digest_for_a_member_leaves_out_what_they_took_part_in_and_member_text():
    member = UserFactory.create()
    SubscriberFactory.create(email=member.email, member=member)
    asked = QuestionFactory.create(title="The question I asked myself", author=member)
    answered = QuestionFactory.create(title="The question I answered")
    AnswerFactory.create(question=answered, author=member, body="MY-OWN-ANSWER")
    other = QuestionFactory.create(title="A question I have not seen", body="OTHER-BODY")
    ArticleFactory.create(title="A new article for everyone")

    messages = _send_digest()

    text = _all_text(messages[member.email])
    assert other.title in text
    assert "A new article for everyone" in text
    assert asked.title not in text
    assert answered.title not in text
    assert "MY-OWN-ANSWER" not in text
    assert "OTHER-BODY" not in text


def test_digest_is_personalised_by_topics():
    chemo, surgery = TopicFactory.create(name="Chemo"), TopicFactory.create(name="Surgery")
    mine = ArticleFactory.create(title="About my topic")
    mine.topics.set([chemo])
    ArticleFactory.create(title="About another topic").topics.set([surgery])
    subscriber = SubscriberFactory.create(email="topical@example.org")
    subscriber.topics.set([chemo])

    messages = _send_digest()

    text = _all_text(messages["topical@example.org"])
    assert "About my topic" in text
    assert "About another topic" not in text


def test_digest_with_nothing_new_is_not_sent():
    ArticleFactory.create(published_at=timezone.now() - timedelta(days=3))
    SubscriberFactory.create(email="uptodate@example.org", last_digest_at=timezone.now())

    messages = _send_digest()

    assert messages == {}
    assert Delivery.objects.get().state == Delivery.State.SKIPPED


def test_digest_moves_each_subscribers_window_forward():
    ArticleFactory.create(title="First week")
    SubscriberFactory.create(email="weekly@example.org")
    _send_digest()
    mail.outbox.clear()

    messages = _send_digest()

    assert messages == {}


def test_digest_discreet_mode_has_neutral_sender_subject_and_preview():
    ArticleFactory.create(title="Trastuzumab and HER2-positive breast cancer")
    SubscriberFactory.create(email="shared@example.org", discreet=True)

    messages = _send_digest()

    message = messages["shared@example.org"]
    assert not HEALTH_WORDS.search(str(message.subject)), message.subject
    sender_name, _ = parseaddr(message.from_email)
    assert sender_name == "Weekly update"
    html = str(message.alternatives[0][0])
    preview = re.search(r'<div class="preview"[^>]*>(.*?)</div>', html, re.S)
    assert preview is not None
    assert preview.group(1).strip()
    assert not HEALTH_WORDS.search(preview.group(1)), preview.group(1)


def test_digest_skips_paused_unconfirmed_and_digest_off_subscribers():
    ArticleFactory.create()
    SubscriberFactory.create(email="on@example.org")
    SubscriberFactory.create(
        email="paused@example.org", paused_until=timezone.now() + timedelta(weeks=1)
    )
    SubscriberFactory.create(email="pending@example.org", state=Subscriber.State.PENDING)
    SubscriberFactory.create(email="off@example.org", digest_enabled=False)
    SubscriberFactory.create(
        email="resumed@example.org", paused_until=timezone.now() - timedelta(days=1)
    )

    messages = _send_digest()

    assert set(messages) == {"on@example.org", "resumed@example.org"}


def test_chunk_renderer_renders_and_asks_for_articles_once_per_send_in_a_process(monkeypatch):
    from newsletter.models import Send
    from newsletter.selectors import Recipient
    from newsletter.services import rendering

    ArticleFactory.create(title="Sleep after surgery")
    first, second = SubscriberFactory.create_batch(2)
    send = Send.objects.get(id=services.send_create_digest().id)
    renders: list[str] = []
    article_queries: list[object] = []
    real_render, real_articles = rendering.email_render, rendering.digest_articles_since

    def counted_render(**kw):
        renders.append(kw["template"])
        return real_render(**kw)

    def counted_articles(**kw):
        article_queries.append(kw)
        return real_articles(**kw)

    monkeypatch.setattr(rendering, "email_render", counted_render)
    monkeypatch.setattr(rendering, "digest_articles_since", counted_articles)

    # two chunks of the same send, each with one subscriber who gets the same digest
    emails = [
        rendering.ChunkRenderer(send=send, subscribers=[Recipient.of(s)]).email_for(
            subscriber=s, delivery_id=i
        )
        for i, s in enumerate([first, second], start=1)
    ]

    assert all(email is not None for email in emails)
    assert renders == ["newsletter/digest"]
    assert len(article_queries) == 1
    assert [e.subscriber.email for e in emails if e] == [first.email, second.email]
