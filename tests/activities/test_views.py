from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.blocks import member_block
from activities.models import Audience, TeamLink, TeamRequest, Update, UpdateComment, UpdateHug
from core.idempotency import key_new
from tests.factories import UserFactory

from .factories import UpdateCommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def _login(client, member):
    client.force_login(member)
    return client


def test_feed_view_sends_visitors_to_log_in(client):
    response = client.get("/activities/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_update_detail_view_answers_visitors_404_as_for_a_missing_update(client, author):
    update = UpdateFactory.create(author=author)

    assert client.get(update.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get(f"/members/{author.handle}/activities/").status_code == HTTPStatus.NOT_FOUND


def test_feed_view_team_tab_shows_team_updates_and_everyone_tab_hides_them(client, author, mate):
    UpdateFactory.create(author=author, audience=Audience.TEAM, body="Team-only: scan day went ok")
    UpdateFactory.create(author=author, body="For everyone: a good walk today")
    _login(client, mate)

    team = client.get("/activities/?tab=team").content.decode()
    everyone = client.get("/activities/?tab=everyone").content.decode()

    assert "Team-only: scan day went ok" in team
    assert "For everyone: a good walk today" in team
    assert "Team-only: scan day went ok" not in everyone
    assert "For everyone: a good walk today" in everyone


def test_feed_view_loads_older_items_with_the_cursor(client, author, mate):
    for n in range(25):
        UpdateFactory.create(author=author, body=f"Day {n:02d} update")
    _login(client, mate)

    first = client.get("/activities/?tab=team")
    cursor = first.context["page"].next_cursor
    second = client.get(f"/activities/?tab=team&before={cursor}", HTTP_HX_REQUEST="true")

    assert "Day 24 update" in first.content.decode()
    assert "Day 04 update" not in first.content.decode()
    assert "Day 04 update" in second.content.decode()
    assert "<html" not in second.content.decode()


def test_update_create_view_posts_once_per_key_and_redirects(client, author):
    _login(client, author)
    key = key_new()
    data = {"body": "Infusion four of six done", "tag": "infusion_day", "audience": "team"}

    first = client.post("/activities/post/", {**data, "idempotency_key": key})
    client.post("/activities/post/", {**data, "idempotency_key": key})

    update = Update.objects.get()
    assert first.status_code == HTTPStatus.FOUND
    assert first["Location"] == update.get_absolute_url()
    assert (update.tag, update.audience) == ("infusion_day", Audience.TEAM)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Please write a few words before posting."),
        ("x" * 2001, "Please keep updates under 2,000 characters"),
        ("bad\x00byte", "invisible character"),
    ],
)
def test_update_create_view_refuses_bad_text_kindly_and_keeps_it(client, author, body, message):
    _login(client, author)

    response = client.post(
        "/activities/post/", {"body": body, "audience": "members", "idempotency_key": key_new()}
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.content.decode()
    assert not Update.objects.exists()


def test_update_create_view_escapes_html(client, author):
    _login(client, author)

    client.post(
        "/activities/post/",
        {
            "body": "<script>alert(1)</script> hi",
            "audience": "members",
            "idempotency_key": key_new(),
        },
    )
    page = client.get(Update.objects.get().get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in page


def test_update_detail_view_is_404_for_a_stranger_on_a_team_update(client, author, stranger):
    update = UpdateFactory.create(author=author, audience=Audience.TEAM)
    _login(client, stranger)

    assert client.get(update.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_update_hug_view_hugs_and_takes_back(client, author, mate):
    update = UpdateFactory.create(author=author)
    _login(client, mate)
    url = reverse("activities:update_hug", kwargs={"pk": update.pk})

    client.post(url, {"hug": "on"})
    hugged = UpdateHug.objects.filter(update=update, member=mate).exists()
    client.post(url, {"hug": "off"})

    assert hugged
    assert not UpdateHug.objects.exists()


def test_update_hug_view_is_404_across_a_block(client, author, stranger):
    update = UpdateFactory.create(author=author)
    member_block(blocker=author, blocked=stranger)
    _login(client, stranger)

    response = client.post(reverse("activities:update_hug", kwargs={"pk": update.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_comment_create_view_posts_a_comment_and_a_reply(client, author, mate):
    update = UpdateFactory.create(author=author)
    _login(client, mate)
    url = reverse("activities:comment_create", kwargs={"pk": update.pk})

    client.post(url, {"body": "Sending you strength", "idempotency_key": key_new()})
    first = UpdateComment.objects.get()
    client.post(url, {"body": "And me", "parent": first.pk, "idempotency_key": key_new()})

    page = client.get(update.get_absolute_url()).content.decode()
    assert "Sending you strength" in page
    assert UpdateComment.objects.get(parent=first).body == "And me"


def test_comment_create_view_refuses_empty_text_and_keeps_the_page(client, author, mate):
    update = UpdateFactory.create(author=author)
    _login(client, mate)

    response = client.post(
        reverse("activities:comment_create", kwargs={"pk": update.pk}),
        {"body": "  ", "idempotency_key": key_new()},
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Please write something before posting." in response.content.decode()


def test_update_edit_view_saves_within_the_window(client, author):
    update = UpdateFactory.create(author=author)
    _login(client, author)

    response = client.post(
        reverse("activities:update_edit", kwargs={"pk": update.pk}),
        {"body": "Changed my mind", "tag": "", "audience": "team"},
    )

    update.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (update.body, update.audience) == ("Changed my mind", "team")


def test_update_edit_view_is_404_for_someone_else(client, author, mate):
    update = UpdateFactory.create(author=author)
    _login(client, mate)

    response = client.get(reverse("activities:update_edit", kwargs={"pk": update.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_update_delete_view_removes_her_update(client, author):
    update = UpdateFactory.create(author=author)
    _login(client, author)

    client.post(reverse("activities:update_delete", kwargs={"pk": update.pk}))

    update.refresh_from_db()
    assert update.moderation_state == "removed"
    assert update.body == ""


def test_comment_edit_and_delete_views_work_for_the_author(client, author, mate):
    comment = UpdateCommentFactory.create(update=UpdateFactory.create(author=author), author=mate)
    _login(client, mate)

    client.post(reverse("activities:comment_edit", kwargs={"pk": comment.pk}), {"body": "Fixed"})
    comment.refresh_from_db()
    edited = comment.body
    client.post(reverse("activities:comment_delete", kwargs={"pk": comment.pk}))
    comment.refresh_from_db()

    assert edited == "Fixed"
    assert comment.moderation_state == "removed"


def test_member_activities_view_shows_her_updates_the_viewer_may_see(client, author, stranger):
    UpdateFactory.create(author=author, body="Shared with all")
    UpdateFactory.create(author=author, body="Only for my team", audience=Audience.TEAM)
    _login(client, stranger)

    page = client.get(f"/members/{author.handle}/activities/").content.decode()

    assert "Shared with all" in page
    assert "Only for my team" not in page


def test_member_activities_view_shows_her_team_count_once_and_no_link_to_itself(
    client, author, mate, stranger
):
    _login(client, stranger)

    page = client.get(f"/members/{author.handle}/activities/").content.decode()
    profile = client.get(author.get_absolute_url()).content.decode()

    assert page.count("Team: 1 member") == 1
    assert f'href="/members/{author.handle}/activities/"' not in page
    # Her profile still shows both, with the button to ask her.
    assert "Team: 1 member" in profile
    assert f'href="/members/{author.handle}/activities/"' in profile


def test_update_detail_view_has_a_page_heading(client, author, stranger):
    update = UpdateFactory.create(author=author)
    _login(client, stranger)

    page = client.get(update.get_absolute_url()).content.decode()

    assert f'<h1 class="visually-hidden">{author.public_name}\'s update</h1>' in page


def test_member_activities_view_is_404_across_a_block(client, author, stranger):
    member_block(blocker=author, blocked=stranger)
    _login(client, stranger)

    response = client.get(f"/members/{author.handle}/activities/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_member_activities_view_lists_her_questions_only_when_she_allows_it(
    client, author, stranger
):
    from tests.forum.factories import QuestionFactory

    QuestionFactory.create(author=author, title="Does anyone else get cold hands on Taxol?")
    QuestionFactory.create(author=author, title="An anonymous worry", is_anonymous=True)
    _login(client, stranger)
    url = f"/members/{author.handle}/activities/"

    hidden = client.get(url).content.decode()
    author.profile.show_posts_on_activities = True
    author.profile.save()
    shown = client.get(url).content.decode()

    assert "cold hands on Taxol" not in hidden
    assert "cold hands on Taxol" in shown
    assert "An anonymous worry" not in shown


def test_team_view_lists_requests_team_and_suggestions(client, author, mate):
    asker = UserFactory.create(display_name="Lena")
    TeamRequest.objects.create(sender=asker, recipient=author)
    _login(client, author)

    page = client.get("/team/").content.decode()

    assert "Lena" in page
    assert "Ines" in page


def test_team_request_and_accept_views_make_a_team(client, author, stranger):
    _login(client, stranger)
    client.post(reverse("activities:team_request", kwargs={"handle": author.handle}))
    request = TeamRequest.objects.get()
    _login(client, author)

    client.post(reverse("activities:team_accept", kwargs={"pk": request.pk}))

    assert TeamLink.objects.filter(member=author, mate=stranger).exists()
    assert TeamLink.objects.filter(member=stranger, mate=author).exists()


def test_profile_view_hides_details_across_a_block_and_offers_unblock(client, author, stranger):
    author.profile.bio = "I love my garden"
    author.profile.save()
    member_block(blocker=stranger, blocked=author)
    _login(client, stranger)

    page = client.get(author.get_absolute_url()).content.decode()

    assert "I love my garden" not in page
    assert "Unblock" in page


def test_block_view_blocks_and_settings_list_can_undo(client, author, stranger):
    _login(client, author)

    client.post(reverse("members:block", kwargs={"handle": stranger.handle}))
    listed = client.get(reverse("accounts:blocks")).content.decode()
    client.post(reverse("members:unblock", kwargs={"handle": stranger.handle}))

    assert "Paula" in listed
    assert not author.blocks_made.exists()


def test_no_activities_page_is_ever_in_the_anonymous_page_cache():
    from core.page_cache import _CANDIDATE_PATH, CACHEABLE_VIEWS
    from tests.security.routes import routes

    ours = [r for r in routes() if r.name.startswith("activities:")]

    assert ours
    assert not {r.name for r in ours} & CACHEABLE_VIEWS
    assert not any(_CANDIDATE_PATH.match("/" + r.pattern) for r in ours)


def test_members_like_me_tag_suggests_members_sharing_visible_facts_only(rf, author):
    from django.template import Context, Template

    twin = UserFactory.create(display_name="Twin Sister")
    secretive = UserFactory.create(display_name="Quiet One")
    for member, visibility in ((author, "me"), (twin, "members"), (secretive, "me")):
        member.profile.region, member.profile.region_visibility = "Ohio", visibility
        member.profile.save()
    request = rf.get("/")
    request.user = author

    html = Template("{% load activities_tags %}{% members_like_me %}").render(
        Context({"request": request})
    )

    assert "Twin Sister" in html
    assert "Ohio" in html
    assert "Quiet One" not in html


def test_settings_save_discreet_email_and_the_activities_profile_choices(client, author):
    from tests.accounts.test_bad_input import SETTINGS_DEFAULTS

    _login(client, author)

    response = client.post(
        reverse("accounts:settings"),
        {
            **SETTINGS_DEFAULTS,
            "display_name": "Rosa",
            "discreet_email": "on",
            "show_posts_on_activities": "on",
            "team_count_visibility": "team",
        },
    )

    author.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    # Which activities emails she gets is chosen in the notifications section.
    assert author.discreet_email is True
    assert author.profile.show_posts_on_activities is True
    assert author.profile.team_count_visibility == "team"


def test_update_hug_view_without_javascript_goes_back_to_the_page_it_came_from(
    client, author, mate
):
    update = UpdateFactory.create(author=author)
    _login(client, mate)
    url = reverse("activities:update_hug", kwargs={"pk": update.pk})

    back = client.post(url, {"hug": "on"}, HTTP_REFERER="http://testserver/activities/?tab=team")
    elsewhere = client.post(url, {"hug": "off"}, HTTP_REFERER="https://evil.example/")

    assert back["Location"] == "http://testserver/activities/?tab=team"
    assert elsewhere["Location"] == update.get_absolute_url()


def test_update_detail_view_shows_context_notes_on_the_update_and_its_comments(
    client, author, mate, moderator
):
    from moderation.context_notes import context_note_set

    update = UpdateFactory.create(author=author, body="Trying turmeric with my chemo")
    comment = UpdateCommentFactory.create(update=update, author=mate)
    context_note_set(item=update, moderator=moderator, text="Turmeric can interact with chemo.")
    context_note_set(item=comment, moderator=moderator, text="Ask your pharmacist first.")
    _login(client, mate)

    html = client.get(update.get_absolute_url()).content.decode()

    assert "Turmeric can interact with chemo." in html
    assert "Ask your pharmacist first." in html
    assert "when a comment touches on medical facts" in html  # the comment reads as a comment


def test_feed_view_shows_the_context_note_under_an_update(client, author, mate, moderator):
    from moderation.context_notes import context_note_set

    update = UpdateFactory.create(author=author)
    context_note_set(item=update, moderator=moderator, text="A note from the moderators.")
    _login(client, mate)

    assert "A note from the moderators." in client.get("/activities/").content.decode()


def test_update_detail_view_explains_a_pending_update_and_comment_to_their_author(client, author):
    from moderation.models import ModerationState

    update = UpdateFactory.create(author=author, moderation_state=ModerationState.PENDING)
    visible = UpdateFactory.create(author=author)
    UpdateCommentFactory.create(
        update=visible, author=author, moderation_state=ModerationState.PENDING
    )
    _login(client, author)

    pending_html = client.get(update.get_absolute_url()).content.decode()
    comment_html = client.get(visible.get_absolute_url()).content.decode()

    assert "Only you can see this update for now." in pending_html
    assert "Only you can see this comment for now." in comment_html


def test_update_forms_tell_a_new_member_her_posts_wait_for_review(client, author, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())
    update = UpdateFactory.create(author=author)
    UpdateCommentFactory.create(update=update, author=author)
    _login(client, newcomer)

    feed = client.get("/activities/").content.decode()
    detail = client.get(update.get_absolute_url()).content.decode()
    own_page = client.get(f"/members/{newcomer.handle}/activities/").content.decode()

    assert "Your update will wait for a quick review." in feed
    assert "Your update will wait for a quick review." in own_page
    assert "Your comment will wait for a quick review." in detail
    assert "Your reply will wait for a quick check" in detail


def test_update_forms_say_nothing_of_review_to_a_trusted_member(client, author):
    _login(client, author)
    UpdateFactory.create_batch(3, author=author)

    assert "wait for a quick review" not in client.get("/activities/").content.decode()


def _with_photo(member, key: str) -> str:
    from accounts.models import Profile

    Profile.objects.filter(user=member).update(photo_key=key)
    return f"/members/photo/{key}/"


def test_feed_and_update_page_show_faces_beside_updates_and_comments(client, author, mate):
    update = UpdateFactory.create(author=author)
    UpdateCommentFactory.create(update=update, author=mate)
    author_photo = _with_photo(author, "a" * 32)
    mate_photo = _with_photo(mate, "b" * 32)
    _login(client, mate)

    feed = client.get("/activities/").content.decode()
    detail = client.get(update.get_absolute_url()).content.decode()

    assert author_photo in feed
    assert author_photo in detail
    assert mate_photo in detail  # beside her comment


def test_team_page_shows_faces_of_her_team_requests_and_suggestions(client, author, mate):
    from accounts.models import Profile

    asking = UserFactory.create()
    TeamRequest.objects.create(sender=asking, recipient=author)
    alike = UserFactory.create()
    for member in (author, alike):
        Profile.objects.filter(user=member).update(
            her2_status="positive", her2_status_visibility="members"
        )
    photos = [_with_photo(m, c * 32) for m, c in ((mate, "c"), (asking, "d"), (alike, "e"))]
    _login(client, author)

    html = client.get(reverse("activities:team")).content.decode()

    for photo in photos:
        assert photo in html


def test_members_like_me_tag_shows_faces(client, author):
    from accounts.models import Profile

    alike = UserFactory.create()
    for member in (author, alike):
        Profile.objects.filter(user=member).update(
            her2_status="positive", her2_status_visibility="members"
        )
    photo = _with_photo(alike, "f" * 32)
    _login(client, author)

    html = client.get(reverse("accounts:welcome_step", args=["next"])).content.decode()

    assert photo in html


@pytest.mark.parametrize("target", ["home", "x", "activities:feed"])
def test_team_request_view_a_next_that_is_a_bare_word_is_a_redirect_never_a_500(
    client, author, stranger, target
):
    _login(client, author)

    response = client.post(
        reverse("activities:team_request", args=[stranger.handle]), {"next": target}
    )

    assert response.status_code == HTTPStatus.FOUND
