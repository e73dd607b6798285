from http import HTTPStatus

import pytest
from django.urls import reverse

from forum import services
from forum.models import Answer, Question, QuestionFollow
from moderation.models import ModerationState
from moderation.policy import PostingLimitExceeded
from tests.factories import UserFactory

from .factories import AnswerFactory, QuestionFactory

ROLES = ["anonymous", "unverified", "member", "author", "moderator"]
OK, FOUND, MOVED = HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.MOVED_PERMANENTLY
FORBIDDEN, NOT_FOUND, BAD = HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND, HTTPStatus.BAD_REQUEST
NOT_ALLOWED = HTTPStatus.METHOD_NOT_ALLOWED


@pytest.fixture
def world(topic, moderator):
    author = UserFactory.create()
    question = QuestionFactory.create(author=author, topics=[topic], is_anonymous=True)
    QuestionFollow.objects.create(member=author, question=question)
    answer = AnswerFactory.create(question=question, author=author)
    follow = QuestionFollow.objects.get(member=author, question=question)
    return {
        "author": author,
        "moderator": moderator,
        "question": question,
        "answer": answer,
        "topic": topic,
        "token": services.unfollow_token(follow=follow),
    }


def _login(client, role, world):
    user = {
        "anonymous": None,
        "unverified": UserFactory.create(verified=False),
        "member": UserFactory.create(),
        "author": world["author"],
        "moderator": world["moderator"],
    }[role]
    if user is not None:
        client.force_login(user)
    return user


