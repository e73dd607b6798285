"""One post per posting form: a double click, a retry or the same form in two tabs.

The same specification runs over every member-written kind (tests/core/posting_kinds.py):
the form carries an idempotency key, the second submit with it answers exactly as the first
did, a form sent back with an error keeps its key, and no member is ever given a key rendered
for another (the members' shared renderings included).
"""

import re
import uuid
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from articles.services import comment_create
from core import member_pages, shared_render
from core.idempotency import key_new, key_parse, key_placeholder
from core.member_pages import MemberPage
from core.shared_render import SharedCopy
from forum.models import Answer
from moderation.models import ModerationState
from moderation.policy import PostingLimitExceeded
from tests.articles.factories import CommentFactory
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

from .posting_kinds import KINDS, PostingKind, keys_in, posting_forms, posting_kind

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _established_members(settings):
    """Members here are past the new-member review window and its hourly limits."""
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    settings.MODERATION_QUESTIONS_PER_HOUR = 1000
    settings.MODERATION_REPLIES_PER_HOUR = 1000


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest, db: None) -> PostingKind:
    return posting_kind(request.param)


def _normalised(html: str) -> str:
    """A page with its per-render tokens (CSRF, fresh keys) blanked out, and the heading's
    count, which the first answer reads from before its own comment was counted."""
    html = re.sub(r"Comments \(\d+\)", "Comments", html)
    return re.sub(r'name="(csrfmiddlewaretoken|idempotency_key)" value="[^"]*"', r"\1", html)


def test_double_submit_same_key_twice_creates_one_post_and_the_same_redirect(
    member_client, member, kind
):
    data = {**kind.data, "idempotency_key": key_new()}

    first = member_client.post(kind.url, data)
    second = member_client.post(kind.url, data)

    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert second["Location"] == first["Location"]
    assert kind.rows(member) == 1


@pytest.mark.parametrize("name", ["comment", "comment_reply"])
def test_double_submit_htmx_same_key_twice_answers_the_same_fragment(member_client, member, name):
    kind = posting_kind(name)
    data = {**kind.data, "idempotency_key": key_new()}

    first = member_client.post(kind.url, data, headers=HTMX)
    second = member_client.post(kind.url, data, headers=HTMX)

    assert first.status_code == second.status_code == HTTPStatus.OK
    assert _normalised(second.content.decode()) == _normalised(first.content.decode())
    assert "You posted exactly this text" not in second.content.decode()
    assert kind.rows(member) == 1


def test_double_submit_same_key_twice_in_two_tabs_of_two_sessions_creates_one_post(member, kind):
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.force_login(member)
    data = {**kind.data, "idempotency_key": key_new()}

    answers = [tab.post(kind.url, data) for tab in tabs]

    assert [answer.status_code for answer in answers] == [HTTPStatus.FOUND] * 2
    assert answers[0]["Location"] == answers[1]["Location"]
    assert kind.rows(member) == 1


def test_double_submit_keys_are_each_members_own(member_client, member, kind):
    key = key_new()
    other = Client()
    other_member = UserFactory.create()
    other.force_login(other_member)

    member_client.post(kind.url, {**kind.data, "idempotency_key": key})
    response = other.post(kind.url, {**kind.data, "idempotency_key": key})

    assert response.status_code == HTTPStatus.FOUND
    assert kind.rows(member) == kind.rows(other_member) == 1


@pytest.mark.parametrize("sent", [None, "", "not-a-key", "9" * 200])
def test_double_submit_missing_or_malformed_key_still_posts_under_the_duplicate_rule(
    member_client, member, kind, sent
):
    data = dict(kind.data) | ({} if sent is None else {"idempotency_key": sent})

    first = member_client.post(kind.url, data)
    second = member_client.post(kind.url, data)

    assert first.status_code == HTTPStatus.FOUND
    # Without a key, today's duplicate-text rule is what stops the second one; a kind she
    # has one of (her experience of a treatment) takes the second as an edit of the first.
    expected = HTTPStatus.FOUND if kind.upsert else HTTPStatus.TOO_MANY_REQUESTS
    assert second.status_code == expected
    assert kind.rows(member) == 1


def test_double_submit_form_sent_back_with_an_error_keeps_its_key_and_the_fix_posts_once(
    member_client, member, kind
):
    key = key_new()

    refused = member_client.post(kind.url, {**kind.invalid, "idempotency_key": key})
    fixed = [member_client.post(kind.url, {**kind.data, "idempotency_key": key}) for _ in "ab"]

    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert keys_in(refused.content.decode()).count(key) == 1
    assert [response.status_code for response in fixed] == [HTTPStatus.FOUND] * 2
    assert fixed[0]["Location"] == fixed[1]["Location"]
    assert kind.rows(member) == 1


@pytest.mark.parametrize("name", ["comment", "comment_reply"])
def test_double_submit_htmx_form_sent_back_with_an_error_keeps_its_key(member_client, name):
    kind = posting_kind(name)
    key = key_new()

    refused = member_client.post(kind.url, {**kind.invalid, "idempotency_key": key}, headers=HTMX)

    assert refused.status_code == HTTPStatus.OK
    assert keys_in(refused.content.decode()).count(key) == 1


