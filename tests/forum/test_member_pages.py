"""Ordinary members share one rendering of the whole question page and question list
(forum.member_pages over core.member_pages): cheap, and never stale or someone else's."""

import re
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.blocks import member_block
from core.db_routing import REPLICA, reads_from
from forum import member_pages, services
from forum.models import Question
from moderation.models import ModerationState
from moderation.services import content_hide
from tests.factories import UserFactory
from tests.replica_cursors import replica_cursors_record

from .factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

# A shared page for a member: her user row (the session is in the cache), the question's and
# her facts in one query, her posting rights in one, her hugs on the page's answers, and the
# newsletter box's subscription. No listing query, whatever the number of answers.
SHARED_QUESTION_PAGE_QUERIES = 5
# The question list: her user row and the newsletter box's subscription.
SHARED_LIST_QUERIES = 2


@pytest.fixture
def answers(question):
    return [
        AnswerFactory.create(question=question, body_html=f"<p>Answer number {i}.</p>")
        for i in range(20)
    ]


def _reader(user=None) -> Client:
    client = Client()
    client.force_login(user or UserFactory.create())
    return client


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def test_question_page_second_member_gets_the_shared_page_without_listing_queries(
    settings, question, answers, django_assert_num_queries
):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the versions read once: a fixed count
    for i in range(20, 30):  # more than a page
        AnswerFactory.create(question=question, body_html=f"<p>Answer number {i}.</p>")
    _page(_reader(), question.get_absolute_url())
    reader = _reader()
    reader.get("/")  # her session and user row are warm, as on every later page

    with CaptureQueriesContext(connection) as queries:
        page = _page(reader, question.get_absolute_url())

    assert len(queries) == SHARED_QUESTION_PAGE_QUERIES
    assert "Answer number 24." in page  # the last of the first page
    assert "Answer number 25." not in page
    assert "More answers" in page
    assert not any("ORDER BY" in q["sql"] and "forum_answer" in q["sql"] for q in queries)


def test_question_page_shared_copy_is_the_page_she_would_have_had(question, answers):
    reader = UserFactory.create()
    own = _page(_reader(reader), question.get_absolute_url())  # the first: rendered for her

    shared = _page(_reader(reader), question.get_absolute_url())  # a hit, filled for her

    def tokens_out(html: str) -> str:
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)
        html = re.sub(r'"X-CSRFToken": "[^"]+"', "TOKEN", html)
        return re.sub(r'name="idempotency_key" value="[^"]+"', "KEY", html)

    assert tokens_out(shared) == tokens_out(own)


def test_question_page_header_and_tokens_are_each_members_own(question, answers):
    first, second = (
        UserFactory.create(display_name="Heron"),
        UserFactory.create(display_name="Wren"),
    )
    _page(_reader(first), question.get_absolute_url())

    page = _page(_reader(second), question.get_absolute_url())

    assert "Wren" in page
    assert "Heron" not in page
    assert "placeholder" not in page
    keys = re.findall(r'name="idempotency_key" value="([^"]+)"', page)
    assert len(keys) == len(set(keys)) > 1  # a fresh key in every posting form


def test_question_page_one_members_hugs_and_follow_never_show_for_another(question, answers):
    hugger = UserFactory.create()
    services.answer_hug_set(member=hugger, target=answers[3], hugged=True)
    services.question_hug_set(member=hugger, target=question, hugged=True)
    services.question_follow_set(question=question, member=hugger, follow=True)
    _page(_reader(hugger), question.get_absolute_url())

    other = _page(_reader(), question.get_absolute_url())
    hers = _page(_reader(hugger), question.get_absolute_url())

    assert 'aria-pressed="true"' not in other
    assert hers.count(">Hugged<") == 2
    assert (
        f'id="hug-answer-{answers[3].pk}" class="link-button hug-button" aria-pressed="true"'
        in hers
    )
    assert "Following (stop)" in hers
    assert "Following (stop)" not in other


def test_question_page_hidden_answer_disappears_for_members_at_once(question, answers, moderator):
    reader = _reader()
    assert "Answer number 7." in _page(reader, question.get_absolute_url())

    content_hide(item=answers[7], moderator=moderator, reason="Medical misinformation")

    assert "Answer number 7." not in _page(reader, question.get_absolute_url())
    assert "Answer number 7." not in _page(_reader(), question.get_absolute_url())


def test_question_page_deleted_and_edited_answers_leave_the_shared_copy(question, answers):
    reader = _reader()
    _page(reader, question.get_absolute_url())

    services.answer_delete(answer=answers[2], member=answers[2].author)
    services.answer_edit(answer=answers[4], editor=answers[4].author, body="Now with more care.")

    page = _page(reader, question.get_absolute_url())
    assert "Answer number 2." not in page
    assert "Now with more care." in page


