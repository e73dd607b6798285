from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from moderation import services
from moderation.models import ModerationState, Report
from moderation.policy import PostingLimitExceeded
from moderation.views_helpers import rate_limited_response
from tests.factories import TEST_PASSWORD, UserFactory


def _url(item, kind=None):
    kind = kind or item._meta.model_name
    return reverse("moderation:report", kwargs={"kind": kind, "pk": item.pk})


def test_report_view_get_shows_form_with_every_reason(member_client, item):
    response = member_client.get(_url(item))

    assert response.status_code == HTTPStatus.OK
    for label in ["Medical misinformation", "Spam or scam", "Self-harm concern", "Something else"]:
        assert label in response.content.decode()


def test_report_view_post_thanks_without_telling_outcome(member_client, member, item):
    response = member_client.post(_url(item), {"reason": "misinformation", "note": "Diet only"})

    assert response.status_code == HTTPStatus.OK
    assert "Thank you for your report" in response.content.decode()
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.note) == (member, "misinformation", "Diet only")


def test_report_view_double_submit_keeps_one_report(member_client, item):
    member_client.post(_url(item), {"reason": "spam"})
    response = member_client.post(_url(item), {"reason": "spam"})

    assert response.status_code == HTTPStatus.OK
    assert Report.objects.count() == 1


