from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import ArticleStatus, Comment, CommentHug
from articles.services import (
    article_save,
    comment_after_state_change,
    comment_create,
    comment_delete,
    comment_hug_set,
    comment_update,
)
from core.mail.models import OutboxMessage
from moderation.models import ModerationState
from moderation.policy import PostingLimitExceeded
from notifications.models import Channel
from notifications.preferences import preferences_set
from tests.factories import UserFactory

from .factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def test_article_save_renders_markdown_once_with_anchors_and_toc(article):
    article.body_markdown = (
        "## First part\n\nText with [a link](https://mybcteam.example/articles/x/).\n\n"
        "### Detail\n\nMore."
    )

    article_save(article=article)

    assert '<h2 id="first-part">First part</h2>' in article.body_html
    assert [h["anchor"] for h in article.toc] == ["first-part", "detail"]
    assert 'href="/articles/x/"' in article.body_html


def test_article_save_keeps_external_links(article):
    article.body_markdown = "See [the FDA](https://www.fda.gov/) for details."

    article_save(article=article)

    assert 'href="https://www.fda.gov/"' in article.body_html


def test_article_save_refuses_nul_bytes(article):
    article.body_markdown = "Broken\x00text"

    with pytest.raises(ValidationError):
        article_save(article=article)


def test_comment_create_counts_visible_comments(article, member):
    comment_create(article=article, author=member, body="Thinking of everyone here.")

    article.refresh_from_db()
    assert article.comment_count == 1


def test_comment_create_renders_light_markdown_with_ugc_links(article, member):
    comment = comment_create(
        article=article, author=member, body="**Strong** and [a link](https://example.org)"
    )

    assert "<strong>Strong</strong>" in comment.body_html
    assert 'rel="nofollow ugc noopener"' in comment.body_html


def test_comment_create_reply_to_reply_joins_top_level_thread(article, member, other_member):
    top = comment_create(article=article, author=member, body="First")
    reply = comment_create(article=article, author=other_member, body="Second", parent=top)

    nested = comment_create(article=article, author=member, body="Third", parent=reply)

    assert nested.parent_id == top.pk


def test_comment_create_refuses_parent_from_another_article(article, member):
    other = CommentFactory.create()

    with pytest.raises(ValidationError):
        comment_create(article=article, author=member, body="Hi", parent=other)


def test_comment_create_refuses_unverified_member(article, unverified_member):
    with pytest.raises(PermissionDenied):
        comment_create(article=article, author=unverified_member, body="Hello")

    assert not Comment.objects.exists()


def test_comment_create_refuses_draft_article(member):
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, published_at=None)

    with pytest.raises(PermissionDenied):
        comment_create(article=draft, author=member, body="Hello")


def test_comment_create_new_member_is_held_pending_and_not_counted(article, settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())

    comment = comment_create(article=article, author=newcomer, body="My first comment")

    article.refresh_from_db()
    assert comment.moderation_state == ModerationState.PENDING
    assert article.comment_count == 0


def test_comment_create_duplicate_text_raises_posting_limit(article, member):
    comment_create(article=article, author=member, body="Same words")

    with pytest.raises(PostingLimitExceeded):
        comment_create(article=article, author=member, body="Same words")


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001, "bad\x00byte"])
def test_comment_create_rejects_bad_bodies(article, member, body):
    with pytest.raises(ValidationError):
        comment_create(article=article, author=member, body=body)


def test_comment_update_within_window_marks_edited(article, member):
    comment = comment_create(article=article, author=member, body="Before")

    updated = comment_update(comment=comment, editor=member, body="After")

    assert updated.body == "After"
    assert updated.is_edited
    assert updated.edited_at is not None


def test_comment_update_after_window_is_refused_on_the_server(article, member, settings):
    comment = comment_create(article=article, author=member, body="Before")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=settings.EDIT_WINDOW_MINUTES, seconds=1)
    )

    with pytest.raises(PermissionDenied):
        comment_update(comment=comment, editor=member, body="After")

    comment.refresh_from_db()
    assert comment.body == "Before"


def test_comment_update_by_someone_else_is_refused(article, member, other_member):
    comment = comment_create(article=article, author=member, body="Mine")

    with pytest.raises(PermissionDenied):
        comment_update(comment=comment, editor=other_member, body="Theirs")


def test_comment_delete_with_replies_leaves_placeholder_and_recounts(article, member, other_member):
    top = comment_create(article=article, author=member, body="Top")
    comment_create(article=article, author=other_member, body="Reply", parent=top)

    comment_delete(comment=top, actor=member)

    top.refresh_from_db()
    article.refresh_from_db()
    assert top.moderation_state == ModerationState.REMOVED
    assert top.body == ""
    assert Comment.objects.filter(parent=top).count() == 1
    assert article.comment_count == 1


def test_comment_delete_by_someone_else_is_refused(article, member, other_member):
    comment = comment_create(article=article, author=member, body="Mine")

    with pytest.raises(PermissionDenied):
        comment_delete(comment=comment, actor=other_member)


