"""core.middleware.MemberResponsesPrivateMiddleware: member pages are never stored by a cache."""

from http import HTTPStatus

import pytest

from tests.forum.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def _cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", ["/", "/questions/", "/members/", "/accounts/settings/"])
def test_member_responses_are_private_and_never_stored(member_client, path):
    response = member_client.get(path)

    assert response.status_code == HTTPStatus.OK
    assert {"private", "no-store"} <= _cache_control(response)


def test_member_responses_private_on_a_question_page_and_its_htmx_fragment(member_client):
    question = QuestionFactory.create()

    page = member_client.get(question.get_absolute_url())
    fragment = member_client.get(question.get_absolute_url(), headers={"HX-Request": "true"})

    for response in (page, fragment):
        assert {"private", "no-store"} <= _cache_control(response)
        assert "HX-Request" in response["Vary"]


def test_member_responses_private_overrides_a_public_cache_control(member_client):
    response = member_client.get("/robots.txt")

    assert "public" not in _cache_control(response)
    assert {"private", "no-store"} <= _cache_control(response)


def test_visitor_pages_stay_cacheable_and_vary_on_htmx(client):
    response = client.get("/questions/")

    assert not {"private", "no-store"} & _cache_control(response)
    assert "HX-Request" in response["Vary"]
