from datetime import timedelta
from http import HTTPStatus
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from catalogue.models import Treatment
from forum import services
from forum.models import Answer, Question, QuestionFollow
from moderation import services as moderation_services
from moderation.models import ModerationState
from moderation.policy import PostingLimitExceeded
from tests.factories import UserFactory

from .factories import AnswerFactory, QuestionFactory, answers_fill_first_page

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
    ("", "Please write your question in a few words."),
    ("x" * 10000, "Please shorten this to 150 characters (it has 10000 now)."),
    ("What about\x00this one?", "invisible character we cannot store"),
    ("Short?", "A little more, please: at least 10 characters (so far 6)."),
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
    assert "Please choose 1 to 3 topics" in response.content.decode()


def test_ask_without_topics_says_why_topics_matter(member_client, db):
    response = member_client.post("/questions/ask/", {"title": "What helped your fatigue?"})

    html = response.content.decode()
    assert response.status_code == BAD
    assert "Please choose 1 to 3 topics, so members who know them find your question." in html
    assert "This field is required." not in html


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Please write your answer first."),
        ("   ", "Please write your answer first."),
        ("a\x00b", "invisible character we cannot store"),
        ("y" * 10001, "Please shorten this to 10000 characters (it has 10001 now)."),
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


def test_question_list_query_count_for_members(
    settings, client, member, django_assert_max_num_queries, django_assert_num_queries, topic
):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the versions read once: a fixed count
    for _ in range(30):
        QuestionFactory.create(topics=[topic])
    client.force_login(UserFactory.create())
    with django_assert_max_num_queries(6):
        client.get("/questions/")  # the first member renders the page members share
    client.force_login(member)
    client.get("/")

    # Every later member: her user row and the newsletter box (forum.member_pages).
    with django_assert_num_queries(2):
        response = client.get("/questions/")

    assert response.status_code == OK
    assert response.content.decode().count('class="card forum-question-row"') == 20


def test_question_detail_query_count_is_bounded(
    settings, client, member, question, django_assert_max_num_queries, django_assert_num_queries
):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the versions read once: a fixed count
    for _ in range(12):
        root = AnswerFactory.create(question=question)
        AnswerFactory.create(question=question, parent=root)
    first = UserFactory.create()
    client.force_login(first)

    # The first member renders the page members share (forum.member_pages): 23 at most.
    with django_assert_max_num_queries(23):
        response = client.get(question.get_absolute_url())
    client.force_login(member)
    client.get("/")  # her session and user row, as on any page after the first

    # Every later member: her user row, the question's and her facts, her posting rights,
    # her hugs on the page's answers and the newsletter box. No listing query.
    with django_assert_num_queries(5):
        shared = client.get(question.get_absolute_url())

    assert response.status_code == shared.status_code == OK


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


# --- question_detail_view: hidden answers ---


def _hide(item: Any, moderator: User) -> None:
    moderation_services.content_hide(item=item, moderator=moderator, reason="Harmful advice")


def test_question_detail_hidden_answer_with_reply_shows_placeholder_to_members(
    client, question, member, forum_moderator
):
    root = AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    AnswerFactory.create(
        question=question, parent=root, body="Please do not", body_html="<p>Please do not</p>"
    )
    lone = AnswerFactory.create(
        question=question, body="Lonely hidden words", body_html="<p>Lonely hidden words</p>"
    )
    _hide(root, forum_moderator)
    _hide(lone, forum_moderator)
    client.force_login(member)

    body = client.get(question.get_absolute_url()).content.decode()

    assert "removed by a moderator" in body
    assert "Wombat smoothie" not in body
    assert "Lonely hidden words" not in body
    assert "Please do not" in body
    assert "0 answers" in body  # the visible reply is not an answer


def test_question_detail_moderator_sees_hidden_answers_marked(
    client, question, forum_moderator, django_assert_max_num_queries
):
    AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    for answer in Answer.objects.filter(question=question):
        _hide(answer, forum_moderator)
    client.force_login(forum_moderator)

    with django_assert_max_num_queries(40):
        body = client.get(question.get_absolute_url()).content.decode()

    assert "Wombat smoothie" in body
    assert "Hidden by a moderator" in body


def test_question_detail_anonymous_sees_no_hidden_answer_or_placeholder(
    client, question, forum_moderator
):
    root = AnswerFactory.create(
        question=question,
        body="Wombat smoothie cures it",
        body_html="<p>Wombat smoothie cures it</p>",
    )
    AnswerFactory.create(
        question=question, parent=root, body="Please do not", body_html="<p>Please do not</p>"
    )
    _hide(root, forum_moderator)

    response = client.get(question.get_absolute_url())

    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Wombat smoothie" not in body
    assert "removed by a moderator" not in body
    assert "Please do not" not in body


# --- unfollow, edit window, filters, deletes, erased authors, replies, answer links, ask ---


def _token(question) -> str:
    follow = QuestionFollow.objects.get(member=question.author, question=question)
    return services.unfollow_token(follow=follow)