def _cases(world):
    q, a, t = world["question"], world["answer"], world["topic"]
    ask = {"title": "What helped your tiredness on TCHP?", "body": "x", "topics": [t.pk]}
    ask_seen = {**ask, "suggestions_seen": "True"}
    # (name, method, url, data, {role: expected status})
    everyone = dict.fromkeys(ROLES, OK)
    login_then = {"anonymous": FOUND}
    return [
        ("list", "get", "/questions/", None, everyone),
        ("list fragment", "get", "/questions/?tab=unanswered&after=xyz", None, everyone),
        ("detail", "get", q.get_absolute_url(), None, everyone),
        ("short url", "get", f"/questions/{q.pk}/", None, dict.fromkeys(ROLES, MOVED)),
        ("wrong slug", "get", f"/questions/{q.pk}/wrong/", None, dict.fromkeys(ROLES, MOVED)),
        ("missing", "get", "/questions/999999/x/", None, dict.fromkeys(ROLES, NOT_FOUND)),
        ("list put", "put", "/questions/", None, dict.fromkeys(ROLES, NOT_ALLOWED)),
        ("ask page", "get", "/questions/ask/", None, {**everyone, **login_then}),
        (
            "ask post",
            "post",
            "/questions/ask/",
            ask_seen,
            {**dict.fromkeys(ROLES, FOUND), "unverified": FORBIDDEN},
        ),
        (
            "ask check",
            "get",
            "/questions/ask/check/?title=chemo+last",
            None,
            {**everyone, **login_then},
        ),
        (
            "answer",
            "post",
            f"/questions/{q.pk}/answer/",
            {"body": "Sending love."},
            {**dict.fromkeys(ROLES, FOUND), "unverified": FORBIDDEN},
        ),
        (
            "answer get",
            "get",
            f"/questions/{q.pk}/answer/",
            None,
            {**dict.fromkeys(ROLES, NOT_ALLOWED), **login_then},
        ),
        (
            "hug",
            "post",
            f"/questions/{q.pk}/hug/",
            {"hug": "on"},
            {**dict.fromkeys(ROLES, FOUND), "unverified": FORBIDDEN},
        ),
        (
            "follow",
            "post",
            f"/questions/{q.pk}/follow/",
            {"follow": "1"},
            dict.fromkeys(ROLES, FOUND),
        ),
        (
            "edit page",
            "get",
            f"/questions/{q.pk}/edit/",
            None,
            {**dict.fromkeys(ROLES, FORBIDDEN), **login_then, "author": OK},
        ),
        (
            "delete",
            "post",
            f"/questions/{q.pk}/delete/",
            None,
            {**dict.fromkeys(ROLES, FORBIDDEN), **login_then, "author": FOUND},
        ),
        (
            "answer edit",
            "get",
            f"/questions/answers/{a.pk}/edit/",
            None,
            {**dict.fromkeys(ROLES, FORBIDDEN), **login_then, "author": OK},
        ),
        (
            "answer delete",
            "post",
            f"/questions/answers/{a.pk}/delete/",
            None,
            {**dict.fromkeys(ROLES, FORBIDDEN), **login_then, "author": FOUND},
        ),
        (
            "answer hug",
            "post",
            f"/questions/answers/{a.pk}/hug/",
            {"hug": "on"},
            {**dict.fromkeys(ROLES, FOUND), "unverified": FORBIDDEN},
        ),
        (
            "helpful",
            "post",
            f"/questions/answers/{a.pk}/helpful/",
            {"helpful": "1"},
            {**dict.fromkeys(ROLES, FORBIDDEN), **login_then, "author": FOUND},
        ),
        (
            "reveal",
            "get",
            reverse("forum:reveal", args=["question", q.pk]),
            None,
            {**dict.fromkeys(ROLES, NOT_FOUND), **login_then, "moderator": OK},
        ),
        (
            "reveal post",
            "post",
            reverse("forum:reveal", args=["question", q.pk]),
            {"reason": "Report 7"},
            {**dict.fromkeys(ROLES, NOT_FOUND), **login_then, "moderator": OK},
        ),
        ("following", "get", "/questions/following/", None, {**everyone, **login_then}),
        (
            "preference",
            "post",
            "/questions/following/",
            {"frequency": "daily"},
            {**everyone, **login_then},
        ),
        ("unfollow link", "get", f"/questions/unfollow/{world['token']}/", None, everyone),
        ("unfollow do", "post", f"/questions/unfollow/{world['token']}/", None, everyone),
        (
            "unfollow forged",
            "get",
            "/questions/unfollow/forged/",
            None,
            dict.fromkeys(ROLES, NOT_FOUND),
        ),
        ("search", "get", "/search/?q=chemo", None, everyone),
        ("search fragment", "get", "/search/?q=chemo&kind=answer", None, everyone),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_forum_access_matrix(client, world, role):
    _login(client, role, world)
    failures = []
    for name, method, url, data, expected in _cases(world):
        headers = {"HX-Request": "true"} if "fragment" in name else {}
        response = getattr(client, method)(url, data=data or {}, headers=headers)
        if response.status_code != expected[role]:
            failures.append(f"{name}: {response.status_code} != {expected[role]}")
        # restore state the destructive cases changed, so every case sees the same world
        Question.objects.filter(pk=world["question"].pk).update(
            moderation_state=ModerationState.VISIBLE
        )
        Answer.objects.filter(pk=world["answer"].pk).update(
            moderation_state=ModerationState.VISIBLE, body="What helped me was a walk."
        )
    assert failures == []


@pytest.mark.parametrize("role", ROLES)
def test_forum_hidden_question_is_404_like_missing(client, world, role):
    Question.objects.filter(pk=world["question"].pk).update(moderation_state=ModerationState.HIDDEN)
    _login(client, role, world)

    response = client.get(world["question"].get_absolute_url())

    assert response.status_code == NOT_FOUND


def test_question_detail_anonymous_sees_title_and_join_prompt_only(client, question):
    AnswerFactory.create(question=question, body="Private answer words")

    response = client.get(question.get_absolute_url())

    html = response.content.decode()
    assert question.title in html
    assert "Join for free" in html
    assert "tiredness" not in html  # the details
    assert "Private answer words" not in html
    assert question.author.display_name not in html


def test_question_detail_anonymous_author_hidden_from_members(client, member, question):
    Question.objects.filter(pk=question.pk).update(is_anonymous=True)
    client.force_login(member)

    html = client.get(question.get_absolute_url()).content.decode()

    assert "A member" in html
    assert question.author.display_name not in html


def test_question_list_shows_no_author_names(client, question):
    html = client.get("/questions/").content.decode()

    assert question.title in html
    assert question.author.display_name not in html


def test_question_detail_urgent_card_for_warning_signs(client, member, topic):
    question = QuestionFactory.create(
        title="When is shortness of breath an issue on Herceptin?", topics=[topic]
    )
    client.force_login(member)

    html = client.get(question.get_absolute_url()).content.decode()

    assert "call for help first" in html


def test_ask_check_fragment_shows_urgent_card_and_similar(member_client, question):
    url = "/questions/ask/check/"

    response = member_client.get(url, {"title": question.title[:30], "body": "I have a fever"})

    html = response.content.decode()
    assert "call for help first" in html
    assert question.title in html


def test_ask_without_js_shows_similar_then_posts(member_client, question, topic):
    data = {"title": question.title, "body": "Same again", "topics": [topic.pk]}

    first = member_client.post("/questions/ask/", data)
    second = member_client.post("/questions/ask/", {**data, "suggestions_seen": "True"})

    assert first.status_code == OK
    assert "Members have asked something similar" in first.content.decode()
    assert second.status_code == FOUND
    assert Question.objects.count() == 2


BAD_TITLES = [
    ("", "This field is required"),
    ("x" * 10000, "at most 150 characters"),
    ("What about\x00this one?", "Null characters are not allowed"),
    ("Short?", "at least 10 characters"),
    ("I had DCIS and no stage", "phrase your title as a question"),
]


@pytest.mark.parametrize(("title", "error"), BAD_TITLES)
def test_ask_bad_input_keeps_text_and_explains(member_client, topic, title, error):
    response = member_client.post(
        "/questions/ask/",
        {"title": title, "body": "Kept <script>x</script> 🌸", "topics": [topic.pk]},
    )

    html = response.content.decode()
    assert response.status_code == BAD
    assert error in html
    assert "Kept &lt;script&gt;x&lt;/script&gt; 🌸" in html
    assert not Question.objects.exists()


def test_ask_too_many_topics_is_form_error(member_client, db):
    from tests.factories import TopicFactory

    topics = [TopicFactory.create().pk for _ in range(4)]

    response = member_client.post(
        "/questions/ask/", {"title": "What now for me?", "topics": topics}
    )

    assert response.status_code == BAD
    assert "between 1 and 3 topics" in response.content.decode()


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Please write your answer first."),
        ("   ", "Please write your answer first."),
        ("a\x00b", "Null characters are not allowed"),
        ("y" * 10001, "at most 10000 characters"),
    ],
)
def test_answer_bad_input_gives_form_error(member_client, question, body, error):
    response = member_client.post(f"/questions/{question.pk}/answer/", {"body": body})

    assert response.status_code == BAD
    assert error in response.content.decode()
    assert question.answers.count() == 0


