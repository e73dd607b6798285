"""Staff powers need the second factor in the session (STAFF_REQUIRE_2FA on).

A staff member whose session passed the password alone acts as an ordinary member on every
page: no reveal, no pending posts, no moderator marks, no staff exemptions, no staff links.
Logging in through allauth's TOTP step gives the powers back.
"""

from collections.abc import Callable
from datetime import timedelta
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from articles.models import ArticleStatus
from forum.models import AnonymousReveal, Answer
from moderation.models import ModerationLogEntry, ModerationState
from tests.accounts.test_settings import _form as settings_form
from tests.accounts.two_factor import (
    login_password_only_then_totp_on,
    login_with_second_factor,
    totp_activate,
)
from tests.articles.factories import ArticleFactory, CommentFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PENDING_ANSWER = "A pending answer only moderators may see."
PENDING_COMMENT = "A pending comment only moderators may see."
REVEAL_TEXT = "(moderators: reveal, logged)"
QUESTION_PAGE_MARK = "Waiting for review"  # what moderators see on someone else's pending post
ARTICLE_PAGE_MARK = "Waiting for a moderator to review"


@pytest.fixture(autouse=True)
def _second_factor_required(settings: Any) -> None:
    settings.STAFF_REQUIRE_2FA = True


def _moderator(**kwargs: Any) -> User:
    user = UserFactory.create(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator() -> User:
    return _moderator()


@pytest.fixture
def superuser() -> User:
    return UserFactory.create(is_staff=True, is_superuser=True)


def _password_session(client: Client, user: User) -> None:
    """TOTP on the account, but this session passed the password alone."""
    login_password_only_then_totp_on(client, user)


def _forced_session(client: Client, user: User) -> None:
    """force_login records no authentication method at all."""
    client.force_login(user)


SESSIONS_WITHOUT_SECOND_FACTOR: dict[str, Callable[[Client, User], None]] = {
    "password only, TOTP on": _password_session,
    "force_login": _forced_session,
}


@pytest.fixture(params=SESSIONS_WITHOUT_SECOND_FACTOR, ids=str)
def without_second_factor(request: pytest.FixtureRequest) -> Callable[[Client, User], None]:
    return SESSIONS_WITHOUT_SECOND_FACTOR[request.param]


@pytest.fixture(params=["moderator", "superuser"])
def staff(request: pytest.FixtureRequest) -> User:
    return request.getfixturevalue(request.param)


@pytest.fixture
def question_page() -> dict[str, Any]:
    """A question with an anonymous answer and a pending one."""
    question = QuestionFactory.create()
    AnswerFactory.create(question=question, is_anonymous=True, body_html="<p>Anonymous.</p>")
    AnswerFactory.create(
        question=question,
        moderation_state=ModerationState.PENDING,
        body=PENDING_ANSWER,
        body_html=f"<p>{PENDING_ANSWER}</p>",
    )
    return {"question": question, "url": question.get_absolute_url()}


@pytest.fixture
def article_page() -> str:
    article = ArticleFactory.create()
    CommentFactory.create(article=article, body="Visible and kind.")
    CommentFactory.create(
        article=article, body=PENDING_COMMENT, moderation_state=ModerationState.PENDING
    )
    return article.get_absolute_url()


def _reveal_url(question: Any) -> str:
    return reverse("forum:reveal", args=["question", question.pk])


def test_staff_second_factor_missing_reveal_answers_404_and_logs_nothing(
    client, staff, without_second_factor
):
    anonymous = QuestionFactory.create(is_anonymous=True)
    without_second_factor(client, staff)

    looked = client.get(_reveal_url(anonymous))
    revealed = client.post(_reveal_url(anonymous), {"reason": "Report 12"})

    assert looked.status_code == HTTPStatus.NOT_FOUND
    assert revealed.status_code == HTTPStatus.NOT_FOUND
    assert anonymous.author.display_name not in revealed.content.decode()
    assert not AnonymousReveal.objects.exists()
    assert not ModerationLogEntry.objects.filter(action="reveal").exists()


def test_staff_second_factor_missing_question_page_shows_no_pending_post_or_reveal_link(
    client, staff, without_second_factor, question_page
):
    without_second_factor(client, staff)

    content = client.get(question_page["url"]).content.decode()

    assert PENDING_ANSWER not in content
    assert REVEAL_TEXT not in content
    assert "/questions/reveal/" not in content
    assert QUESTION_PAGE_MARK not in content


def test_staff_second_factor_missing_article_page_shows_no_pending_comment(
    client, staff, without_second_factor, article_page
):
    without_second_factor(client, staff)

    content = client.get(article_page).content.decode()

    assert "Visible and kind." in content
    assert PENDING_COMMENT not in content
    assert ARTICLE_PAGE_MARK not in content


def test_staff_second_factor_missing_header_has_no_admin_link(client, staff, without_second_factor):
    without_second_factor(client, staff)

    content = client.get(reverse("home")).content.decode()

    assert 'href="/admin/"' not in content


def test_staff_second_factor_missing_editor_cannot_open_a_draft(client, without_second_factor):
    editor = UserFactory.create(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, published_at=None)
    without_second_factor(client, editor)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_staff_second_factor_missing_new_staff_answer_waits_for_review_like_a_member(
    client, without_second_factor
):
    # A staff account in its first hours: trusted staff skip new-member review, members don't.
    staff = _moderator(date_joined=timezone.now() - timedelta(minutes=5))
    question = QuestionFactory.create()
    without_second_factor(client, staff)

    client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "Walking helped me too."}
    )

    answer = Answer.objects.get(author=staff)
    assert answer.moderation_state == ModerationState.PENDING


