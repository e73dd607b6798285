"""search.result_cache through site_search: who shares a cached page, and what moves it."""

import pytest
from django.contrib.auth.models import AnonymousUser

from activities.searchable import UPDATE
from articles.searchable import ARTICLE
from forum.searchable import ANSWER, QUESTION
from moderation.services import content_hide
from search.result_cache import search_cache_key
from search.selectors import site_search
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

ANON = AnonymousUser()


@pytest.fixture(autouse=True)
def _version_read_once(settings):
    # The version is read once for the whole test, so a search served from the cache runs
    # no query at all and the assertions below can count them.
    settings.PAGE_CACHE_VERSION_SECONDS = 3600


def _titles(results):
    return [hit.title for hit in results.hits]


def test_site_search_visitors_share_one_cached_page(engine, django_assert_num_queries):
    QuestionFactory.create(title="Cold cap and hair loss")
    first = site_search(query="cold cap", viewer=ANON)

    with django_assert_num_queries(0):
        again = site_search(query="cold cap", viewer=ANON)

    assert _titles(again) == _titles(first) == ["Cold cap and hair loss"]


def test_site_search_members_share_a_search_of_kinds_alike_for_every_member(
    engine, member, django_assert_num_queries
):
    question = QuestionFactory.create(title="Port flush every month?")
    AnswerFactory.create(question=question, body="My port flush is quick")
    another = UserFactory.create()
    site_search(query="port flush", viewer=member, kind="answer")

    with django_assert_num_queries(0):
        other = site_search(query="port flush", viewer=another, kind="answer")

    assert _titles(other) == ["Port flush every month?"]


def test_site_search_a_new_post_moves_the_cached_page(engine):
    QuestionFactory.create(title="Scalp cooling worked")
    site_search(query="scalp cooling", viewer=ANON)

    QuestionFactory.create(title="Scalp cooling was cold")
    results = site_search(query="scalp cooling", viewer=ANON)

    assert sorted(_titles(results)) == ["Scalp cooling was cold", "Scalp cooling worked"]


def test_site_search_a_hidden_post_leaves_the_cached_page_at_once(engine, member):
    question = QuestionFactory.create(title="Lymphoedema sleeve fitting")
    assert _titles(site_search(query="lymphoedema sleeve", viewer=ANON)) == [question.title]

    content_hide(item=question, moderator=UserFactory.create(is_staff=True), reason="spam")

    assert site_search(query="lymphoedema sleeve", viewer=ANON).hits == []


def test_site_search_visitor_never_gets_a_members_cached_page(engine, member):
    QuestionFactory.create(title="Which wig shop?", body="A quiet wig boutique")
    found = site_search(query="boutique", viewer=member, kind="question")
    assert _titles(found) == ["Which wig shop?"]  # matched on members-only details

    assert site_search(query="boutique", viewer=ANON, kind="question").hits == []


def test_search_cache_key_separates_visitors_from_members(db):
    kinds = [QUESTION, ARTICLE]
    visitor = search_cache_key(
        query="hair", message="", kinds=kinds, member=False, topic=None, page=1
    )
    member = search_cache_key(
        query="hair", message="", kinds=kinds, member=True, topic=None, page=1
    )

    assert visitor is not None
    assert visitor != member


def test_search_cache_key_none_for_a_member_when_a_kind_depends_on_her(db):
    """Her team's updates and her blocks are hers: such a search is never cached."""
    mixed = [QUESTION, ANSWER, UPDATE]

    assert (
        search_cache_key(query="hair", message="", kinds=mixed, member=True, topic=None, page=1)
        is None
    )
    # An article is the same for every member, but its kind does not say so: not shared.
    assert (
        search_cache_key(query="hair", message="", kinds=[ARTICLE], member=True, topic=None, page=1)
        is None
    )