def test_answer_rate_limited_gets_429_and_keeps_text(member_client, question, monkeypatch):
    def refuse(**kwargs):
        raise PostingLimitExceeded("You have posted a lot this hour.", retry_after_seconds=60)

    monkeypatch.setattr("forum.services.posts.posting_limits_check", refuse)

    response = member_client.post(f"/questions/{question.pk}/answer/", {"body": "Typed text"})

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"] == "60"
    assert "Typed text" in response.content.decode()


def test_ask_rate_limited_gets_429_and_keeps_text(member_client, topic, monkeypatch):
    def refuse(**kwargs):
        raise PostingLimitExceeded("Slow down a little.")

    monkeypatch.setattr("forum.services.posts.posting_limits_check", refuse)
    data = {
        "title": "What did you pack for chemo days?",
        "body": "Typed details",
        "topics": [topic.pk],
        "suggestions_seen": "True",
    }

    response = member_client.post("/questions/ask/", data)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Typed details" in response.content.decode()


def test_hug_htmx_returns_fragment(member_client, question):
    response = member_client.post(
        f"/questions/{question.pk}/hug/", {"hug": "on"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == OK
    assert "1 hug" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_question_list_query_count_is_bounded(client, django_assert_max_num_queries, topic):
    for _ in range(30):
        QuestionFactory.create(topics=[topic])

    with django_assert_max_num_queries(6):
        client.get("/questions/")
    with django_assert_max_num_queries(6):
        client.get(f"/questions/?topic={topic.slug}&tab=unanswered")


def test_question_detail_query_count_is_bounded(
    client, member, question, django_assert_max_num_queries
):
    for _ in range(12):
        root = AnswerFactory.create(question=question)
        AnswerFactory.create(question=question, parent=root)
    client.force_login(member)

    with django_assert_max_num_queries(22):
        response = client.get(question.get_absolute_url())

    assert response.status_code == OK


def test_forum_huge_ids_are_404_or_form_errors_never_500(member_client, question, topic):
    huge = 2**70

    page = member_client.get(f"/questions/{huge}/x/")
    ask = member_client.post("/questions/ask/", {"title": "What now for me?", "topics": [huge]})
    reply = member_client.post(
        f"/questions/{question.pk}/answer/", {"body": "Hello", "parent": str(huge)}
    )

    assert page.status_code == NOT_FOUND
    assert ask.status_code == BAD
    assert reply.status_code == BAD


def test_question_page_shows_hug_counts_but_no_hug_button_before_email_is_confirmed(
    client, unverified_member, question
):
    client.force_login(unverified_member)

    page = client.get(question.get_absolute_url()).content.decode()

    assert f"/questions/{question.pk}/hug/" not in page
    assert "0 hugs" in page
