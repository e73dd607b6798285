import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.blocks import member_block, member_unblock
from activities import feed
from activities.models import Audience, TeamLink, TeamRequest, Update, UpdateComment
from activities.services import (
    team_remove,
    team_request_accept,
    team_request_ignore,
    team_request_send,
    team_request_withdraw,
    update_comment_create,
    update_comment_delete,
    update_comment_edit,
    update_create,
    update_delete,
    update_edit,
    update_hug_set,
)
from core.hugs import NotHuggable
from moderation.models import ModerationCase, ModerationState
from moderation.policy import PostingLimitExceeded
from moderation.services import content_approve, content_hide, content_restore
from notifications.models import Channel
from notifications.preferences import preferences_set
from tests.factories import UserFactory

from .factories import UpdateCommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hooks(monkeypatch):
    """Record what the services tell the feed (the Redis fan-out lives behind these)."""
    calls: list[tuple[str, dict]] = []
    for name in (
        "feed_update_published",
        "feed_update_withdrawn",
        "feed_team_changed",
        "feed_block_changed",
    ):
        monkeypatch.setattr(feed, name, lambda _name=name, **kwargs: calls.append((_name, kwargs)))
    return calls


# Updates


def test_update_create_renders_markdown_and_tells_the_feed_after_commit(
    author, hooks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = update_create(author=author, body="A **good** day", tag="good_day")

    assert "<strong>good</strong>" in update.body_html
    assert update.moderation_state == ModerationState.VISIBLE
    assert hooks == [("feed_update_published", {"update_id": update.pk})]


def test_update_create_same_key_makes_one_update(author):
    key = uuid.uuid4()

    first = update_create(author=author, body="Scan tomorrow", idempotency_key=key)
    second = update_create(author=author, body="Scan tomorrow", idempotency_key=key)

    assert first.pk == second.pk
    assert Update.objects.count() == 1


@pytest.mark.parametrize(
    "body", ["", "   ", "x" * 2001, "nul\x00byte"], ids=["empty", "blank", "huge", "nul"]
)
def test_update_create_refuses_bad_text(author, body):
    with pytest.raises(ValidationError):
        update_create(author=author, body=body)


def test_update_create_refuses_unknown_tag_and_audience(author):
    with pytest.raises(ValidationError):
        update_create(author=author, body="Hello", tag="party_day")
    with pytest.raises(ValidationError):
        update_create(author=author, body="Hello", audience="world")


def test_update_create_refuses_unverified_member(unverified_member):
    with pytest.raises(PermissionDenied):
        update_create(author=unverified_member, body="Hello")


def test_update_create_new_member_is_held_for_review_and_not_published(
    settings, hooks, django_capture_on_commit_callbacks
):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        update = update_create(author=newcomer, body="Hello, I am new here")

    assert update.moderation_state == ModerationState.PENDING
    assert ModerationCase.objects.get(kind="update").held_reason.startswith("New member")
    assert hooks == []


def test_update_create_link_from_few_posts_is_held(author):
    update = update_create(author=author, body="Look at https://miracle.example/cure")

    assert update.moderation_state == ModerationState.PENDING


def test_update_create_self_harm_opens_an_urgent_case(author):
    update = update_create(author=author, body="Some nights I want to die")

    assert ModerationCase.objects.get(object_id=update.pk, kind="update").urgent is True


def test_update_create_duplicate_text_is_refused(author):
    update_create(author=author, body="Same words")

    with pytest.raises(PostingLimitExceeded):
        update_create(author=author, body="Same words")


def test_update_create_counts_toward_the_hourly_limit(author, settings):
    settings.MODERATION_REPLIES_PER_HOUR = 2
    update_create(author=author, body="One")
    update_create(author=author, body="Two")

    with pytest.raises(PostingLimitExceeded):
        update_create(author=author, body="Three")


def test_moderation_approve_hide_and_restore_tell_the_feed(
    author, moderator, settings, hooks, django_capture_on_commit_callbacks
):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    author.date_joined = timezone.now()
    author.save()
    update = update_create(author=author, body="Waiting for review")

    with django_capture_on_commit_callbacks(execute=True):
        content_approve(item=update, moderator=moderator)
        content_hide(item=update, moderator=moderator, reason="Medical misinformation")
        content_restore(item=update, moderator=moderator)

    assert [name for name, _ in hooks] == [
        "feed_update_published",
        "feed_update_withdrawn",
        "feed_update_published",
    ]


def test_update_edit_narrowing_the_audience_withdraws_then_publishes(
    author, hooks, django_capture_on_commit_callbacks
):
    update = UpdateFactory.create(author=author)

    with django_capture_on_commit_callbacks(execute=True):
        update_edit(update=update, editor=author, body=update.body, tag="", audience="team")

    assert [name for name, _ in hooks] == ["feed_update_withdrawn", "feed_update_published"]


def test_update_edit_after_the_window_is_refused(author, settings):
    update = UpdateFactory.create(
        author=author,
        created_at=timezone.now() - timedelta(minutes=settings.EDIT_WINDOW_MINUTES + 1),
    )

    with pytest.raises(PermissionDenied):
        update_edit(update=update, editor=author, body="Late change", tag="", audience="members")


def test_update_edit_by_someone_else_is_refused(author, mate):
    update = UpdateFactory.create(author=author)

    with pytest.raises(PermissionDenied):
        update_edit(update=update, editor=mate, body="Not mine", tag="", audience="members")


def test_update_edit_adding_a_link_goes_back_to_review(author):
    update = UpdateFactory.create(author=author)

    edited = update_edit(
        update=update, editor=author, body="See https://cure.example", tag="", audience="members"
    )

    assert edited.moderation_state == ModerationState.PENDING


def test_update_delete_erases_text_and_withdraws(author, hooks, django_capture_on_commit_callbacks):
    update = UpdateFactory.create(author=author)

    with django_capture_on_commit_callbacks(execute=True):
        update_delete(update=update, actor=author)

    update.refresh_from_db()
    assert (update.moderation_state, update.body) == (ModerationState.REMOVED, "")
    assert hooks == [("feed_update_withdrawn", {"update_id": update.pk})]


def test_update_delete_by_someone_else_is_refused(author, mate):
    with pytest.raises(PermissionDenied):
        update_delete(update=UpdateFactory.create(author=author), actor=mate)


def test_update_hug_set_double_submit_counts_once(author, mate):
    update = UpdateFactory.create(author=author)

    update_hug_set(member=mate, target=update, hugged=True)
    count = update_hug_set(member=mate, target=update, hugged=True)

    assert count == 1


def test_update_hug_set_refuses_a_team_update_to_a_stranger_and_a_blocked_member(
    author, mate, stranger
):
    team_only = UpdateFactory.create(author=author, audience=Audience.TEAM)
    public = UpdateFactory.create(author=author)
    member_block(blocker=author, blocked=mate)

    with pytest.raises(NotHuggable):
        update_hug_set(member=stranger, target=team_only, hugged=True)
    with pytest.raises(NotHuggable):
        update_hug_set(member=mate, target=public, hugged=True)


# Comments


def test_update_comment_create_counts_and_replies_stay_one_level(author, mate, stranger):
    update = UpdateFactory.create(author=author)

    first = update_comment_create(update=update, author=mate, body="Thinking of you")
    reply = update_comment_create(update=update, author=author, body="Thank you", parent=first)
    deeper = update_comment_create(update=update, author=stranger, body="Me too", parent=reply)

    update.refresh_from_db()
    assert update.comment_count == 3
    assert deeper.parent_id == first.pk


def test_update_comment_create_refuses_an_update_she_may_not_see(author, stranger):
    update = UpdateFactory.create(author=author, audience=Audience.TEAM)

    with pytest.raises(PermissionDenied):
        update_comment_create(update=update, author=stranger, body="Hello")


def test_update_comment_create_refuses_across_a_block(author, stranger):
    update = UpdateFactory.create(author=author)
    member_block(blocker=author, blocked=stranger)

    with pytest.raises(PermissionDenied):
        update_comment_create(update=update, author=stranger, body="Hello")


def test_update_comment_create_refuses_a_reply_to_a_blocked_commenter(author, mate, stranger):
    update = UpdateFactory.create(author=author)
    theirs = UpdateCommentFactory.create(update=update, author=stranger)
    member_block(blocker=stranger, blocked=mate)

    with pytest.raises(ValidationError):
        update_comment_create(update=update, author=mate, body="Hi", parent=theirs)


def test_update_comment_create_emails_the_update_author_once(
    author, mate, mailoutbox, django_capture_on_commit_callbacks
):
    update = UpdateFactory.create(author=author)

    with django_capture_on_commit_callbacks(execute=True):
        update_comment_create(update=update, author=mate, body="Sending a hug your way")
        update_comment_create(update=update, author=author, body="My own comment")

    assert [m.to for m in mailoutbox] == [[author.email]]
    assert "Ines commented on your update" in mailoutbox[0].subject
    assert "Sending a hug your way" in mailoutbox[0].body


def test_update_comment_create_reply_emails_the_parent_author(
    author, mate, stranger, mailoutbox, django_capture_on_commit_callbacks
):
    update = UpdateFactory.create(author=author)
    parent = UpdateCommentFactory.create(update=update, author=mate, notified=True)

    with django_capture_on_commit_callbacks(execute=True):
        update_comment_create(update=update, author=stranger, body="Same here", parent=parent)

    assert [m.to for m in mailoutbox] == [[mate.email]]
    assert "replied to your comment" in mailoutbox[0].subject


def test_update_comment_create_respects_the_opt_out(
    author, mate, mailoutbox, django_capture_on_commit_callbacks
):
    preferences_set(member=author, channels={"comments": Channel.IN_APP}, pause_email=False)

    with django_capture_on_commit_callbacks(execute=True):
        update_comment_create(update=UpdateFactory.create(author=author), author=mate, body="Hi")

    assert mailoutbox == []


def test_update_comment_create_discreet_email_names_neither_site_nor_text(
    author, mate, mailoutbox, django_capture_on_commit_callbacks, settings
):
    author.discreet_email = True
    author.save()

    with django_capture_on_commit_callbacks(execute=True):
        update_comment_create(
            update=UpdateFactory.create(author=author), author=mate, body="Chemo is so hard"
        )

    message = mailoutbox[0]
    html = message.alternatives[0][0]
    assert message.subject == "You have a new message"
    assert "Chemo" not in message.body
    assert "Chemo" not in html
    assert settings.SITE_NAME not in message.body + html + message.from_email


def test_held_comment_emails_only_once_approved(
    author, mate, moderator, settings, mailoutbox, django_capture_on_commit_callbacks
):
    update = UpdateFactory.create(author=author)
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        comment = update_comment_create(update=update, author=newcomer, body="Hello there")
    held = list(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        content_approve(item=comment, moderator=moderator)

    assert held == []
    assert [m.to for m in mailoutbox if "commented" in m.subject] == [[author.email]]


def test_update_comment_edit_and_delete(author, mate):
    update = UpdateFactory.create(author=author)
    comment = update_comment_create(update=update, author=mate, body="First")

    update_comment_edit(comment=comment, editor=mate, body="Second")
    update_comment_delete(comment=comment, actor=mate)

    comment.refresh_from_db()
    update.refresh_from_db()
    assert (comment.body, comment.moderation_state) == ("", ModerationState.REMOVED)
    assert comment.edited_at is not None
    assert update.comment_count == 0


def test_update_comment_delete_by_someone_else_is_refused(author, mate):
    comment = UpdateCommentFactory.create(update=UpdateFactory.create(author=author), author=mate)

    with pytest.raises(PermissionDenied):
        update_comment_delete(comment=comment, actor=author)


# Team


def test_team_request_send_then_accept_links_both_and_emails(
    author, stranger, mailoutbox, hooks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = team_request_send(sender=stranger, recipient=author)
        assert request is not None
        team_request_accept(recipient=author, request_id=request.pk)

    assert TeamLink.objects.filter(member=author, mate=stranger).exists()
    assert TeamLink.objects.filter(member=stranger, mate=author).exists()
    assert not TeamRequest.objects.exists()
    assert [m.to[0] for m in mailoutbox] == [author.email, stranger.email]
    assert ("feed_team_changed", {"member_id": author.pk, "mate_id": stranger.pk}) in hooks


def test_team_request_send_crossing_requests_make_a_team(author, stranger):
    team_request_send(sender=stranger, recipient=author)

    assert team_request_send(sender=author, recipient=stranger) is None
    assert TeamLink.objects.count() == 2


def test_team_request_ignore_is_silent_and_a_second_ask_changes_nothing(
    author, stranger, mailoutbox
):
    request = team_request_send(sender=stranger, recipient=author)
    assert request is not None
    team_request_ignore(recipient=author, request_id=request.pk)
    sent = len(mailoutbox)

    again = team_request_send(sender=stranger, recipient=author)

    assert again is not None
    assert again.pk == request.pk
    assert TeamRequest.objects.get().state == TeamRequest.State.IGNORED
    assert len(mailoutbox) == sent


def test_team_request_send_across_a_block_does_nothing_visible(author, stranger, mailoutbox):
    member_block(blocker=author, blocked=stranger)

    assert team_request_send(sender=stranger, recipient=author) is None
    assert not TeamRequest.objects.exists()
    assert mailoutbox == []


def test_team_request_send_to_herself_is_refused(author):
    with pytest.raises(ValidationError):
        team_request_send(sender=author, recipient=author)


def test_team_request_send_respects_the_daily_cap(author):
    for _ in range(30):
        team_request_send(sender=author, recipient=UserFactory.create())

    with pytest.raises(ValidationError):
        team_request_send(sender=author, recipient=UserFactory.create())


def test_team_request_accept_of_someone_elses_request_is_refused(author, mate, stranger):
    request = team_request_send(sender=stranger, recipient=author)
    assert request is not None

    with pytest.raises(PermissionDenied):
        team_request_accept(recipient=mate, request_id=request.pk)


def test_team_request_withdraw_removes_it(author, stranger):
    request = team_request_send(sender=stranger, recipient=author)
    assert request is not None

    assert team_request_withdraw(sender=stranger, request_id=request.pk) is True
    assert not TeamRequest.objects.exists()


def test_team_remove_unlinks_both_sides(author, mate, hooks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        team_remove(member=mate, mate=author)

    assert not TeamLink.objects.exists()
    assert hooks == [("feed_team_changed", {"member_id": mate.pk, "mate_id": author.pk})]


# Blocks


def test_member_block_ends_team_and_requests_and_tells_the_feed(
    author, mate, stranger, hooks, django_capture_on_commit_callbacks
):
    team_request_send(sender=stranger, recipient=author)

    with django_capture_on_commit_callbacks(execute=True):
        member_block(blocker=author, blocked=mate)
        member_block(blocker=author, blocked=stranger)

    assert not TeamLink.objects.exists()
    assert not TeamRequest.objects.exists()
    assert ("feed_block_changed", {"blocker_id": author.pk, "blocked_id": mate.pk}) in hooks


def test_member_block_is_idempotent_and_unblock_does_not_restore_the_team(author, mate):
    member_block(blocker=author, blocked=mate)
    member_block(blocker=author, blocked=mate)

    assert member_unblock(blocker=author, blocked=mate) is True
    assert member_unblock(blocker=author, blocked=mate) is False
    assert not TeamLink.objects.exists()


def test_member_block_of_herself_is_refused(author):
    with pytest.raises(ValidationError):
        member_block(blocker=author, blocked=author)


def test_update_comment_is_kept_under_a_comment_placeholder(author, mate):
    update = UpdateFactory.create(author=author)
    first = update_comment_create(update=update, author=mate, body="Top")
    update_comment_create(update=update, author=author, body="Reply", parent=first)

    update_comment_delete(comment=first, actor=mate)

    assert UpdateComment.objects.filter(parent=first).count() == 1


def test_team_request_send_back_after_ignoring_makes_the_team(author, stranger):
    request = team_request_send(sender=stranger, recipient=author)
    assert request is not None
    team_request_ignore(recipient=author, request_id=request.pk)

    assert team_request_send(sender=author, recipient=stranger) is None
    assert TeamLink.objects.filter(member=author, mate=stranger).exists()
