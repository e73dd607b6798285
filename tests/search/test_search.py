from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser

from moderation.models import ModerationState
from mybcteam.search import search_query_clean, site_search
from tests.factories import TopicFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

ANON = AnonymousUser()


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


def _urls(results):
    return [hit.url for hit in results.hits]


def test_site_search_title_match_ranks_above_body_match(corpus, member):
    results = site_search(query="neuropathy", viewer=member, kind="question")

    assert _urls(results)[:2] == [
        corpus["in_title"].get_absolute_url(),
        corpus["in_body"].get_absolute_url(),
    ]


def test_site_search_anonymous_never_sees_members_only_text(corpus):
    results = site_search(query="neuropathy", viewer=ANON)

    assert _urls(results) == [corpus["in_title"].get_absolute_url()]
    assert all(not hit.snippet for hit in results.hits)
    assert site_search(query="tingle", viewer=ANON).hits == []
    assert site_search(query="gloves", viewer=ANON, kind="answer").hits == []


def test_site_search_member_finds_answers_with_highlight(corpus, member):
    results = site_search(query="gloves", viewer=member)

    assert _urls(results) == [corpus["answer"].get_absolute_url()]
    assert "<mark>" in results.hits[0].snippet.lower()


def test_site_search_never_returns_hidden_or_pending(corpus, member):
    urls = _urls(site_search(query="neuropathy", viewer=member))

    assert corpus["hidden"].get_absolute_url() not in urls
    assert corpus["pending"].get_absolute_url() not in urls


def test_site_search_topic_filter(corpus, member):
    results = site_search(query="neuropathy", viewer=member, topic=corpus["topic"])

    assert _urls(results) == [corpus["in_title"].get_absolute_url()]


def test_site_search_snippet_is_escaped(db, member):
    question = QuestionFactory.create(title="Which wig shop?", body="<script>alert(1)</script> wig")

    results = site_search(query="wig", viewer=member)

    assert results.hits[0].url == question.get_absolute_url()
    assert "<script>" not in results.hits[0].snippet


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Type a word or two"),
        ("?!.,;:--", "at least one letter or number"),
        ("\x00\x00", "Type a word or two"),
    ],
)
def test_search_query_clean_explains_absurd_queries(raw, message):
    cleaned, text = search_query_clean(raw)

    assert cleaned == ""
    assert message in text


def test_search_query_clean_truncates_long_queries():
    cleaned, text = search_query_clean("chemo " * 2000)

    assert len(cleaned) <= 200
    assert "first 200 characters" in text


@pytest.mark.parametrize("q", ["", "x" * 10000, "!!!???", "a\x00b", '"unclosed OR -', "the and of"])
def test_search_page_absurd_queries_get_helpful_page(client, member, q, db):
    client.force_login(member)

    response = client.get("/search/", {"q": q, "page": "abc", "kind": "nope", "topic": "\x00"})

    assert response.status_code == HTTPStatus.OK


def test_search_page_anonymous_kind_answer_asks_to_log_in(client, corpus):
    response = client.get("/search/", {"q": "gloves", "kind": "answer"})

    html = response.content.decode()
    assert "Log in to search answers" in html
    assert "Ice gloves" not in html


def test_search_page_query_count_is_bounded(client, member, corpus, django_assert_max_num_queries):
    for i in range(25):
        QuestionFactory.create(title=f"Does neuropathy {i} fade?", body="neuropathy")
    client.force_login(member)

    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "neuropathy"})

    assert response.status_code == HTTPStatus.OK
