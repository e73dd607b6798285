"""Second review of the forum: each test states one fixed defect."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Treatment
from core.mail.models import OutboxMessage
from forum import selectors, services
from forum.models import Answer, QuestionFollow
from moderation.models import ModerationState
from tests.factories import UserFactory

from .factories import AnswerFactory

# --- 1. One-click unfollow (RFC 8058) -------------------------------------------------------


def _token(question) -> str:
    follow = QuestionFollow.objects.get(member=question.author, question=question)
    return services.unfollow_token(follow=follow)


def test_one_click_unfollow_post_needs_no_csrf_cookie(question):
    mail_client = Client(enforce_csrf_checks=True)
    url = reverse("forum:unfollow", kwargs={"token": _token(question)})

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == HTTPStatus.OK
    assert not QuestionFollow.objects.filter(question=question).exists()


def test_unfollow_get_only_asks(question):
    url = reverse("forum:unfollow", kwargs={"token": _token(question)})

    response = Client(enforce_csrf_checks=True).get(url)

    assert b"Stop the emails for this question" in response.content
    assert QuestionFollow.objects.filter(question=question).exists()


# --- 5. The edit window ---------------------------------------------------------------------


def test_edit_link_only_while_the_window_is_open(client, question):
    member = UserFactory.create()
    fresh = AnswerFactory.create(question=question, author=member)
    old = AnswerFactory.create(
        question=question, author=member, created_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(member)

    html = client.get(question.get_absolute_url()).content.decode()

    assert reverse("forum:answer_edit", args=[fresh.pk]) in html
    assert reverse("forum:answer_edit", args=[old.pk]) not in html


def test_closed_edit_page_says_so_without_a_form(client, question):
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


# --- 6. Filters survive the answer pages ----------------------------------------------------


def test_answer_page_links_keep_the_treatment_filter(client, question, settings):
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


# --- 7. Deleting asks first -----------------------------------------------------------------


def test_deletes_ask_for_confirmation_first(client, question):
    mine = AnswerFactory.create(question=question, author=question.author)
    client.force_login(question.author)

    html = client.get(question.get_absolute_url()).content.decode()

    assert html.count("Yes, delete it") == 2
    assert "Delete this question for good?" in html
    assert "Delete this answer for good?" in html
    assert reverse("forum:answer_delete", args=[mine.pk]) in html


# --- 8. Erased authors ----------------------------------------------------------------------


def test_erased_author_is_a_former_member_without_a_link(client, question):
    gone = UserFactory.create()
    AnswerFactory.create(question=question, author=gone)
    profile_url = gone.get_absolute_url()
    type(gone).objects.filter(pk=gone.pk).update(erased_at=timezone.now())
    client.force_login(UserFactory.create())

    html = client.get(question.get_absolute_url()).content.decode()

    assert "Former member" in html
    assert f'href="{profile_url}"' not in html


# --- 2. Replies only to answers open for them -----------------------------------------------


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.REMOVED, "pending"])
def test_no_reply_to_an_answer_closed_for_replies(question, state):
    parent = AnswerFactory.create(question=question, moderation_state=state)
    member = UserFactory.create()

    with pytest.raises(ValidationError, match="no longer open for replies"):
        services.answer_create(question=question, author=member, body="Me too.", parent=parent)


def test_member_may_reply_under_her_own_pending_answer(question):
    member = UserFactory.create()
    parent = AnswerFactory.create(
        question=question, author=member, moderation_state=ModerationState.PENDING
    )

    reply = services.answer_create(question=question, author=member, body="Also...", parent=parent)

    assert reply.parent_id == parent.pk


def test_reply_to_hidden_answer_is_refused_keeping_the_text(client, question):
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


# --- 3. A failed reply comes back at its own reply form -------------------------------------


def test_failed_reply_shows_at_its_reply_form_not_the_answer_box(client, question, answer):
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


# --- 4. Links reach the page that shows the answer ------------------------------------------


def _fill_first_page(question) -> None:
    start = timezone.now() - timedelta(days=1)
    for n in range(50):
        AnswerFactory.create(question=question, created_at=start + timedelta(minutes=n))


def test_new_answer_on_page_two_redirects_to_page_two(client, question):
    _fill_first_page(question)
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "The 51st answer."}
    )

    answer = Answer.objects.get(body="The 51st answer.")
    assert response["Location"] == f"{question.get_absolute_url()}?page=2#answer-{answer.pk}"


def test_reply_links_to_its_parents_page(client, question):
    _fill_first_page(question)
    late = AnswerFactory.create(question=question)
    reply = AnswerFactory.create(question=question, parent=late)
    first = Answer.objects.filter(question=question).earliest("created_at")
    client.force_login(UserFactory.create())

    late_page = client.get(reply.get_absolute_url())["Location"]
    first_page = client.get(first.get_absolute_url())["Location"]

    assert late_page == f"{question.get_absolute_url()}?page=2#answer-{reply.pk}"
    assert first_page == f"{question.get_absolute_url()}#answer-{first.pk}"


def test_follower_email_links_the_page_that_shows_the_answer(question):
    _fill_first_page(question)
    answer = AnswerFactory.create(question=question)

    services.answer_notify_followers(answer_id=answer.pk)

    email = OutboxMessage.objects.get(kind="forum/new_answer")
    assert f"{question.get_absolute_url()}?page=2#answer-{answer.pk}" in email.body_text


def test_finding_the_page_takes_a_bounded_number_of_queries(
    question, django_assert_max_num_queries
):
    _fill_first_page(question)
    reply = AnswerFactory.create(question=question, parent=AnswerFactory.create(question=question))
    member = UserFactory.create()

    with django_assert_max_num_queries(3):
        assert selectors.answer_page_number(answer=reply, viewer=member) == 2


def test_answer_address_under_another_question_is_not_found(client, question, answer):
    other = AnswerFactory.create()
    client.force_login(UserFactory.create())

    response = client.get(reverse("forum:answer", args=[question.pk, other.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("parent", ["²", "abc", str(2**70)])
def test_garbled_reply_target_is_a_form_error_keeping_the_text(client, question, parent):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:answer_create", args=[question.pk]), {"body": "Kept text", "parent": parent}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "We could not find the answer you replied to." in response.content.decode()
    assert "Kept text" in response.content.decode()


def test_ask_with_a_non_ascii_digit_for_a_treatment_is_a_form_error(client, topic):
    client.force_login(UserFactory.create())

    response = client.post(
        reverse("forum:ask"),
        {"title": "What helped you sleep?", "topics": [topic.pk], "treatments": ["²"]},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
