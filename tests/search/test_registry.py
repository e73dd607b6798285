"""Search reads only what apps register (core.search_registry), the same way on both engines.

Each test runs on the embedded engine, and on the PostgreSQL one when DATABASE_URL points at
PostgreSQL (the embedded engine also runs there: it only needs icontains).
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from core import search_registry
from core.search_registry import SearchableKind, searchable_kinds, searchable_register
from core.viewer import viewer_is_member
from forum.models import Answer, Question
from moderation.models import ModerationState
from search.selectors import search_kinds_for, site_search
from tests.articles.factories import ArticleFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

ANON = AnonymousUser()


@pytest.fixture(params=["embedded", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request, settings):
    settings.USING_POSTGRES = request.param == "postgres"
    return request.param


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test; the apps' registrations come back afterwards."""
    monkeypatch.setattr(search_registry, "_kinds", {})


def _replies_visible(viewer):
    return Answer.objects.filter(moderation_state=ModerationState.VISIBLE, parent__isnull=False)


REPLY = SearchableKind(
    name="reply",
    label="Replies",
    model=Answer,
    visible=_replies_visible,
    url=lambda answer: answer.get_absolute_url(),
    title_field="question__title",
    body_fields=("body",),
    date_field="created_at",
    topic_field="question__topics",
    members_only=True,
)


def _own_questions_visible(viewer):
    if not viewer_is_member(viewer):
        return Question.objects.none()
    return Question.objects.filter(author=viewer)


OWN_QUESTION = SearchableKind(
    name="own_question",
    label="My questions",
    model=Question,
    visible=_own_questions_visible,
    url=lambda question: question.get_absolute_url(),
    title_field="title",
    body_fields=("body",),
    date_field="created_at",
    topic_field="topics",
)


def test_searchable_register_a_new_kind_is_found_on_each_engine(engine, registry, member):
    answer = AnswerFactory.create(body="The quokka answer")
    reply = AnswerFactory.create(question=answer.question, parent=answer, body="A quokka reply")

    before = site_search(query="quokka", viewer=member)
    searchable_register(REPLY)
    after = site_search(query="quokka", viewer=member)

    assert before.hits == []
    assert [(hit.kind, hit.url) for hit in after.hits] == [("reply", reply.get_absolute_url())]
    assert after.hits[0].title == answer.question.title
    assert "<mark>" in after.hits[0].snippet.lower()
    assert [kind.name for kind in search_kinds_for(member)] == ["reply"]


def test_searchable_register_kind_filter_takes_the_registered_name(engine, registry, member):
    searchable_register(REPLY)
    searchable_register(OWN_QUESTION)
    QuestionFactory.create(author=member, title="My quokka question")
    AnswerFactory.create(parent=AnswerFactory.create(), body="A quokka reply")

    only_replies = site_search(query="quokka", viewer=member, kind="reply")

    assert only_replies.kind == "reply"
    assert [hit.kind for hit in only_replies.hits] == ["reply"]


def test_searchable_kind_visible_queryset_is_obeyed(engine, registry, member, other_member):
    searchable_register(OWN_QUESTION)
    mine = QuestionFactory.create(author=member, title="Quokka question of mine")
    QuestionFactory.create(author=other_member, title="Quokka question of theirs")

    results = site_search(query="quokka", viewer=member)

    assert [hit.url for hit in results.hits] == [mine.get_absolute_url()]


def test_searchable_kind_members_only_is_never_searched_for_a_visitor(db, engine, registry):
    searchable_register(REPLY)
    AnswerFactory.create(parent=AnswerFactory.create(), body="A quokka reply")

    everything = site_search(query="quokka", viewer=ANON)
    asked = site_search(query="quokka", viewer=ANON, kind="reply")

    assert everything.hits == []
    assert asked.hits == []
    assert asked.message == "Log in to search replies: they are for members only."
    assert search_kinds_for(ANON) == []


def test_site_search_visitor_never_gets_a_snippet_of_a_members_body(engine, member):
    QuestionFactory.create(title="Quokka wigs?", body="Which quokka wig shop did you use?")
    QuestionFactory.create(title="Cold caps", body="A quokka in the details only.")

    visitor = site_search(query="quokka", viewer=ANON)
    members = site_search(query="quokka", viewer=member)

    assert [hit.title for hit in visitor.hits] == ["Quokka wigs?"]
    assert [str(hit.snippet) for hit in visitor.hits] == [""]
    assert len(members.hits) == 2
    assert all("<mark>" in hit.snippet.lower() for hit in members.hits)


def test_site_search_visitor_gets_the_snippet_of_a_public_body(db, engine):
    ArticleFactory.create(title="Cold caps", summary="How a quokka keeps its fur.")

    visitor = site_search(query="quokka", viewer=ANON)

    assert [hit.kind for hit in visitor.hits] == ["article"]
    assert "<mark>" in visitor.hits[0].snippet.lower()


def test_searchable_kinds_lists_public_kinds_first_then_members_kinds_by_label(db):
    assert [(kind.name, kind.label) for kind in searchable_kinds()] == [
        ("article", "Articles"),
        ("question", "Questions"),
        ("treatment", "Treatments"),
        ("answer", "Answers"),
        ("comment", "Comments"),
    ]


def test_searchable_register_a_name_again_replaces_the_kind(registry):
    searchable_register(OWN_QUESTION)
    searchable_register(REPLY)
    replacement = SearchableKind(**{**REPLY.__dict__, "label": "Threads"})

    searchable_register(replacement)

    assert [kind.label for kind in searchable_kinds()] == ["My questions", "Threads"]