def test_unfollow_token_view_one_click_post_needs_no_csrf_cookie(question):
    mail_client = Client(enforce_csrf_checks=True)
    url = reverse("forum:unfollow", kwargs={"token": _token(question)})

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == HTTPStatus.OK
    assert not QuestionFollow.objects.filter(question=question).exists()


def test_unfollow_token_view_get_only_asks(question):
    url = reverse("forum:unfollow", kwargs={"token": _token(question)})

    response = Client(enforce_csrf_checks=True).get(url)

    assert b"Stop the emails for this question" in response.content
    assert QuestionFollow.objects.filter(question=question).exists()


def test_question_detail_edit_link_only_while_the_window_is_open(client, question):
    member = UserFactory.create()
    fresh = AnswerFactory.create(question=question, author=member)
    old = AnswerFactory.create(
        question=question, author=member, created_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(member)

    html = client.get(question.get_absolute_url()).content.decode()

    assert reverse("forum:answer_edit", args=[fresh.pk]) in html
    assert reverse("forum:answer_edit", args=[old.pk]) not in html


def test_answer_edit_view_closed_window_says_so_without_a_form(client, question):
    member = UserFactory.create()
    old = AnswerFactory.create(
        question=question, author=member, created_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(member)

    response = client.get(reverse("forum:answer_edit", args=[old.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Editing has closed" in html
    assert 'name="body"' not in html


def test_question_detail_page_links_keep_the_treatment_filter(client, question, settings):
    treatment = Treatment.objects.get_or_create(
        slug="test-drug", defaults={"name": "Test drug", "drug_class": "other"}
    )[0]
    for _ in range(51):
        author = UserFactory.create()
        author.profile.past_treatments.add(treatment)
        author.profile.treatments_visibility = "members"
        author.profile.save()
        AnswerFactory.create(question=question, author=author)
    client.force_login(UserFactory.create())

    html = client.get(question.get_absolute_url(), {"treatment": "test-drug"}).content.decode()

    assert "treatment=test-drug&amp;page=2" in html


def test_question_detail_deletes_ask_for_confirmation_first(client, question):
    mine = AnswerFactory.create(question=question, author=question.author)
    client.force_login(question.author)

    html = client.get(question.get_absolute_url()).content.decode()

    assert html.count("Yes, delete it") == 2
    assert "Delete this question for good?" in html
    assert "Delete this answer for good?" in html
    assert reverse("forum:answer_delete", args=[mine.pk]) in html


def test_question_detail_erased_author_is_a_former_member_without_a_link(client, question):
    gone = UserFactory.create()
    AnswerFactory.create(question=question, author=gone)
    profile_url = gone.get_absolute_url()
    type(gone).objects.filter(pk=gone.pk).update(erased_at=timezone.now())
    client.force_login(UserFactory.create())

    html = client.get(question.get_absolute_url()).content.decode()

    assert "Former member" in html
    assert f'href="{profile_url}"' not in html


def test_answer_create_view_reply_to_hidden_answer_is_refused_keeping_the_text(client, question):
    parent = AnswerFactory.create(question=question, moderation_state=ModerationState.HIDDEN)
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]),
        {"body": "My typed reply", "parent": parent.pk},
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "That answer is no longer open for replies." in html
    assert "My typed reply" in html
    assert not Answer.objects.filter(parent=parent).exists()


def test_answer_create_view_failed_reply_shows_at_its_reply_form_not_the_answer_box(
    client, question, answer
):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": " ", "parent": answer.pk}
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    main_form = html[html.index('id="your-answer-heading"') :]
    assert 'name="parent"' not in main_form
    reply_form = html[html.index(f'id="answer-{answer.pk}"') : html.index(main_form[:40])]
    assert '<details class="forum-reply-form" open>' in reply_form
    assert "Please write your answer first." in reply_form


def test_answer_create_view_new_answer_on_page_two_redirects_to_page_two(client, question):
    answers_fill_first_page(question)
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "The 51st answer."}
    )

    answer = Answer.objects.get(body="The 51st answer.")
    assert response["Location"] == f"{question.get_absolute_url()}?page=2#answer-{answer.pk}"


def test_answer_link_view_reply_leads_to_its_parents_page(client, question):
    answers_fill_first_page(question)
    late = AnswerFactory.create(question=question)
    reply = AnswerFactory.create(question=question, parent=late)
    first = Answer.objects.filter(question=question).earliest("created_at")
    client.force_login(UserFactory.create())

    late_page = client.get(reply.get_absolute_url())["Location"]
    first_page = client.get(first.get_absolute_url())["Location"]

    assert late_page == f"{question.get_absolute_url()}?page=2#answer-{reply.pk}"
    assert first_page == f"{question.get_absolute_url()}#answer-{first.pk}"


def test_answer_link_view_under_another_question_is_not_found(client, question, answer):
    other = AnswerFactory.create()
    client.force_login(UserFactory.create())

    response = client.get(reverse("forum:answer", args=[question.pk, other.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "state", [ModerationState.HIDDEN, ModerationState.PENDING, ModerationState.REMOVED]
)
def test_answer_link_view_answers_a_hidden_or_held_answer_as_a_missing_one(client, question, state):
    held = AnswerFactory.create(question=question, moderation_state=state)
    client.force_login(UserFactory.create())

    held_response = client.get(held.get_absolute_url())
    missing_response = client.get(reverse("forum:answer", args=[question.pk, held.pk + 1000]))

    assert held_response.status_code == HTTPStatus.NOT_FOUND
    assert missing_response.status_code == HTTPStatus.NOT_FOUND
    assert b"We could not find that page" in held_response.content


def test_answer_link_view_leads_the_author_to_her_own_pending_answer(client, question):
    pending = AnswerFactory.create(question=question, moderation_state=ModerationState.PENDING)
    client.force_login(pending.author)

    response = client.get(pending.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(f"#answer-{pending.pk}")


def test_answer_link_view_leads_a_moderator_to_a_hidden_answer(client, question, forum_moderator):
    hidden = AnswerFactory.create(question=question, moderation_state=ModerationState.HIDDEN)
    client.force_login(forum_moderator)

    response = client.get(hidden.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND


@pytest.mark.parametrize("parent", ["²", "abc", str(2**70)])
def test_answer_create_view_garbled_reply_target_is_a_form_error_keeping_the_text(
    client, question, parent
):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "Kept text", "parent": parent}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "We could not find the answer you replied to." in response.content.decode()
    assert "Kept text" in response.content.decode()


def test_ask_view_non_ascii_digit_for_a_treatment_is_a_form_error(client, topic):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:ask"),
        {"title": "What helped you sleep?", "topics": [topic.pk], "treatments": ["²"]},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_ask_view_tells_a_new_member_who_reviews_and_how_long(client, topic, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    client.force_login(UserFactory.create(date_joined=timezone.now()))

    html = client.get("/questions/ask/").content.decode()

    assert "Your question will wait for a quick review." in html
    assert "volunteer moderators" in html
    assert "we will email you as soon as it is published" in html


def test_ask_view_held_question_says_what_happens_next_and_explains_on_its_page(
    client, topic, settings
):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    client.force_login(UserFactory.create(date_joined=timezone.now()))

    response = client.post(
        "/questions/ask/",
        {
            "title": "How did you cope with the first infusion?",
            "body": "Starting next week.",
            "topics": [topic.pk],
            "suggestions_seen": "True",
        },
        follow=True,
    )

    html = response.content.decode()
    assert Question.objects.get().moderation_state == ModerationState.PENDING
    assert "your question is saved" in html
    assert "Only you can see this question for now." in html


def test_question_page_explains_a_held_question_to_moderators_not_to_others(
    client, question, forum_moderator
):
    Question.objects.filter(pk=question.pk).update(moderation_state=ModerationState.PENDING)
    client.force_login(forum_moderator)

    html = client.get(question.get_absolute_url()).content.decode()

    assert "members cannot see this question yet" in html
    assert "Only you can see this question" not in html


def test_answer_create_view_confirms_the_answer_is_posted(client, question):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "It got easier."}, follow=True
    )

    assert "Your answer is posted." in response.content.decode()


def test_answer_form_tells_a_member_with_few_posts_that_links_wait(client, question, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 3
    client.force_login(UserFactory.create())

    html = client.get(question.get_absolute_url()).content.decode()

    assert "Posts with a link wait for a quick review." in html


def test_question_and_answer_context_notes_show_to_members(client, question, answer, moderator):
    from moderation.context_notes import context_note_set

    context_note_set(item=question, moderator=moderator, text="About the question: see the guide.")
    context_note_set(item=answer, moderator=moderator, text="About the answer: ask your team.")
    client.force_login(UserFactory.create())

    html = client.get(question.get_absolute_url()).content.decode()

    assert "About the question: see the guide." in html
    assert "About the answer: ask your team." in html


def test_answer_edit_view_a_claim_slipped_in_sends_it_back_to_review_and_says_so(client, question):
    author = UserFactory.create()
    answer = AnswerFactory.create(question=question, author=author, body="Week two was hard.")
    client.force_login(author)

    response = client.post(
        reverse("forum:answer_edit", args=[answer.pk]),
        {"body": "Week two was hard. Honestly, you don't need chemo, try the alkaline diet."},
        follow=True,
    )

    answer.refresh_from_db()
    assert answer.moderation_state == ModerationState.PENDING
    assert "now waits for one of our volunteer moderators" in response.content.decode()


def test_question_detail_shared_answers_are_not_shared_with_a_member_who_blocked_the_author(
    client, question
):
    from accounts.blocks import member_block
    from accounts.models import Profile

    author = UserFactory.create()
    AnswerFactory.create(question=question, author=author)
    Profile.objects.filter(user=author).update(photo_key="a" * 32)
    photo = "/members/photo/" + "a" * 32
    client.force_login(UserFactory.create())
    assert photo in client.get(question.get_absolute_url()).content.decode()  # the shared copy
    blocker = UserFactory.create()
    member_block(blocker=blocker, blocked=author)
    client.force_login(blocker)

    html = client.get(question.get_absolute_url()).content.decode()

    assert photo not in html