@pytest.mark.parametrize("htmx", [False, True])
def test_double_submit_posting_limit_page_keeps_the_key(member_client, kind, monkeypatch, htmx):
    def refuse(**kwargs: Any) -> None:
        raise PostingLimitExceeded("Slow down a little.")

    monkeypatch.setattr(f"{kind.decide_module}.posting_limits_check", refuse)
    key = key_new()

    response = member_client.post(
        kind.url, {**kind.data, "idempotency_key": key}, headers=HTMX if htmx else {}
    )

    assert "Slow down a little." in response.content.decode()
    assert keys_in(response.content.decode()).count(key) == 1


def test_double_submit_reply_refused_under_a_hidden_answer_keeps_its_key_in_the_answer_box(
    member_client, member
):
    kind = posting_kind("answer_reply")
    Answer.objects.filter(pk=kind.data["parent"]).update(moderation_state=ModerationState.HIDDEN)
    key = key_new()

    refused = member_client.post(kind.url, {**kind.data, "idempotency_key": key})

    assert "Your reply was not posted" in refused.content.decode()
    assert keys_in(refused.content.decode()).count(key) == 1


def test_double_submit_ask_suggestions_step_keeps_the_key(member_client, member):
    kind = posting_kind("question")
    QuestionFactory.create(title="What helped your tiredness during chemo?")
    key = key_new()
    first_look = {**kind.data, "suggestions_seen": "", "idempotency_key": key}

    suggested = member_client.post(kind.url, first_look)
    posted = member_client.post(kind.url, {**kind.data, "idempotency_key": key})
    again = member_client.post(kind.url, {**kind.data, "idempotency_key": key})

    assert "members have asked something similar" in suggested.content.decode().lower()
    assert keys_in(suggested.content.decode()).count(key) == 1
    assert posted.status_code == again.status_code == HTTPStatus.FOUND
    assert again["Location"] == posted["Location"]
    assert kind.rows(member) == 1


def _posting_form_keys(html: str) -> list[str]:
    forms = posting_forms(html)
    assert forms, "the page shows no posting form"
    keys = [keys_in(form) for form in forms]
    assert all(len(found) == 1 for found in keys), "a posting form without exactly one key"
    return [found[0] for found in keys]


def test_double_submit_every_posting_form_of_a_page_carries_its_own_fresh_key(member_client, kind):
    keys = _posting_form_keys(member_client.get(kind.page).content.decode())
    again = _posting_form_keys(member_client.get(kind.page).content.decode())

    assert all(key_parse(key) for key in keys)
    assert len(set(keys)) == len(keys)
    assert not set(keys) & set(again)


def test_double_submit_htmx_comment_section_carries_keys(member_client):
    kind = posting_kind("comment_reply")
    fragment = member_client.get(kind.page.rstrip("/") + "/comments/", headers=HTMX)
    detail_fragment = member_client.get(kind.page, headers=HTMX)

    for response in (fragment, detail_fragment):
        assert response.status_code == HTTPStatus.OK
        keys = _posting_form_keys(response.content.decode())
        assert len(keys) == 2  # the comment box and the reply box
        assert 'hx-post="' in response.content.decode()


class _RecordingCache:
    """The shared renderings' cache, remembering what they stored."""

    def __init__(self, cache: Any) -> None:
        self.cache = cache
        self.stored: list[Any] = []

    def get(self, key: str) -> Any:
        return self.cache.get(key)

    def set(self, key: str, value: Any, timeout: int) -> None:
        self.stored.append(value)
        self.cache.set(key, value, timeout)


@pytest.mark.parametrize("name", ["answer_reply", "comment_reply"])
def test_double_submit_shared_renderings_never_give_a_member_another_members_key(name, monkeypatch):
    kind = posting_kind(name)
    recorder = _RecordingCache(shared_render.cache)
    monkeypatch.setattr(shared_render, "cache", recorder)
    monkeypatch.setattr(member_pages, "cache", recorder)  # the whole page, shared
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(UserFactory.create())
        clients.append(client)

    pages = [client.get(kind.page).content.decode() for client in clients]

    copies = [value for value in recorder.stored if isinstance(value, SharedCopy | MemberPage)]
    assert len(copies) == 1, "the second member was not served the shared copy"
    assert set(keys_in(copies[0].html)) == {key_placeholder()}
    first, second = (set(_posting_form_keys(page)) for page in pages)
    assert key_placeholder() not in pages[0] + pages[1]
    assert len(first) == len(second) == 2
    assert not first & second


def test_double_submit_service_replay_sends_no_second_reply_email(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    parent = CommentFactory.create()
    key = uuid.uuid4()

    with django_capture_on_commit_callbacks(execute=True):
        first = comment_create(
            article=parent.article, author=member, body="Me too", parent=parent, idempotency_key=key
        )
    with django_capture_on_commit_callbacks(execute=True):
        second = comment_create(
            article=parent.article, author=member, body="Me too", parent=parent, idempotency_key=key
        )

    assert second.pk == first.pk
    assert len(mailoutbox) == 1
