"""Every text input members and visitors type into, fed XSS payloads and rendered back inert.

Each input is submitted through its real form (the fields a browser would send, with the
payload in the text fields), then the pages that show the text are checked with html.parser:
no script, no event-handler attribute, no javascript: URL.
"""

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client

from accounts.models import User
from tests.factories import UserFactory

from .forms import forms_on
from .inert import PAYLOADS, active_content

# Appended to what is typed, so the test knows the text really reached the page.
MARKER = "seen-by-xss-test"
SHOWN_TO_MEMBERS = {"comment", "question", "answer", "profile"}


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _submit(client: Client, page: str, action: str, overrides: dict[str, str]) -> Any:
    """Post the form whose action is `action` on `page`, as a browser would, with overrides."""
    response = client.get(page)
    assert response.status_code == HTTPStatus.OK, f"{page}: {response.status_code}"
    forms = [f for f in forms_on(response.content.decode(), page) if f.action == action]
    assert forms, f"no form posting to {action} on {page}"
    return client.post(action, {**forms[0].fields, **overrides})


def _assert_inert(client: Client, *paths: str) -> None:
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        found = active_content(response.content.decode())
        assert found == [], f"{path}: {found}"


@pytest.fixture
def writer(db: None) -> User:
    return UserFactory.create()


@pytest.fixture
def reader(db: None) -> Client:
    return _client(UserFactory.create())


def _article() -> Any:
    from tests.newsletter.factories import ArticleFactory

    return ArticleFactory.create()


def _question(author: User) -> Any:
    from tests.forum.factories import QuestionFactory

    return QuestionFactory.create(author=author)


def submit_comment(writer: User, payload: str) -> list[str]:
    article = _article()
    page = article.get_absolute_url()
    _submit(_client(writer), page, f"{page}comments/new/", {"body": f"{payload} {MARKER}"})
    return [page]


def submit_question(writer: User, payload: str) -> list[str]:
    from forum.models import Question

    client = _client(writer)
    similar = _question(UserFactory.create())  # a topic to choose, a question to resemble
    overrides = {
        "title": f"Question {payload}"[:140] + " ok?",
        "body": f"{payload} {MARKER}",
        "suggestions_seen": "True",
        "topics": str(similar.topics.first().pk),
    }
    response = _submit(client, "/questions/ask/", "/questions/ask/", overrides)
    paths = ["/questions/", "/search/?q=Question"]
    question = Question.objects.filter(author=writer).first()
    if question is not None:
        paths.append(question.get_absolute_url())
    assert active_content(response.content.decode()) == []
    return paths


def submit_answer(writer: User, payload: str) -> list[str]:
    question = _question(UserFactory.create())
    page = question.get_absolute_url()
    _submit(
        _client(writer), page, f"/questions/{question.pk}/answer/", {"body": f"{payload} {MARKER}"}
    )
    return [page]


def submit_display_name(writer: User, payload: str) -> list[str]:
    overrides = {"display_name": payload[:40]}
    response = _submit(_client(writer), "/accounts/settings/", "/accounts/settings/", overrides)
    assert active_content(response.content.decode()) == []
    writer.refresh_from_db()
    return [writer.get_absolute_url(), "/members/", "/"]


def submit_profile(writer: User, payload: str) -> list[str]:
    overrides = {
        "bio": f"{payload} {MARKER}",
        "bad_day_answer": payload[:300],
        "region": payload[:80],
    }
    response = _submit(_client(writer), "/accounts/settings/", "/accounts/settings/", overrides)
    assert active_content(response.content.decode()) == []
    writer.refresh_from_db()
    return [writer.get_absolute_url(), "/members/"]


def submit_search(writer: User, payload: str) -> list[str]:
    from urllib.parse import quote

    return [f"/search/?q={quote(payload)}"]


def submit_newsletter_email(writer: User, payload: str) -> list[str]:
    response = Client().post("/newsletter/subscribe/", {"email": payload})
    assert active_content(response.content.decode()) == []
    return []


def submit_report_note(writer: User, payload: str) -> list[str]:
    question = _question(UserFactory.create())
    page = f"/report/question/{question.pk}/"
    response = _client(writer).post(page, {"reason": "other", "note": payload})
    assert active_content(response.content.decode()) == []
    return []


TEXT_INPUTS: dict[str, Callable[[User, str], list[str]]] = {
    "comment": submit_comment,
    "question": submit_question,
    "answer": submit_answer,
    "profile": submit_profile,
    "display name": submit_display_name,
    "search": submit_search,
    "newsletter email": submit_newsletter_email,
    "report note": submit_report_note,
}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("text_input", list(TEXT_INPUTS))
def test_xss_payload_through_text_input_renders_inert(
    writer: User, reader: Client, text_input: str, payload: str
) -> None:
    paths = TEXT_INPUTS[text_input](writer, payload)

    _assert_inert(reader, *paths)
    _assert_inert(Client(), *paths)
    if text_input in SHOWN_TO_MEMBERS:
        pages = "".join(reader.get(path).content.decode() for path in paths)
        assert MARKER in pages, f"the {text_input} never reached {paths}"
