"""The care-team list pages: add from anywhere, reorder with or without htmx, print, email."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.mail.models import OutboxMessage
from treatments.models import CareQuestion, SuggestedQuestion

pytestmark = pytest.mark.django_db

LIST = "/treatments/my-questions/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def _mine(member, *texts):
    return [
        CareQuestion.objects.create(owner=member, text=text, position=n)
        for n, text in enumerate(texts)
    ]


def _texts(member):
    return list(
        CareQuestion.objects.filter(owner=member)
        .order_by("position", "id")
        .values_list("text", flat=True)
    )


def test_care_list_view_anonymous_is_sent_to_log_in(client):
    response = client.get(LIST)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_care_list_view_shows_only_her_questions_and_general_suggestions(
    member_client, member, other_member
):
    _mine(member, "My own question?")
    _mine(other_member, "Someone else's worry?")
    SuggestedQuestion.objects.create(text="What is the goal of my treatment?")

    html = member_client.get(LIST).content.decode()

    assert "My own question?" in html
    assert "Someone else&#x27;s worry?" not in html
    assert "Someone else's worry?" not in html
    assert "What is the goal of my treatment?" in html


def test_care_list_view_add_own_question_redirects_to_it(member_client, member):
    response = member_client.post(LIST, {"text": "Can I keep working?"})

    question = CareQuestion.objects.get(owner=member)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{LIST}#care-question-{question.pk}"


def test_care_list_view_add_from_a_treatment_page_goes_back_there_with_a_note(
    member_client, member
):
    response = member_client.post(
        LIST,
        {
            "text": "How long will I have it?",
            "source_label": "Trastuzumab",
            "source_url": "/treatments/trastuzumab/",
        },
        follow=True,
    )

    question = CareQuestion.objects.get(owner=member)
    assert response.redirect_chain[-1][0] == "/treatments/trastuzumab/"
    assert "Added to your list." in response.content.decode()
    assert (question.source_label, question.source_url) == (
        "Trastuzumab",
        "/treatments/trastuzumab/",
    )


def test_care_list_view_add_never_redirects_off_site(member_client):
    response = member_client.post(
        LIST, {"text": "Safe?", "source_label": "x", "source_url": "https://evil.example/"}
    )

    assert response["Location"].startswith(LIST)


def test_care_list_view_add_with_htmx_from_a_page_answers_a_note(member_client):
    response = member_client.post(
        LIST, {"text": "Is it given at home?", "source_url": "/treatments/phesgo/"}, **HTMX
    )

    assert response.status_code == HTTPStatus.OK
    assert "Added to your list." in response.content.decode()
    assert "<html" not in response.content.decode()


def test_care_list_view_add_again_says_it_is_already_there(member_client, member):
    _mine(member, "Is it given at home?")

    response = member_client.post(
        LIST, {"text": "Is it given at home?", "source_url": "/treatments/phesgo/"}, **HTMX
    )

    assert "already on your list" in response.content.decode()
    assert CareQuestion.objects.filter(owner=member).count() == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Please write your question before adding it."),
        ("x" * 600, "Please keep a question under 500 characters (this one has 600)."),
        ("Bad\x00byte", "invisible character"),
    ],
)
def test_care_list_view_bad_input_is_a_kind_message_and_keeps_the_text(
    member_client, member, text, message
):
    response = member_client.post(LIST, {"text": text})

    html = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in html
    if text and "\x00" not in text:
        assert text in html
    assert not CareQuestion.objects.filter(owner=member).exists()


def test_care_list_view_html_in_a_question_is_shown_as_text(member_client, member):
    _mine(member, "<script>alert(1)</script>")

    html = member_client.get(LIST).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_care_move_view_without_js_redirects_and_with_htmx_answers_the_list(member_client, member):
    _a, b = _mine(member, "A", "B")

    plain = member_client.post(reverse("treatments:care_move", args=[b.pk]), {"direction": "up"})
    fragment = member_client.post(
        reverse("treatments:care_move", args=[b.pk]), {"direction": "down"}, **HTMX
    )

    assert plain.status_code == HTTPStatus.FOUND
    assert fragment.status_code == HTTPStatus.OK
    assert 'id="care-list"' in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    assert _texts(member) == ["A", "B"]


def test_care_list_view_first_has_no_up_and_last_no_down_button(member_client, member):
    a, b = _mine(member, "A", "B")

    html = member_client.get(LIST).content.decode()

    first = html[
        html.index(f'id="care-question-{a.pk}"') : html.index(f'id="care-question-{b.pk}"')
    ]
    last = html[html.index(f'id="care-question-{b.pk}"') :]
    assert "Move up" not in first
    assert "Move down" in first
    assert "Move up" in last
    assert "Move down" not in last.split("</li>")[0]


def test_care_answered_view_ticks_and_unticks(member_client, member):
    (question,) = _mine(member, "A")
    url = reverse("treatments:care_answered", args=[question.pk])

    member_client.post(url, {"answered": "on"})
    question.refresh_from_db()
    ticked = question.answered
    member_client.post(url, {"answered": "off"})
    question.refresh_from_db()

    assert (ticked, question.answered) == (True, False)


@pytest.mark.parametrize("name", ["care_move", "care_answered", "care_delete", "care_edit"])
def test_care_question_routes_answer_404_for_another_members_question(
    member_client, other_member, name
):
    (theirs,) = _mine(other_member, "Private to them")

    response = member_client.post(
        reverse(f"treatments:{name}", args=[theirs.pk]), {"text": "x", "answered": "on"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    theirs.refresh_from_db()
    assert (theirs.text, theirs.answered) == ("Private to them", False)


def test_care_edit_view_changes_the_words_and_refuses_empty(member_client, member):
    (question,) = _mine(member, "Old words")
    url = reverse("treatments:care_edit", args=[question.pk])

    refused = member_client.post(url, {"text": "  "})
    saved = member_client.post(url, {"text": "New words"})

    question.refresh_from_db()
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "Please write your question" in refused.content.decode()
    assert saved.status_code == HTTPStatus.FOUND
    assert question.text == "New words"


def test_care_delete_and_clear_views(member_client, member):
    a, b, _c = _mine(member, "A", "B", "C")
    CareQuestion.objects.filter(pk=b.pk).update(answered=True)

    member_client.post(reverse("treatments:care_delete", args=[a.pk]))
    member_client.post(reverse("treatments:care_clear"))

    assert _texts(member) == ["C"]


def test_care_print_view_shows_open_questions_on_a_clean_page(member_client, member):
    _open_q, done = _mine(member, "Still to ask", "Already answered")
    CareQuestion.objects.filter(pk=done.pk).update(answered=True)

    html = member_client.get(reverse("treatments:care_print")).content.decode()

    assert "Still to ask" in html
    assert "Already answered" not in html
    assert 'class="no-print' in html  # the instructions and link stay off the paper


def test_care_email_view_queues_the_email_and_says_where(member_client, member):
    _mine(member, "A")

    response = member_client.post(reverse("treatments:care_email"), follow=True)

    assert OutboxMessage.objects.filter(to_email=member.email).count() == 1
    assert f"on its way to {member.email}" in response.content.decode()


def test_care_email_view_empty_list_is_a_message_not_an_error(member_client):
    response = member_client.post(reverse("treatments:care_email"), follow=True)

    assert response.status_code == HTTPStatus.OK
    assert "nothing to send yet" in response.content.decode()
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize("size", [0, 100])
def test_care_list_view_query_count_is_bounded(
    member_client, member, django_assert_max_num_queries, size
):
    CareQuestion.objects.bulk_create(
        CareQuestion(owner=member, text=f"Q{n}", position=n, source_label="x", source_url="/")
        for n in range(size)
    )
    for n in range(10):
        SuggestedQuestion.objects.create(text=f"General {n}")

    with django_assert_max_num_queries(8):
        response = member_client.get(LIST)

    assert response.status_code == HTTPStatus.OK


def test_article_page_offers_its_suggested_questions_to_members(client, member):
    from articles.models import ArticleSuggestedQuestion
    from tests.articles.factories import ArticleFactory

    article = ArticleFactory.create()
    ArticleSuggestedQuestion.objects.create(article=article, text="Ask about my heart?")

    visitor = client.get(article.get_absolute_url()).content.decode()
    client.force_login(member)
    for_member = client.get(article.get_absolute_url()).content.decode()

    assert "Ask about my heart?" in visitor
    assert 'action="/treatments/my-questions/"' not in visitor
    assert 'action="/treatments/my-questions/"' in for_member
    assert f'name="source_url" value="{article.get_absolute_url()}"' in for_member


def test_care_list_view_double_submit_same_key_adds_once_and_answers_the_same(
    member_client, member
):
    from core.idempotency import key_new

    data = {"text": "Will I need a port?", "idempotency_key": key_new()}

    first = member_client.post(LIST, data)
    second = member_client.post(LIST, data)

    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert first["Location"] == second["Location"]
    assert CareQuestion.objects.filter(owner=member).count() == 1


def test_care_list_view_form_sent_back_with_an_error_keeps_its_key(member_client):
    from core.idempotency import key_new

    key = key_new()

    html = member_client.post(LIST, {"text": "", "idempotency_key": key}).content.decode()

    assert f'name="idempotency_key" value="{key}"' in html


@pytest.mark.parametrize("size", [1, 100])
def test_care_print_and_edit_views_query_count_is_bounded(
    member_client, member, django_assert_max_num_queries, size
):
    CareQuestion.objects.bulk_create(
        CareQuestion(owner=member, text=f"Q{n}", position=n) for n in range(size)
    )
    first = CareQuestion.objects.filter(owner=member).order_by("position").first()
    assert first is not None

    with django_assert_max_num_queries(6):
        printed = member_client.get(reverse("treatments:care_print"))
    with django_assert_max_num_queries(6):
        edit = member_client.get(reverse("treatments:care_edit", args=[first.pk]))

    assert printed.status_code == edit.status_code == HTTPStatus.OK
