"""/members/ and /members/<handle>/: members only, each field's visibility honoured."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.forms import DirectoryFilterForm
from accounts.models import User, Visibility
from accounts.services import member_erase
from tests.factories import UserFactory

from .factories import member_with_profile

pytestmark = pytest.mark.django_db

SHARED = Visibility.MEMBERS
PRIVATE = Visibility.ONLY_ME


@pytest.fixture
def sharer():
    """A member who shares role and HER2 status but keeps stage and region to herself."""
    return member_with_profile(
        role="living_with",
        role_visibility=SHARED,
        her2_status="positive",
        her2_status_visibility=SHARED,
        stage="3",
        stage_visibility=PRIVATE,
        region="Ohio",
        region_visibility=PRIVATE,
        bio="Secret gardener.",
        bio_visibility=PRIVATE,
        treatments=("trastuzumab",),
        treatments_visibility=PRIVATE,
    )


@pytest.mark.parametrize("url_name", ["members:directory", "members:profile"])
def test_members_pages_send_anonymous_visitors_to_login_and_back(client, sharer, url_name):
    kwargs = {"handle": sharer.handle} if url_name == "members:profile" else {}
    url = reverse(url_name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('account_login')}?next={url}"
    assert b"Secret gardener" not in response.content


def test_profile_other_member_sees_shared_fields_only(member_client, sharer):
    response = member_client.get(reverse("members:profile", kwargs={"handle": sharer.handle}))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "HER2-positive" in content
    assert "Living with breast cancer" in content
    assert "Stage III" not in content
    assert "Ohio" not in content
    assert "Secret gardener" not in content
    assert "Trastuzumab" not in content
    assert "only you" not in content


def test_profile_owner_sees_private_fields_marked_only_you(client, sharer):
    client.force_login(sharer)

    response = client.get(reverse("members:profile", kwargs={"handle": sharer.handle}))

    content = response.content.decode()
    assert "Stage III" in content
    assert "Secret gardener" in content
    assert "Trastuzumab" in content
    assert content.count("tag-private") == 4  # stage, region, bio, treatments


def test_profile_unknown_and_erased_members_answer_404(member_client, sharer):
    handle = sharer.handle
    member_erase(user=sharer)
    sharer.refresh_from_db()

    old = member_client.get(reverse("members:profile", kwargs={"handle": handle}))
    new = member_client.get(reverse("members:profile", kwargs={"handle": sharer.handle}))
    missing = member_client.get(reverse("members:profile", kwargs={"handle": "nobody-here"}))

    assert old.status_code == new.status_code == missing.status_code == HTTPStatus.NOT_FOUND


def test_banned_member_profile_answers_404_like_the_directory(member_client, sharer):
    sharer.is_active = False
    sharer.save(update_fields=["is_active"])

    response = member_client.get(reverse("members:profile", kwargs={"handle": sharer.handle}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def _listed(response) -> list:
    return [card.member for card in response.context["cards"]]


def test_directory_cards_show_only_what_is_shared_with_members(client, sharer):
    viewer = member_with_profile(her2_status="positive", stage="3", region="Ohio")
    client.force_login(viewer)

    response = client.get(reverse("members:directory"))

    card = next(c for c in response.context["cards"] if c.member == sharer)
    cards_html = response.content.decode().split('class="plain-list member-list"')[1]
    assert response.status_code == HTTPStatus.OK
    assert (card.role, card.in_common) == ("Living with breast cancer", ["HER2-positive"])
    assert sharer.display_name in cards_html
    for private in ("Secret gardener", "Stage III", "Ohio", "Trastuzumab"):
        assert private not in cards_html


def test_directory_orders_members_by_facts_shared_with_the_viewer_not_by_name(client):
    viewer = member_with_profile(her2_status="positive", stage="2")
    alike = member_with_profile(
        her2_status="positive", her2_status_visibility=SHARED, stage="2", stage_visibility=SHARED
    )
    hiding = member_with_profile(
        her2_status="positive", her2_status_visibility=PRIVATE, stage="2", stage_visibility=PRIVATE
    )
    User.objects.filter(pk=alike.pk).update(display_name="Zinnia")
    User.objects.filter(pk=hiding.pk).update(display_name="Aster")
    client.force_login(viewer)

    response = client.get(reverse("members:directory"))

    assert [m.pk for m in _listed(response)] == [alike.pk, hiding.pk]
    assert "Members who share the most with you come first." in response.content.decode()


def test_directory_marks_moderators_as_staff_by_their_permission(member_client, sharer):
    moderator = UserFactory.create(display_name="Kind Moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    UserFactory.create(display_name="Staff Flag Only", is_staff=True)

    response = member_client.get(reverse("members:directory"))

    staff = [card.member.display_name for card in response.context["cards"] if card.is_moderator]
    assert staff == ["Kind Moderator"]
    assert response.content.decode().count('class="tag tag-staff"') == 1


def test_directory_filter_labels_sit_with_their_own_select(member_client):
    response = member_client.get(reverse("members:directory"))

    fields = re.findall(
        r'<div class="field">\s*<label for="id_(\w+)">[^<]*</label>.*?<(?:select|input)[^>]*'
        r'name="(\w+)"',
        response.content.decode(),
        flags=re.DOTALL,
    )
    assert fields == [(name, name) for name in DirectoryFilterForm.base_fields]


@pytest.mark.parametrize(
    ("filters", "matches"),
    [
        ({"her2_status": "positive"}, True),
        ({"role": "living_with"}, True),
        ({"stage": "3"}, False),
        ({"region": "Ohio"}, False),
        ({"treatment": "trastuzumab"}, False),
        ({"her2_status": "positive", "stage": "3"}, False),
        ({"her2_status": "negative"}, False),
    ],
)
def test_directory_filters_never_match_only_me_fields(member_client, sharer, filters, matches):
    response = member_client.get(reverse("members:directory"), filters)

    assert (sharer in _listed(response)) is matches


def test_directory_filters_match_shared_treatment_region_and_stage(member_client):
    shared = member_with_profile(
        stage="2",
        stage_visibility=SHARED,
        region="Texas",
        region_visibility=SHARED,
        treatments=("pertuzumab",),
        treatments_visibility=SHARED,
    )

    by_treatment = member_client.get(reverse("members:directory"), {"treatment": "pertuzumab"})
    by_region = member_client.get(reverse("members:directory"), {"region": " texas "})
    by_stage = member_client.get(reverse("members:directory"), {"stage": "2"})

    for response in (by_treatment, by_region, by_stage):
        assert _listed(response) == [shared]


def test_directory_excludes_erased_and_inactive_members(member_client, sharer):
    gone = UserFactory.create(display_name="Gone Away")
    member_erase(user=gone)
    UserFactory.create(display_name="Closed Account", is_active=False)

    response = member_client.get(reverse("members:directory"))

    listed = _listed(response)
    assert sharer in listed
    assert all(m.display_name not in ("Former member", "Closed Account") for m in listed)


def test_directory_is_paginated_with_bounded_queries(member_client, django_assert_max_num_queries):
    for _ in range(30):
        member_with_profile(
            her2_status="low",
            her2_status_visibility=SHARED,
            treatments=("trastuzumab", "pertuzumab"),
            treatments_visibility=SHARED,
        )

    with django_assert_max_num_queries(12):
        first = member_client.get(reverse("members:directory"))
    with django_assert_max_num_queries(12):
        second = member_client.get(reverse("members:directory"), {"page": 2})

    assert len(first.context["cards"]) == 24
    assert len(second.context["cards"]) == 6  # 30 members; the viewer is not listed
    assert "page=2" in first.content.decode()


def test_profile_page_runs_bounded_queries(member_client, django_assert_max_num_queries):
    busy = member_with_profile(
        treatments=("trastuzumab", "pertuzumab", "tamoxifen"), treatments_visibility=SHARED
    )

    # 10: the "Message" button asks one query (conversations.selectors.message_standing).
    with django_assert_max_num_queries(10):
        response = member_client.get(reverse("members:profile", kwargs={"handle": busy.handle}))

    assert response.status_code == HTTPStatus.OK


def test_a_members_profile_address_is_the_one_the_url_configuration_gives():
    member = UserFactory.create(display_name="Quiet Willow", handle="quiet-willow_2")

    assert member.get_absolute_url() == reverse("members:profile", kwargs={"handle": member.handle})
    assert member.get_absolute_url() == "/members/quiet-willow_2/"