def test_report_view_htmx_returns_fragment(member_client, item):
    response = member_client.post(_url(item), {"reason": "spam"}, headers={"HX-Request": "true"})

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Thank you for your report" in body
    assert "<html" not in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Please choose a reason."),
        ({"reason": "other", "note": ""}, "Please tell us briefly"),
        ({"reason": "spam", "note": "x" * 10_000}, "Please shorten this to 1000 characters"),
        ({"reason": "spam", "note": "bad\x00byte"}, "invisible character we cannot store"),
        ({"reason": "nonsense"}, "Please choose one of the options in the list."),
    ],
)
def test_report_view_bad_input_gives_form_error_and_keeps_text(member_client, item, data, message):
    response = member_client.post(_url(item), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    if "\x00" not in data.get("note", ""):
        assert data.get("note", "") in response.content.decode()
    assert Report.objects.count() == 0


def test_report_view_htmx_error_is_200_so_htmx_swaps_it_and_keeps_the_note(member_client, item):
    response = member_client.post(
        _url(item), {"reason": "other", "note": ""}, headers={"HX-Request": "true"}
    )
    typed = member_client.post(
        _url(item), {"reason": "spam", "note": "x" * 1001}, headers={"HX-Request": "true"}
    )

    assert response.status_code == typed.status_code == HTTPStatus.OK
    assert "Please tell us briefly" in response.content.decode()
    assert "<html" not in response.content.decode()
    assert "x" * 1001 in typed.content.decode()
    assert Report.objects.count() == 0


def test_report_view_htmx_service_error_is_200_and_keeps_the_note(client, item):
    client.force_login(item.author)

    response = client.post(
        _url(item), {"reason": "spam", "note": "my own words"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "cannot report your own" in response.content.decode()
    assert "my own words" in response.content.decode()
    assert Report.objects.count() == 0


def test_report_view_escapes_script_and_accepts_emoji(member_client, item):
    response = member_client.post(
        _url(item), {"reason": "other", "note": "<script>alert(1)</script> 🌸"}
    )

    assert response.status_code == HTTPStatus.OK
    assert Report.objects.get().note == "<script>alert(1)</script> 🌸"


def test_report_view_own_post_is_a_form_error(client, item):
    client.force_login(item.author)

    response = client.post(_url(item), {"reason": "spam"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "cannot report your own" in response.content.decode()


def test_report_view_anonymous_is_sent_to_login(client, item):
    response = client.get(_url(item))

    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]


def test_report_view_hidden_or_missing_item_is_404(member_client, item, moderator):
    services.content_hide(item=item, moderator=moderator, reason="gone")

    hidden = member_client.get(_url(item))
    missing = member_client.get(
        reverse("moderation:report", kwargs={"kind": item._meta.model_name, "pk": 999_999})
    )
    unknown = member_client.get(reverse("moderation:report", kwargs={"kind": "poem", "pk": 1}))

    assert hidden.status_code == missing.status_code == unknown.status_code == HTTPStatus.NOT_FOUND


def test_report_view_profile(member_client, other_member):
    response = member_client.post(
        reverse("moderation:report", kwargs={"kind": "profile", "pk": other_member.pk}),
        {"reason": "harassment"},
    )

    assert response.status_code == HTTPStatus.OK
    assert Report.objects.get().case.kind == "profile"


def test_report_button_tag_renders_for_members_not_authors(rf, item, member):
    from django.template import Context, Template

    template = Template("{% load moderation_tags %}{% report_button item %}")
    request = rf.get("/")

    request.user = member
    for_member = template.render(Context({"request": request, "item": item}))
    request.user = item.author
    for_author = template.render(Context({"request": request, "item": item}))
    request.user = AnonymousUser()
    for_visitor = template.render(Context({"request": request, "item": item}))

    assert _url(item) in for_member
    assert "hx-get" in for_member
    assert for_author.strip() == for_visitor.strip() == ""


def test_rate_limited_response_is_429_and_keeps_the_text(member):
    request = RequestFactory().post("/questions/ask/")
    request.user = member

    response = rate_limited_response(
        request,
        PostingLimitExceeded("Slow down please", retry_after_seconds=120),
        text="My long <b>answer</b> 🌸",
        action_url="/questions/1/answer/",
    )

    body = response.content.decode()
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"] == "120"
    assert "Slow down please" in body
    assert "My long &lt;b&gt;answer&lt;/b&gt; 🌸" in body


# --- Suspended and banned members, through every posting URL that exists -----------------


def _posting_routes(question):
    """(name, url, data) for every member posting route of the content apps that exist."""
    routes = []
    try:
        routes.append(
            (
                "ask",
                reverse("forum:ask"),
                {
                    "title": "How long did the tiredness last for you?",
                    "body": "Asking for myself.",
                    "topics": [t.pk for t in question.topics.all()],
                    "suggestions_seen": "True",
                },
            )
        )
        routes.append(
            (
                "answer",
                reverse("forum:answer_create", kwargs={"pk": question.pk}),
                {"body": "It got better after a month."},
            )
        )
    except NoReverseMatch:
        pass
    try:
        from tests.articles.factories import ArticleFactory
    except ImportError:
        return routes
    article = ArticleFactory.create()
    url = reverse("articles:comment_create", kwargs={"slug": article.slug})
    routes.append(("comment", url, {"body": "Thinking of you."}))
    return routes


def _model_counts():
    from moderation.registry import moderated_types

    return {t.label: t.model._default_manager.count() for t in moderated_types()}


@pytest.mark.parametrize("htmx", [False, True])
def test_suspended_member_cannot_post_by_any_route(client, moderator, htmx):
    pytest.importorskip("tests.forum.factories")
    from tests.moderation.conftest import _question

    question = _question(UserFactory.create())
    suspended = UserFactory.create()
    services.member_suspend(member=suspended, moderator=moderator, days=3, reason="Cool off")
    client.force_login(suspended)
    before = _model_counts()
    headers = {"HX-Request": "true"} if htmx else {}

    responses = {
        name: client.post(url, data, headers=headers)
        for name, url, data in _posting_routes(question)
    }

    assert responses
    assert _model_counts() == before
    for name, response in responses.items():
        # htmx fragments may answer 200 so the error swaps in; the refusal must still show.
        assert htmx or response.status_code >= HTTPStatus.BAD_REQUEST, name
        assert "suspended" in response.content.decode(), name


def test_banned_member_cannot_log_in_and_loses_session(client, moderator):
    banned = UserFactory.create(email="banned@example.com")
    client.force_login(banned)
    services.member_ban(member=banned, moderator=moderator, reason="Scam ring")

    home = client.get(reverse("home"))
    client.logout()
    login = client.post(
        reverse("account_login"), {"login": "banned@example.com", "password": TEST_PASSWORD}
    )

    assert not home.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
    assert login.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    if login.status_code == HTTPStatus.FOUND:
        assert "inactive" in login["Location"]


def test_suspended_member_can_still_read_and_log_in(client, moderator, member):
    services.member_suspend(member=member, moderator=moderator, days=1, reason="Pause")

    response = client.post(
        reverse("account_login"), {"login": member.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert client.session.get("_auth_user_id") == str(member.pk)


def test_pending_item_state_blocks_reporting(member_client, item):
    type(item).objects.filter(pk=item.pk).update(moderation_state=ModerationState.PENDING)

    response = member_client.get(_url(item))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("htmx", [False, True])
def test_posting_limits_answer_429_and_keep_the_text_on_every_route(db, client, settings, htmx):
    pytest.importorskip("tests.forum.factories")
    from tests.moderation.conftest import _question

    settings.MODERATION_QUESTIONS_PER_HOUR = 0
    settings.MODERATION_REPLIES_PER_HOUR = 0
    question = _question(UserFactory.create())
    poster = UserFactory.create()
    client.force_login(poster)
    before = _model_counts()
    headers = {"HX-Request": "true"} if htmx else {}

    responses = {
        name: (client.post(url, data, headers=headers), data)
        for name, url, data in _posting_routes(question)
    }

    assert _model_counts() == before
    for name, (response, data) in responses.items():
        # An htmx fragment may answer 200 (htmx swaps only 2xx) but still says Retry-After.
        if htmx and response.status_code == HTTPStatus.OK:
            assert response.has_header("Retry-After"), name
        else:
            assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS, name
        assert data["body"] in response.content.decode(), name


EDIT_ROUTES = ["comment", "answer", "question"]


@pytest.mark.parametrize("kind", EDIT_ROUTES)
def test_suspended_member_cannot_edit_posts(db, client, moderator, kind):
    from tests.moderation.conftest import MAKERS, available_kinds

    if kind not in available_kinds():
        pytest.skip(f"no {kind} model yet")
    suspended = UserFactory.create()
    item = MAKERS[kind](suspended)
    services.member_suspend(member=suspended, moderator=moderator, days=3, reason="Cool off")
    client.force_login(suspended)
    data: dict[str, Any] = {"body": "Edited while suspended"}
    if kind == "comment":
        url = reverse("articles:comment_edit", kwargs={"slug": item.article.slug, "pk": item.pk})
    elif kind == "question":
        url = reverse("forum:question_edit", kwargs={"pk": item.pk})
        data |= {"title": "Edited title", "topics": [t.pk for t in item.topics.all()]}
    else:
        url = reverse("forum:answer_edit", kwargs={"pk": item.pk})

    client.post(url, data)

    item.refresh_from_db()
    assert item.body != "Edited while suspended"
