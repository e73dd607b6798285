"""Comment pages and forms: bad input, limits, htmx swaps, placeholders, pagination."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.services import member_erase
from articles.models import Comment, CommentHug
from articles.selectors import COMMENTS_PER_PAGE
from articles.services import comment_create
from moderation.models import ModerationState
from tests.factories import UserFactory

from .factories import CommentFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _create_url(article):
    return reverse("articles:comment_create", kwargs={"slug": article.slug})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Please write something"),
        ("x" * 10000, "under 5000 characters"),
        ("bad \x00 byte", "invisible character we cannot store"),
    ],
)
def test_comment_create_view_bad_input_keeps_text_and_explains(
    member_client, article, body, message
):
    response = member_client.post(_create_url(article), {"body": body})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    html = response.content.decode()
    assert message.lower() in html.lower()
    if body.strip() and "\x00" not in body:
        assert body in html
    assert not Comment.objects.exists()


def test_comment_create_view_accepts_emoji_and_script_text_as_text(member_client, article):
    response = member_client.post(
        _create_url(article), {"body": "Hugs 🤗 <script>alert(1)</script>"}
    )

    assert response.status_code == HTTPStatus.FOUND
    comment = Comment.objects.get()
    page = member_client.get(article.get_absolute_url()).content.decode()
    assert "🤗" in page
    assert "<script>alert(1)</script>" not in page
    assert comment.body_html.count("&lt;script&gt;") == 1


def test_comment_create_view_posting_limit_is_friendly_429_keeping_text(
    member_client, article, settings
):
    settings.MODERATION_REPLIES_PER_HOUR = 1
    member_client.post(_create_url(article), {"body": "First one"})

    response = member_client.post(_create_url(article), {"body": "Second one, kept for me"})

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Second one, kept for me" in response.content.decode()
    assert response["Retry-After"]


def test_comment_create_view_htmx_returns_thread_with_new_comment(member_client, article):
    response = member_client.post(_create_url(article), {"body": "Posted in place"}, headers=HTMX)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert html.startswith('<section id="comments"')
    assert "Posted in place" in html


def test_comment_reply_view_creates_one_level_reply(member_client, article, other_member):
    parent = CommentFactory.create(article=article, author=other_member)

    response = member_client.post(_create_url(article), {"body": "Replying", "parent": parent.pk})

    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.get(body="Replying").parent_id == parent.pk


def test_comment_reply_view_bad_input_reopens_that_reply_form(member_client, article, other_member):
    parent = CommentFactory.create(article=article, author=other_member)

    response = member_client.post(_create_url(article), {"body": "", "parent": parent.pk})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert '<details class="reply-box" open>' in response.content.decode()


def test_hug_view_htmx_toggles_in_place_and_double_submit_counts_once(member_client, article):
    comment = CommentFactory.create(article=article)
    url = reverse("articles:comment_hug", kwargs={"slug": article.slug, "pk": comment.pk})

    member_client.post(url, {"hug": "on"}, headers=HTMX)
    response = member_client.post(url, {"hug": "on"}, headers=HTMX)

    assert response.status_code == HTTPStatus.OK
    assert 'aria-pressed="true"' in response.content.decode()
    assert ">1 hug<" in response.content.decode()
    assert CommentHug.objects.filter(comment=comment).count() == 1


def test_edit_view_after_window_refuses_and_keeps_text(client, article, member, settings):
    comment = CommentFactory.create(article=article, author=member, body="Original words")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=settings.EDIT_WINDOW_MINUTES + 1)
    )
    client.force_login(member)
    url = reverse("articles:comment_edit", kwargs={"slug": article.slug, "pk": comment.pk})

    response = client.post(url, {"body": "Sneaky late change"})

    assert response.status_code == HTTPStatus.FORBIDDEN
    comment.refresh_from_db()
    assert comment.body == "Original words"


def test_edit_view_shows_edited_marker(client, article, member):
    comment = CommentFactory.create(article=article, author=member)
    client.force_login(member)
    url = reverse("articles:comment_edit", kwargs={"slug": article.slug, "pk": comment.pk})

    response = client.post(url, {"body": "Better words"}, headers=HTMX)

    assert response.status_code == HTTPStatus.OK
    assert "Better words" in response.content.decode()
    assert "edited" in response.content.decode()


def test_deleted_comment_with_replies_shows_placeholder(client, article, member, other_member):
    top = comment_create(article=article, author=member, body="Gone soon")
    comment_create(article=article, author=other_member, body="Reply stays", parent=top)
    client.force_login(member)
    client.post(reverse("articles:comment_delete", kwargs={"slug": article.slug, "pk": top.pk}))
    client.force_login(UserFactory.create())

    html = client.get(article.get_absolute_url()).content.decode()

    assert "deleted by its author" in html
    assert "Gone soon" not in html
    assert "Reply stays" in html


def test_deleted_comment_without_replies_disappears(client, article, member):
    top = comment_create(article=article, author=member, body="Gone soon")
    client.force_login(member)
    client.post(reverse("articles:comment_delete", kwargs={"slug": article.slug, "pk": top.pk}))

    html = client.get(article.get_absolute_url()).content.decode()

    assert "deleted by its author" not in html
    assert "Comments (0)" in html


def test_hidden_comment_with_replies_shows_moderator_note_to_members_text_to_moderators(
    client, article, member, other_member, moderator
):
    top = comment_create(article=article, author=member, body="Harmful words")
    comment_create(article=article, author=other_member, body="A reply", parent=top)
    Comment.objects.filter(pk=top.pk).update(moderation_state=ModerationState.HIDDEN)
    client.force_login(other_member)

    as_member = client.get(article.get_absolute_url()).content.decode()
    client.force_login(moderator)
    as_moderator = client.get(article.get_absolute_url()).content.decode()

    assert "removed by a moderator" in as_member
    assert "Harmful words" not in as_member
    assert "Harmful words" in as_moderator
    assert "Hidden by a moderator" in as_moderator


def test_pending_comment_visible_only_to_its_author_and_moderators(
    client, article, other_member, moderator, settings
):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())
    comment_create(article=article, author=newcomer, body="Waiting for review")
    pages = {}
    for name, user in [("author", newcomer), ("other", other_member), ("moderator", moderator)]:
        client.force_login(user)
        pages[name] = client.get(article.get_absolute_url()).content.decode()

    assert "Waiting for review" in pages["author"]
    assert "only you can see it" in pages["author"]
    assert "Waiting for review" not in pages["other"]
    assert "Waiting for review" in pages["moderator"]


def test_thread_paginates_at_fifty_top_level_comments(member_client, article, other_member):
    start = timezone.now() - timedelta(hours=2)
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author=other_member,
            body=f"Note {i:03}",
            body_html=f"<p>Note {i:03}</p>",
            created_at=start + timedelta(minutes=i),
        )
        for i in range(51)
    )

    first = member_client.get(article.get_absolute_url()).content.decode()
    second = member_client.get(article.get_absolute_url() + "?page=2").content.decode()

    assert "Note 049" in first
    assert "Note 050" not in first
    assert "Note 050" in second
    assert "Page 1 of 2" in first


def test_long_comment_collapses_with_read_more(member_client, article):
    CommentFactory.create(article=article, body="Long story. " * 100)

    html = member_client.get(article.get_absolute_url()).content.decode()

    assert '<details class="comment-long">' in html
    assert "Read more" in html


def test_empty_thread_invites_first_comment(member_client, article):
    html = member_client.get(article.get_absolute_url()).content.decode()

    assert "No comments yet" in html
    assert 'name="body"' in html


def test_unverified_member_is_told_to_confirm_email(client, article, unverified_member):
    client.force_login(unverified_member)

    html = client.get(article.get_absolute_url()).content.decode()

    assert "confirm your email address" in html
    assert 'id="comment-body"' not in html


def test_article_page_shows_reviewer_dates_toc_references_and_sponsor(client, article):
    article.sponsor_disclosure = "Funded by a grant from Example Pharma."
    article.revised_at = timezone.now()
    article.save()
    article.references.create(
        position=1, citation="A careful study, 2024.", url="https://example.org/s"
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Medically reviewed by Dr. Test Reviewer, MD, oncologist" in html
    assert "Updated" in html
    assert 'href="#what-it-is"' in html
    assert "A careful study, 2024." in html
    assert "Funded by a grant from Example Pharma." in html
    assert "Key points" in html


# --- article_detail_view, comment_detail_view, comment_create_view: threads and links ---


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_article_detail_held_comment_shows_other_members_only_a_placeholder(article):
    held = CommentFactory.create(
        article=article, body="Buy cheap pills here", moderation_state=ModerationState.PENDING
    )
    CommentFactory.create(article=article, parent=held, body="A visible reply.")

    page = _client_for(UserFactory.create()).get(article.get_absolute_url()).content.decode()
    own = _client_for(held.author).get(article.get_absolute_url()).content.decode()

    assert "Buy cheap pills here" not in page
    assert "waiting for a moderator" in page
    assert "A visible reply." in page
    assert "Buy cheap pills here" in own


def test_article_detail_erased_members_comment_is_credited_without_a_link(article):
    comment = CommentFactory.create(article=article)
    profile_url = comment.author.get_absolute_url()
    member_erase(user=comment.author)

    page = _client_for(UserFactory.create()).get(article.get_absolute_url()).content.decode()

    assert "Former member" in page
    assert f'href="{profile_url}"' not in page
    comment.author.refresh_from_db()
    assert f'href="{comment.author.get_absolute_url()}"' not in page


def test_article_detail_member_who_may_not_post_sees_hug_counts_not_buttons(article):
    comment = CommentFactory.create(article=article)

    page = (
        _client_for(UserFactory.create(verified=False))
        .get(article.get_absolute_url())
        .content.decode()
    )

    assert f"/comments/{comment.pk}/hug/" not in page
    assert "0 hugs" in page


def test_comment_detail_view_redirects_to_the_thread_page_that_shows_it(article):
    CommentFactory.create_batch(COMMENTS_PER_PAGE, article=article)
    late = CommentFactory.create(article=article)

    response = _client_for(UserFactory.create()).get(late.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(f"?page=2#comment-{late.pk}")


def test_comment_create_view_failed_reply_on_page_two_comes_back_there_with_text(article):
    CommentFactory.create_batch(COMMENTS_PER_PAGE, article=article)
    late = CommentFactory.create(article=article)
    client = _client_for(UserFactory.create())

    response = client.post(
        f"{article.get_absolute_url()}comments/new/",
        {"parent": late.pk, "body": "x" * 6000},
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert f'id="comment-{late.pk}"' in page
    assert "x" * 100 in page


def test_comment_create_view_absurd_parent_id_is_refused_without_a_crash(article):
    response = _client_for(UserFactory.create()).post(
        f"{article.get_absolute_url()}comments/new/", {"parent": "9" * 30, "body": "Hello"}
    )

    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND)


def test_comment_form_tells_a_new_member_her_comment_waits_for_review(client, article, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    CommentFactory.create(article=article)
    client.force_login(UserFactory.create(date_joined=timezone.now()))

    html = client.get(article.get_absolute_url()).content.decode()

    assert "Your comment will wait for a quick review." in html
    assert "volunteer moderators" in html
    assert "Our moderators aim to review every post within 24 hours." in html
    assert "Your reply will wait for a quick check by our volunteer moderators" in html


def test_comment_form_says_nothing_to_a_trusted_member(member_client, article, member, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 1
    CommentFactory.create(article=article, author=member)

    html = member_client.get(article.get_absolute_url()).content.decode()

    assert "wait for a quick review" not in html


def test_comment_create_view_held_comment_says_what_happens_next(client, article, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    client.force_login(UserFactory.create(date_joined=timezone.now()))

    response = client.post(_create_url(article), {"body": "Hello, I am new here"}, follow=True)

    html = response.content.decode()
    assert "your comment is saved" in html
    assert "only you can see it" in html
    assert "Only you can see this comment for now." in html


def test_comment_create_view_confirms_a_visible_comment_without_and_with_htmx(
    member_client, article
):
    plain = member_client.post(_create_url(article), {"body": "First words"}, follow=True)
    swapped = member_client.post(_create_url(article), {"body": "Second words"}, headers=HTMX)

    assert "Your comment is posted." in plain.content.decode()
    assert 'role="status">Your comment is posted.' in swapped.content.decode()


def test_comment_with_a_context_note_shows_it_to_members_and_rebuilds_the_shared_thread(
    client, article, moderator
):
    from moderation.context_notes import context_note_set

    comment = CommentFactory.create(article=article, body="Skip the infusions")
    client.force_login(UserFactory.create())
    client.get(article.get_absolute_url())  # the shared copy, without a note

    context_note_set(item=comment, moderator=moderator, text="Our medical reviewers say no.")
    html = client.get(article.get_absolute_url()).content.decode()

    assert "Context from our moderators" in html
    assert "Our medical reviewers say no." in html


def test_comment_edit_view_a_claim_slipped_in_sends_it_back_to_review_and_says_so(
    member_client, article, member
):
    comment = CommentFactory.create(article=article, author=member, body="Round three done.")

    response = member_client.post(
        reverse("articles:comment_edit", kwargs={"slug": article.slug, "pk": comment.pk}),
        {"body": "Round three done. Skip your infusions and eat raw vegetables instead."},
        follow=True,
    )

    comment.refresh_from_db()
    assert comment.moderation_state == ModerationState.PENDING
    assert "your comment now waits for one of our volunteer moderators" in (
        response.content.decode()
    )
