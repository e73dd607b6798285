"""The /search/ page: helpful answers to odd input, the members-only refusal, bounded queries."""

from http import HTTPStatus

import pytest

from tests.forum.factories import QuestionFactory


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
