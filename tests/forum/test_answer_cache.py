"""Ordinary members share one rendering of a page of answers; nobody ever sees a stale or
someone else's version of it."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from forum import services
from forum import views as forum_views
from forum.answer_cache import ANSWERS_TEMPLATE
from moderation.services import content_hide
from tests.factories import UserFactory

from .factories import AnswerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answers(question):
    first = AnswerFactory.create(question=question, body_html="<p>First: walks helped.</p>")
    second = AnswerFactory.create(question=question, body_html="<p>Second: ginger tea.</p>")
    return first, second


def _reader() -> Client:
    client = Client()
    client.force_login(UserFactory.create())
    return client


def _page(client: Client, question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


def _rendered_answers(client: Client, question) -> bool:
    response = client.get(question.get_absolute_url())
    return ANSWERS_TEMPLATE in [t.name for t in response.templates]


def test_a_second_member_gets_the_first_members_rendering_of_the_answers(question, answers):
    assert _rendered_answers(_reader(), question) is True

    assert _rendered_answers(_reader(), question) is False


def test_each_member_sees_their_own_hugs_on_the_shared_answers(question, answers):
    _, second = answers
    hugger = UserFactory.create()
    services.answer_hug_set(member=hugger, target=second, hugged=True)
    _page(_reader(), question)
    client = Client()
    client.force_login(hugger)

    page = _page(client, question)

    assert page.count(">Hugged<") == 1
    assert ">Hugged<" in page[page.index(f"/questions/answers/{second.pk}/hug/") :][:600]
    assert ">Hugged<" not in _page(_reader(), question)


def test_a_member_can_hug_from_the_shared_answers_with_their_own_csrf_token(question, answers):
    first, _ = answers
    _page(_reader(), question)
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create())
    page = _page(client, question)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    assert "placeholder" not in page

    response = client.post(
        f"/questions/answers/{first.pk}/hug/",
        {"hug": "on", "csrfmiddlewaretoken": token.group(1)},
    )

    assert response.status_code == HTTPStatus.FOUND
    first.refresh_from_db()
    assert first.hug_count == 1


def test_the_shared_answers_follow_a_new_answer_a_helpful_mark_and_a_hidden_one(
    question, answers, moderator
):
    first, second = answers
    reader = _reader()
    assert "Helpful to the asker" not in _page(reader, question)

    services.answer_mark_helpful(answer=first, member=question.author, helpful=True)
    assert "Helpful to the asker" in _page(reader, question)

    services.answer_create(question=question, author=UserFactory.create(), body="Third: rest.")
    assert "Third: rest." in _page(reader, question)

    content_hide(item=second, moderator=moderator, reason="Medical misinformation")
    assert "ginger tea" not in _page(reader, question)


def test_a_change_to_what_an_author_shares_reaches_the_shared_answers(question, answers):
    first, _ = answers
    reader = _reader()
    assert "HER2-positive" not in _page(reader, question).split('id="answers-heading"')[1]

    profile = first.author.profile
    profile.her2_status = "positive"
    profile.her2_status_visibility = "members"
    profile.save()

    assert "HER2-positive" in _page(reader, question).split('id="answers-heading"')[1]


def test_the_asker_answerers_and_moderators_get_their_own_view(question, answers, moderator):
    first, _ = answers
    _page(_reader(), question)
    asker, answerer, mod = Client(), Client(), Client()
    asker.force_login(question.author)
    answerer.force_login(first.author)
    mod.force_login(moderator)

    assert "Mark helpful" in _page(asker, question)
    assert f"/questions/answers/{first.pk}/edit/" in _page(answerer, question)
    assert _rendered_answers(mod, question) is True


def test_an_answer_committed_while_a_page_renders_reaches_the_next_reader(
    question, answers, monkeypatch
):
    """The shared answers' key is read before the listing it describes, so a copy built
    from older rows is never stored under a newer key."""
    real_listing = forum_views.selectors.answer_listing

    def listing_then_an_answer_arrives(**kwargs):
        listing = real_listing(**kwargs)
        monkeypatch.setattr(forum_views.selectors, "answer_listing", real_listing)
        AnswerFactory.create(question=question, body_html="<p>Third: arrived meanwhile.</p>")
        return listing

    monkeypatch.setattr(forum_views.selectors, "answer_listing", listing_then_an_answer_arrives)
    # An unknown parameter: her own page around the shared answers.
    url = question.get_absolute_url() + "?ref=digest"
    first = _reader().get(url).content.decode()

    second = _reader().get(url).content.decode()

    assert "arrived meanwhile" not in first
    assert "arrived meanwhile" in second