def test_comment_hug_set_double_submit_counts_once(article, member, other_member):
    comment = comment_create(article=article, author=member, body="Hug me")

    comment_hug_set(member=other_member, target=comment, hugged=True)
    count = comment_hug_set(member=other_member, target=comment, hugged=True)

    assert count == 1
    assert CommentHug.objects.filter(comment=comment).count() == 1
    comment.refresh_from_db()
    assert comment.hug_count == 1


def test_comment_hug_set_toggle_off_removes_hug(article, member, other_member):
    comment = comment_create(article=article, author=member, body="Hug me")
    comment_hug_set(member=other_member, target=comment, hugged=True)

    count = comment_hug_set(member=other_member, target=comment, hugged=False)

    assert count == 0


def test_comment_hug_set_survives_integrity_error_race(article, member, other_member, monkeypatch):
    comment = comment_create(article=article, author=member, body="Hug me")
    comment_hug_set(member=other_member, target=comment, hugged=True)  # the race's winner
    # Simulate the second request of a double click losing the race after its own lookup.
    from django.db import IntegrityError

    def racing_create(**kwargs):
        raise IntegrityError("duplicate key")

    monkeypatch.setattr(CommentHug.objects, "create", racing_create)

    count = comment_hug_set(member=other_member, target=comment, hugged=True)

    assert count == 1


def test_reply_email_sent_exactly_once_after_commit(
    article, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    parent = comment_create(article=article, author=member, body="Has anyone tried Phesgo?")

    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(
            article=article, author=other_member, body="Yes!\nIt took ten minutes.", parent=parent
        )
    comment_after_state_change(comment=reply)  # a later moderation pass must not resend

    assert [m.to for m in mailoutbox] == [[member.email]]
    message = mailoutbox[0]
    assert "Yes!" in message.body
    # the reply's own address, which leads to whichever thread page shows it
    assert f"https://mybcteam.example{reply.get_absolute_url()}" in message.body
    assert reply.get_absolute_url() == f"{article.get_absolute_url()}comments/{reply.pk}/"
    assert "https://mybcteam.example/accounts/settings/" in message.body


def test_reply_email_not_sent_on_rollback(
    article, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    parent = comment_create(article=article, author=member, body="Question")

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                comment_create(article=article, author=other_member, body="Reply", parent=parent)
                raise RuntimeError("something later in the request failed")
        except RuntimeError:
            pass

    assert mailoutbox == []
    assert not OutboxMessage.objects.exists()


def test_reply_email_not_sent_to_the_replier_themselves(
    article, member, mailoutbox, django_capture_on_commit_callbacks
):
    parent = comment_create(article=article, author=member, body="Question")

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=member, body="Answering myself", parent=parent)

    assert mailoutbox == []


def test_reply_email_not_sent_when_preference_off(
    article, member, other_member, mailoutbox, django_capture_on_commit_callbacks
):
    preferences_set(member=member, channels={"replies": Channel.IN_APP}, pause_email=False)
    parent = comment_create(article=article, author=member, body="Question")

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(article=article, author=other_member, body="Reply", parent=parent)

    assert mailoutbox == []


def test_reply_email_for_held_reply_is_sent_once_on_approval(
    article, member, mailoutbox, django_capture_on_commit_callbacks, settings
):
    parent = comment_create(article=article, author=member, body="Question")
    settings.MODERATION_NEW_MEMBER_HOURS = 24
    newcomer = UserFactory.create(date_joined=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        reply = comment_create(article=article, author=newcomer, body="Held reply", parent=parent)
    assert mailoutbox == []

    Comment.objects.filter(pk=reply.pk).update(moderation_state=ModerationState.VISIBLE)
    reply.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        comment_after_state_change(comment=reply)
        comment_after_state_change(comment=reply)

    assert [m.to for m in mailoutbox] == [[member.email]]
    article.refresh_from_db()
    assert article.comment_count == 2


def test_comment_update_adding_a_link_from_a_new_poster_goes_back_to_review(article, member):
    from moderation.models import ModerationCase

    comment = comment_create(article=article, author=member, body="Hello all")

    updated = comment_update(
        comment=comment, editor=member, body="Buy cures at https://scam.example now"
    )

    article.refresh_from_db()
    assert updated.moderation_state == ModerationState.PENDING
    assert article.comment_count == 0
    assert ModerationCase.objects.filter(object_id=comment.pk, kind="comment").exists()


def test_comment_update_mentioning_self_harm_opens_an_urgent_case(article, member):
    from moderation.models import ModerationCase

    comment = comment_create(article=article, author=member, body="A hard week")

    comment_update(comment=comment, editor=member, body="A hard week, I want to die")

    assert ModerationCase.objects.get(object_id=comment.pk, kind="comment").urgent


# --- comment_create: reply emails ---


def test_comment_create_reply_email_links_to_the_replys_own_address(
    article, mailoutbox, django_capture_on_commit_callbacks
):
    commenter = UserFactory.create()
    comment = comment_create(article=article, author=commenter, body="Any tips?")

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(
            article=article, author=UserFactory.create(), body="Bring socks.", parent=comment
        )

    assert len(mailoutbox) == 1
    assert f"{article.get_absolute_url()}comments/" in mailoutbox[0].body
