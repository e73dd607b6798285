"""Members' experiences on the pages: privacy, the form, figures, people like me, compare."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.idempotency import key_new
from tests.factories import UserFactory
from treatments.figures import MIN_MEMBERS
from treatments.models import Experience
from treatments.services.figures import treatment_figures_refresh

from .experience_helpers import experience_for, experiences_for_many, member_sharing, side_effect

pytestmark = pytest.mark.django_db

SECRET_TIPS = "Frozen peas on the port site helped me a lot"


@pytest.fixture(autouse=True)
def _established(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    settings.MODERATION_REPLIES_PER_HOUR = 1000


def _form(**changes):
    data = {
        "month": "3",
        "year": "2026",
        "still_on": "on",
        "going": "4",
        "tips": "Drink plenty of water the day before.",
        f"bother_{side_effect('fatigue').pk}": "2",
        f"helped_{side_effect('fatigue').pk}": "Short walks",
        "idempotency_key": key_new(),
    }
    data.update(changes)
    return data


def _edit_url(slug="trastuzumab"):
    return reverse("treatments:experience_edit", args=[slug])


def test_experience_pages_visitors_get_404_for_experiences_and_login_for_forms(client, trastuzumab):
    experience = experience_for(UserFactory.create(), trastuzumab, tips=SECRET_TIPS)

    detail = client.get(reverse("treatments:experience", args=["trastuzumab", experience.pk]))
    listing = client.get(reverse("treatments:experiences", args=["trastuzumab"]))
    form = client.get(_edit_url())
    compare = client.get(reverse("treatments:compare"))

    assert detail.status_code == listing.status_code == HTTPStatus.NOT_FOUND
    assert form.status_code == compare.status_code == HTTPStatus.FOUND
    assert form["Location"].startswith("/accounts/login/")


def test_treatment_page_visitors_see_no_experience_text_and_no_author(client, trastuzumab):
    author = UserFactory.create(display_name="Quiet Willow")
    experience_for(author, trastuzumab, tips=SECRET_TIPS)

    page = client.get(trastuzumab_url()).content.decode()

    assert SECRET_TIPS not in page
    assert "Quiet Willow" not in page
    assert "Share my experience" not in page


def trastuzumab_url() -> str:
    return reverse("treatments:detail", args=["trastuzumab"])


def test_treatment_page_members_read_experiences_and_stored_figures(member_client, trastuzumab):
    experiences_for_many(MIN_MEMBERS, trastuzumab)
    experience_for(UserFactory.create(display_name="Quiet Willow"), trastuzumab, tips=SECRET_TIPS)
    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])

    page = member_client.get(trastuzumab_url()).content.decode()

    assert SECRET_TIPS in page
    assert "Quiet Willow" in page
    assert "Members who shared their experience</dt><dd>11<" in page
    assert "Fatigue</th><td>11</td><td>100%</td>" in page


def test_treatment_page_figures_not_yet_computed_say_fewer_than_ten(member_client, trastuzumab):
    experiences_for_many(MIN_MEMBERS, trastuzumab)  # no task run: the page never counts itself

    page = member_client.get(trastuzumab_url()).content.decode()

    assert "Fewer than 10 members have shared an experience" in page


def test_treatment_page_people_like_me_a_filter_isolating_one_member_shows_fewer_than_ten(
    client, trastuzumab
):
    # given: 11 members share they are HER2-positive; one of them also shares stage IV
    experiences_for_many(MIN_MEMBERS + 1, trastuzumab, her2_status="positive")
    alone = member_sharing(her2_status="positive", stage="4")
    experience_for(alone, trastuzumab)
    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])
    viewer = member_sharing(her2_status="positive", stage="4")
    client.force_login(viewer)

    her2 = client.get(trastuzumab_url(), {"like": ["her2"]}).content.decode()
    both = client.get(trastuzumab_url(), {"like": ["her2", "stage"]}).content.decode()

    assert "Members who shared their experience</dt><dd>12<" in her2
    assert "Fewer than 10 members like you have shared" in both


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(queries)


def test_treatment_page_runs_a_fixed_number_of_queries_whatever_the_experiences(
    member_client, trastuzumab
):
    experiences_for_many(3, trastuzumab)
    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])
    member_client.get(trastuzumab_url())  # the shared public part is stored
    few = _queries(member_client, trastuzumab_url())
    experiences_for_many(30, trastuzumab, her2_status="positive")
    treatment_figures_refresh(treatment_ids=[trastuzumab.pk])
    member_client.get(trastuzumab_url())

    many = _queries(member_client, trastuzumab_url())

    assert many == few


def test_experience_list_runs_a_fixed_number_of_queries(member_client, trastuzumab):
    experiences_for_many(2, trastuzumab)
    url = reverse("treatments:experiences", args=["trastuzumab"])
    few = _queries(member_client, url)
    experiences_for_many(25, trastuzumab)

    many = _queries(member_client, url)

    assert many == few


def test_experience_edit_view_creates_then_updates_her_one_experience(member_client, member):
    created = member_client.post(_edit_url(), _form())
    updated = member_client.post(_edit_url(), _form(going="2", still_on=""))

    experience = Experience.objects.get(author=member)
    assert created.status_code == updated.status_code == HTTPStatus.FOUND
    assert created["Location"] == reverse(
        "treatments:experience", args=["trastuzumab", experience.pk]
    )
    assert experience.going == 2
    assert not experience.still_on
    form = member_client.get(_edit_url()).content.decode()
    assert "Short walks" in form
    assert "Remove my experience" in form


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"going": ""}, "Please choose how it is going"),
        ({"month": ""}, "Please choose the month you started"),
        ({"year": "1700"}, "Please choose the year you started from the list"),
        ({"month": "13"}, "Please choose the month you started from the list"),
        ({"going": "<b>9</b>"}, "Please choose how it is going"),
        ({"tips": "x" * 2001}, "Please keep your tips under 2000 characters"),
        ({"tips": "bad \x00 byte"}, "a character we cannot store"),
        ({f"helped_{0}": "x"}, None),
        ({"bother_999999999999999999999": "3"}, None),
    ],
)
def test_experience_edit_view_bad_input_is_a_kind_message_never_a_500(
    member_client, member, changes, message
):
    response = member_client.post(_edit_url(), _form(**changes))

    if message is None:  # unknown fields are ignored: the experience is saved
        assert response.status_code == HTTPStatus.FOUND
        return
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert "Short walks" in response.content.decode()  # what she typed is kept
    assert not Experience.objects.filter(author=member).exists()


def test_experience_edit_view_nul_byte_in_what_helped_is_a_kind_message(member_client, member):
    fatigue = side_effect("fatigue").pk

    response = member_client.post(_edit_url(), _form(**{f"helped_{fatigue}": "ice\x00packs"}))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "a character we cannot store" in response.content.decode()
    assert not Experience.objects.filter(author=member).exists()


def test_experience_edit_view_what_helped_without_how_much_asks_for_it(member_client, member):
    fatigue = side_effect("fatigue").pk

    response = member_client.post(_edit_url(), _form(**{f"bother_{fatigue}": ""}))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "please say how much it bothered you too" in response.content.decode()


def test_experience_edit_view_html_in_tips_is_shown_as_text(member_client, member, other_member):
    member_client.post(_edit_url(), _form(tips="<script>alert(1)</script> **Bold** tip"))
    experience = Experience.objects.get(author=member)
    member_client.force_login(other_member)

    page = member_client.get(
        reverse("treatments:experience", args=["trastuzumab", experience.pk])
    ).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "<strong>Bold</strong>" in page


def test_experience_edit_view_unknown_treatment_is_404(member_client):
    assert member_client.get(_edit_url("no-such-drug")).status_code == HTTPStatus.NOT_FOUND


def test_experience_detail_another_members_pending_experience_is_404(member_client, trastuzumab):
    pending = experience_for(UserFactory.create(), trastuzumab, state="pending")

    response = member_client.get(reverse("treatments:experience", args=["trastuzumab", pending.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_experience_delete_view_removes_hers_only(member_client, member, other_member, trastuzumab):
    experience_for(other_member, trastuzumab)
    mine = experience_for(member, trastuzumab)

    response = member_client.post(reverse("treatments:experience_delete", args=["trastuzumab"]))

    assert response.status_code == HTTPStatus.FOUND
    assert not Experience.objects.filter(pk=mine.pk).exists()
    assert Experience.objects.filter(author=other_member).exists()


def test_my_experiences_view_prompts_for_her_profile_treatments(member_client, member, trastuzumab):
    member.profile.past_treatments.add(trastuzumab)

    page = member_client.get(reverse("treatments:my_experiences")).content.decode()

    assert 'Share my experience<span class="visually-hidden"> with Trastuzumab' in page


def test_my_experience_start_view_goes_to_the_chosen_treatments_form(member_client):
    chosen = member_client.get(
        reverse("treatments:my_experience_start"), {"treatment": "trastuzumab"}
    )
    unknown = member_client.get(reverse("treatments:my_experience_start"), {"treatment": "\x00"})

    assert chosen["Location"] == _edit_url()
    assert unknown["Location"] == reverse("treatments:my_experiences")


def test_compare_view_shows_two_treatments_side_by_side(member_client, trastuzumab):
    from tests.factories import treatment

    experiences_for_many(MIN_MEMBERS, trastuzumab)
    treatment_figures_refresh()

    page = member_client.get(
        reverse("treatments:compare"), {"a": "trastuzumab", "b": "pertuzumab"}
    ).content.decode()

    assert treatment("pertuzumab").name in page
    assert '<tr><th scope="row">Fatigue</th><td>10 (100%)</td><td>fewer than 10</td></tr>' in page


@pytest.mark.parametrize("value", ["\x00", "<b>x</b>", "a" * 500, "no-such-treatment"])
def test_compare_view_odd_choices_ask_again_never_a_500(member_client, value):
    response = member_client.get(reverse("treatments:compare"), {"a": value, "b": "trastuzumab"})

    assert response.status_code == HTTPStatus.OK
    assert "Choose two treatments to see them side by side." in response.content.decode()


def test_compare_view_runs_a_fixed_number_of_queries(member_client, trastuzumab):
    url = reverse("treatments:compare") + "?a=trastuzumab&b=pertuzumab"
    few = _queries(member_client, url)
    experiences_for_many(20, trastuzumab)
    treatment_figures_refresh()

    assert _queries(member_client, url) == few


def test_settings_page_prompts_her_to_share_her_experiences(member_client):
    page = member_client.get(reverse("accounts:settings")).content.decode()

    assert reverse("treatments:my_experiences") in page


def test_experience_detail_shows_the_moderators_context_note(member_client, trastuzumab):
    from moderation.context_notes import context_note_set

    from .experience_helpers import moderator

    experience = experience_for(UserFactory.create(), trastuzumab)
    context_note_set(item=experience, moderator=moderator(), text="Cold caps need a nurse's ok.")
    url = reverse("treatments:experience", args=["trastuzumab", experience.pk])

    html = member_client.get(url).content.decode()

    assert "Cold caps need a nurse&#x27;s ok." in html
    assert "when an experience touches on medical facts" in html


def test_experience_detail_explains_her_pending_experience_to_her(
    member_client, member, trastuzumab
):
    mine = experience_for(member, trastuzumab, state="pending")
    url = reverse("treatments:experience", args=["trastuzumab", mine.pk])

    html = member_client.get(url).content.decode()

    assert "Only you can see this experience for now." in html


def test_experience_edit_view_tells_a_new_member_it_waits_for_review(member_client, member):
    from django.utils import timezone

    type(member).objects.filter(pk=member.pk).update(date_joined=timezone.now())

    html = member_client.get(_edit_url()).content.decode()

    assert "Your experience will wait for a quick review." in html


@pytest.mark.parametrize("direction", ["she blocked", "blocked her"])
def test_experiences_are_hidden_across_a_block_either_way(
    member_client, member, trastuzumab, direction
):
    from accounts.blocks import member_block

    writer = member_sharing()
    experience = experience_for(writer, trastuzumab, tips="Ginger tea helped me a lot")
    assert "Ginger tea helped me a lot" in member_client.get(trastuzumab_url()).content.decode()

    if direction == "she blocked":
        member_block(blocker=member, blocked=writer)
    else:
        member_block(blocker=writer, blocked=member)

    assert "Ginger tea helped me a lot" not in member_client.get(trastuzumab_url()).content.decode()
    detail = reverse("treatments:experience", args=["trastuzumab", experience.pk])
    assert member_client.get(detail).status_code == HTTPStatus.NOT_FOUND
