"""The /search/ page: helpful answers to odd input, the members-only refusal, bounded queries."""

import re
from html import unescape
from http import HTTPStatus

import pytest

from core.search_registry import searchable_kinds
from tests.articles.factories import ArticleFactory
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


def test_search_page_misspelt_name_links_to_the_corrected_search(client, engine):
    article = ArticleFactory.create(
        title="Monoclonal antibodies for HER2", summary="Trastuzumab and pertuzumab."
    )

    response = client.get("/search/", {"q": "herceptn"})

    html = response.content.decode()
    link = re.search(r'Did you mean <a href="([^"]+)">herceptin</a>\?', html)
    assert link is not None
    corrected = client.get(unescape(link.group(1)))
    assert article.get_absolute_url() in corrected.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        "herceptin & | ! ( ) : * 'quote' \"dq",
        "herceptin\x00kadcyla",
        "\"'); DROP TABLE forum_question; --",
        "herceptn " * 250,  # 2 000 characters
        "herceptin:* <-> !!(trastuzumab",
    ],
)
def test_search_page_odd_input_never_fails(client, member, engine, q):
    QuestionFactory.create(title="Herceptin and heart scans")
    client.force_login(member)

    response = client.get("/search/", {"q": q})

    assert response.status_code == HTTPStatus.OK


def test_search_page_names_and_suggestions_keep_queries_bounded(
    client, member, engine, django_assert_max_num_queries
):
    for i in range(25):
        QuestionFactory.create(title=f"Herceptin week {i}", body="**trastuzumab** and rest")
        ArticleFactory.create(title=f"Kadcyla guide {i}", summary="T-DM1 explained.")
    client.force_login(member)
    # The session and the member, the content version, the catalogue's names, the topics and
    # the newsletter box, the suggestions' vocabulary, plus at most one query per registered
    # kind: never one per result.
    limit = 6 + len(searchable_kinds())

    with django_assert_max_num_queries(limit):
        found = client.get("/search/", {"q": "herceptin or t-dm1"})
    with django_assert_max_num_queries(limit):
        suggested = client.get("/search/", {"q": "herceptn kadcila"})

    assert found.status_code == suggested.status_code == HTTPStatus.OK
    assert "Did you mean" in suggested.content.decode()


def test_search_page_repeated_by_a_visitor_reads_nothing_from_the_database(
    client, engine, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the version is read once for the test
    QuestionFactory.create(title="Mouth sores and mouthwash")
    first = client.get("/search/", {"q": "mouth sores"})

    with django_assert_num_queries(0):
        again = client.get("/search/", {"q": "mouth sores"})

    listed = re.compile(r'<div id="search-results">.*?</section>', re.DOTALL)
    shown, shown_first = (listed.findall(r.content.decode()) for r in (again, first))
    assert "mouthwash" in again.content.decode()
    assert shown == shown_first != []


def test_search_page_htmx_answers_the_results_list_alone(client, engine):
    QuestionFactory.create(title="Mouth sores and mouthwash")

    response = client.get("/search/", {"q": "mouth sores"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "mouthwash" in html
    assert "<form" not in html