def test_staff_second_factor_missing_rate_limit_applies_like_a_member(
    client, moderator, without_second_factor, settings
):
    settings.MODERATION_REPLIES_PER_HOUR = 1
    question = QuestionFactory.create()
    without_second_factor(client, moderator)
    url = reverse("forum:answer_create", args=[question.pk])

    client.post(url, {"body": "First thought on this."})
    second = client.post(url, {"body": "A second, different thought."})

    assert Answer.objects.filter(author=moderator).count() == 1
    assert second.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_staff_second_factor_login_with_totp_gives_the_powers_back(
    client, staff, question_page, article_page
):
    anonymous = QuestionFactory.create(is_anonymous=True)
    secret = totp_activate(staff)

    login_with_second_factor(client, staff, secret)
    page = client.get(question_page["url"]).content.decode()
    article = client.get(article_page).content.decode()
    revealed = client.post(_reveal_url(anonymous), {"reason": "Report 12"})
    home = client.get(reverse("home")).content.decode()

    assert PENDING_ANSWER in page
    assert REVEAL_TEXT in page
    assert QUESTION_PAGE_MARK in page
    assert PENDING_COMMENT in article
    assert ARTICLE_PAGE_MARK in article
    assert revealed.status_code == HTTPStatus.OK
    assert anonymous.author.display_name in revealed.content.decode()
    assert 'href="/admin/"' in home
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_staff_second_factor_login_with_totp_keeps_staff_trust(client, settings):
    settings.MODERATION_REPLIES_PER_HOUR = 1
    staff = _moderator(date_joined=timezone.now() - timedelta(minutes=5))
    question = QuestionFactory.create()
    login_with_second_factor(client, staff, totp_activate(staff))
    url = reverse("forum:answer_create", args=[question.pk])

    client.post(url, {"body": "First thought on this."})
    client.post(url, {"body": "A second, different thought."})

    states = set(Answer.objects.filter(author=staff).values_list("moderation_state", flat=True))
    assert states == {ModerationState.VISIBLE}
    assert Answer.objects.filter(author=staff).count() == 2


def test_staff_second_factor_not_required_when_setting_off(
    client, moderator, settings, question_page
):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(moderator)

    page = client.get(question_page["url"]).content.decode()

    assert PENDING_ANSWER in page
    assert REVEAL_TEXT in page


def test_staff_second_factor_missing_never_saves_a_demotion(client, moderator):
    _forced_session(client, moderator)

    client.get(reverse("home"))
    client.post(reverse("accounts:settings"), {"display_name": "Renamed Moderator"})

    moderator.refresh_from_db()
    assert moderator.is_staff is True
    assert moderator.groups.filter(name="Moderators").exists()


def test_staff_second_factor_check_costs_a_member_no_query(client, member, question_page, settings):
    client.force_login(member)
    client.get(question_page["url"])  # warm what a first request fills

    counts = {}
    for required in (False, True):
        settings.STAFF_REQUIRE_2FA = required
        with CaptureQueriesContext(connection) as queries:
            client.get(question_page["url"])
        counts[required] = len(queries.captured_queries)

    assert counts[True] <= counts[False]


def test_staff_second_factor_missing_staff_sounding_name_refused_like_a_member(
    client, moderator, without_second_factor
):
    without_second_factor(client, moderator)

    response = client.post(reverse("accounts:settings"), settings_form(display_name="Mod Team"))

    moderator.refresh_from_db()
    assert "staff or moderator account" in response.content.decode()
    assert moderator.display_name != "Mod Team"


def test_staff_second_factor_login_with_totp_keeps_staff_sounding_name(client, moderator):
    login_with_second_factor(client, moderator, totp_activate(moderator))

    client.post(reverse("accounts:settings"), settings_form(display_name="Mod Team"))

    moderator.refresh_from_db()
    assert moderator.display_name == "Mod Team"