def test_question_page_hidden_question_is_404_for_members_at_once(question, answers, moderator):
    reader = _reader()
    _page(reader, question.get_absolute_url())

    content_hide(item=question, moderator=moderator, reason="Off topic")

    assert reader.get(question.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_question_page_held_answer_shows_only_to_its_author(question, answers):
    author = UserFactory.create()
    held = AnswerFactory.create(
        question=question,
        author=author,
        body_html="<p>Waiting for a moderator.</p>",
        moderation_state=ModerationState.PENDING,
    )
    _page(_reader(), question.get_absolute_url())

    assert "Waiting for a moderator." in _page(_reader(author), question.get_absolute_url())
    assert "Waiting for a moderator." not in _page(_reader(), question.get_absolute_url())
    assert held.pk  # still held: nobody else was shown it


def test_question_page_anonymous_answer_never_names_its_author(question, answers, moderator):
    writer = UserFactory.create(display_name="Secret Sparrow")
    AnswerFactory.create(question=question, author=writer, is_anonymous=True)
    _page(_reader(moderator), question.get_absolute_url())  # moderators get their own page

    page = _page(_reader(), question.get_absolute_url())
    again = _page(_reader(), question.get_absolute_url())

    for html in (page, again):
        assert "Secret Sparrow" not in html
        assert "reveal" not in html


def test_question_page_moderators_and_authors_never_get_or_fill_the_shared_copy(
    question, answers, moderator
):
    content_hide(item=answers[5], moderator=moderator, reason="Spam")

    moderator_page = _page(_reader(moderator), question.get_absolute_url())
    author_page = _page(_reader(answers[6].author), question.get_absolute_url())
    member_page = _page(_reader(), question.get_absolute_url())

    assert "Hidden by a moderator" in moderator_page
    assert f"/questions/answers/{answers[6].pk}/edit/" in author_page
    assert "Hidden by a moderator" not in member_page
    assert "/edit/" not in member_page


def test_question_page_member_with_a_block_gets_her_own_render(question, answers):
    blocked_by = answers[0].author
    reader = UserFactory.create()
    member_block(blocker=blocked_by, blocked=reader)
    _page(_reader(), question.get_absolute_url())

    with CaptureQueriesContext(connection) as queries:
        _page(_reader(reader), question.get_absolute_url())

    # her own listing, not the copy rendered for members without blocks
    assert any("ORDER BY" in q["sql"] and "forum_answer" in q["sql"] for q in queries)


def test_question_page_message_for_her_is_shown_once_and_never_shared(question, answers):
    author = UserFactory.create()
    client = _reader(author)
    response = client.post(
        f"/questions/{question.pk}/answer/", {"body": "Thank you all."}, follow=True
    )
    assert "Thank you for sharing it" in response.content.decode()

    assert "Thank you for sharing it" not in _page(_reader(), question.get_absolute_url())
    assert "Thank you for sharing it" not in _page(client, question.get_absolute_url())


def test_question_page_new_hug_counts_reach_every_member(question, answers):
    reader = _reader()
    _page(reader, question.get_absolute_url())

    services.answer_hug_set(member=UserFactory.create(), target=answers[1], hugged=True)

    page = _page(reader, question.get_absolute_url())
    assert "1 hug<" in page[page.index(f'id="hug-answer-{answers[1].pk}"') :][:800]


def test_question_list_members_share_a_page_in_two_queries(settings, topic):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the versions read once: a fixed count
    for _ in range(25):
        QuestionFactory.create(topics=[topic])
    _page(_reader(), "/questions/")
    reader = _reader()
    reader.get("/")

    with CaptureQueriesContext(connection) as queries:
        page = _page(reader, "/questions/")

    assert len(queries) == SHARED_LIST_QUERIES
    assert "Ask a question" in page


def test_question_list_hidden_question_disappears_for_members_at_once(topic, moderator):
    question = QuestionFactory.create(topics=[topic], title="A question soon hidden")
    reader = _reader()
    assert "A question soon hidden" in _page(reader, "/questions/")

    content_hide(item=question, moderator=moderator, reason="Off topic")

    assert "A question soon hidden" not in _page(_reader(), "/questions/")
    assert Question.objects.get(pk=question.pk).moderation_state == ModerationState.HIDDEN


def test_question_page_facts_read_the_database_the_page_is_rendered_from(monkeypatch, question):
    """The answers' aggregate keys a copy rendered from the request's reads: read from the
    primary while the page came from a lagging replica, it would store the replica's older hug
    counts and helpful marks under the newer aggregate, served until the next change."""
    cursors = replica_cursors_record(monkeypatch, member_pages)

    with reads_from(REPLICA):
        member_pages.question_page_facts(pk=question.pk, viewer=UserFactory.create())

    assert cursors == [REPLICA]
