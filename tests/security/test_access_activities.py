"""Activities routes x the five viewers the issue names: visitor, member, team member, blocked
member and moderator, on a TEAM-ONLY update by `author` (the hardest case), plus leak checks.

The generated matrix (test_access_matrix.py) covers every route for its eight roles on an
update shared with all members; this one adds the two roles only activities has (her team,
and the member she blocked, who was on her team before), and checks text, not only status.
"""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from accounts.blocks import member_block
from activities.models import Audience, TeamRequest, UpdateComment, UpdateHug
from core.idempotency import key_new
from tests.activities.factories import UpdateCommentFactory, UpdateFactory, team_link
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Zebrafinch scan result came back clear"
COMMENT = "Okapi hugs from me to you"
ROLES = ("visitor", "member", "team_member", "blocked_member", "moderator")


@pytest.fixture
def world(settings) -> dict[str, Any]:
    settings.STAFF_REQUIRE_2FA = False
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    author = UserFactory.create(display_name="Aurelia")
    team_member = UserFactory.create(display_name="Tamsin")
    blocked = UserFactory.create(display_name="Bertha")
    moderator = UserFactory.create(display_name="Moana", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="view_moderationcase"))
    moderator.groups.add(group)
    team_link(author, team_member)
    team_link(author, blocked)
    update = UpdateFactory.create(author=author, body=SECRET, audience=Audience.TEAM)
    comment = UpdateCommentFactory.create(update=update, author=team_member, body=COMMENT)
    member_block(blocker=author, blocked=blocked)
    return {
        "author": author,
        "update": update,
        "comment": comment,
        "users": {
            "visitor": None,
            "member": UserFactory.create(display_name="Mira"),
            "team_member": team_member,
            "blocked_member": blocked,
            "moderator": moderator,
        },
    }


def _client(world: dict[str, Any], role: str) -> Client:
    client = Client()
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


SEES = {"visitor": False, "member": False, "team_member": True, "blocked_member": False}
SEES["moderator"] = False  # moderators meet team-only updates only through a report, in admin


@pytest.mark.parametrize("role", ROLES)
def test_team_update_page_answers_each_role(world, role):
    response = _client(world, role).get(world["update"].get_absolute_url())

    wanted = HTTPStatus.OK if SEES[role] else HTTPStatus.NOT_FOUND
    assert response.status_code == wanted
    assert (SECRET in response.content.decode()) is SEES[role]
    assert (COMMENT in response.content.decode()) is SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_authors_activities_page_shows_the_team_update_to_her_team_only(world, role):
    response = _client(world, role).get(f"/members/{world['author'].handle}/activities/")

    page = response.content.decode()
    wanted = {"visitor": 404, "blocked_member": 404}.get(role, 200)
    assert response.status_code == wanted
    assert (SECRET in page) is SEES[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("tab", ["team", "everyone"])
def test_feed_carries_the_team_update_only_to_her_team_on_its_team_tab(world, role, tab):
    response = _client(world, role).get(f"/activities/?tab={tab}")

    if role == "visitor":
        assert response.status_code == HTTPStatus.FOUND
        return
    assert (SECRET in response.content.decode()) is (SEES[role] and tab == "team")


@pytest.mark.parametrize("role", ROLES)
def test_hugging_the_team_update_works_for_her_team_only(world, role):
    url = reverse("activities:update_hug", kwargs={"pk": world["update"].pk})

    response = _client(world, role).post(url, {"hug": "on"})

    expected = {"visitor": HTTPStatus.FOUND, "team_member": HTTPStatus.FOUND}
    assert response.status_code == expected.get(role, HTTPStatus.NOT_FOUND)
    assert UpdateHug.objects.exists() is SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_commenting_on_the_team_update_works_for_her_team_only(world, role):
    url = reverse("activities:comment_create", kwargs={"pk": world["update"].pk})

    response = _client(world, role).post(url, {"body": "Hello", "idempotency_key": key_new()})

    expected = {"visitor": HTTPStatus.FOUND, "team_member": HTTPStatus.FOUND}
    assert response.status_code == expected.get(role, HTTPStatus.NOT_FOUND)
    assert UpdateComment.objects.filter(body="Hello").exists() is SEES[role]


@pytest.mark.parametrize("role", ROLES)
def test_reporting_the_team_update_works_for_her_team_only(world, role):
    url = reverse("moderation:report", kwargs={"kind": "update", "pk": world["update"].pk})

    response = _client(world, role).get(url)

    if role == "visitor":
        assert response.status_code == HTTPStatus.FOUND
    else:
        assert response.status_code == (HTTPStatus.OK if SEES[role] else HTTPStatus.NOT_FOUND)


@pytest.mark.parametrize("role", ROLES)
def test_reporting_the_comment_under_it_works_for_her_team_only(world, role):
    url = reverse("moderation:report", kwargs={"kind": "update-comment", "pk": world["comment"].pk})

    response = _client(world, role).get(url)

    if role != "visitor":
        assert response.status_code == (HTTPStatus.OK if SEES[role] else HTTPStatus.NOT_FOUND)


@pytest.mark.parametrize("role", ROLES)
def test_search_finds_the_team_update_for_her_team_only(world, role):
    page = _client(world, role).get("/search/?q=zebrafinch").content.decode()

    # The snippet marks the matched word, so look for the rest of the sentence.
    assert ("scan result came back clear" in page) is SEES[role]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "visitor"])
def test_nobody_but_the_author_may_edit_or_delete_the_update(world, role):
    client = _client(world, role)
    pk = world["update"].pk

    edit = client.get(reverse("activities:update_edit", kwargs={"pk": pk}))
    delete = client.post(reverse("activities:update_delete", kwargs={"pk": pk}))

    assert edit.status_code == HTTPStatus.NOT_FOUND
    assert delete.status_code == HTTPStatus.NOT_FOUND


def test_blocked_member_cannot_send_a_team_request_and_is_not_told(world):
    client = _client(world, "blocked_member")

    response = client.post(
        reverse("activities:team_request", kwargs={"handle": world["author"].handle}),
        follow=True,
    )

    assert "Your team request is on its way" in response.content.decode()
    assert not TeamRequest.objects.exists()


def test_blocked_member_sees_no_profile_details_of_the_blocker(world):
    world["author"].profile.bio = "Gardener of quinces"
    world["author"].profile.save()

    page = _client(world, "blocked_member").get(world["author"].get_absolute_url())

    assert "Gardener of quinces" not in page.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles/",
        "/questions/",
        "/search/?q=zebrafinch",
        "/search/?q=okapi",
        "/sitemap.xml",
        "/feeds/articles/",
        "/members/",
    ],
)
def test_visitors_never_see_an_update_or_a_comment_under_one(world, client, path):
    UpdateFactory.create(author=world["author"], body="Quetzal day: shared with all members")

    page = client.get(path, follow=True).content.decode()

    for text in (SECRET, COMMENT, "Quetzal day", world["update"].get_absolute_url()):
        assert text not in page
