"""Second review of the forum: each test states one fixed defect."""

from http import HTTPStatus

from django.test import Client
from django.urls import reverse

from forum import services
from forum.models import QuestionFollow

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
