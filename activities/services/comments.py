"""Writes on comments under updates: post, reply, edit, delete, and their emails."""

from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.blocks import members_blocked_between
from accounts.models import User
from core.idempotency import create_once
from core.markdown import render_member_markdown
from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from moderation.policy import moderation_decide, posting_limits_check
from moderation.services import content_after_create, content_recheck_after_edit
from notifications.mentions import mentions_notify

from ..models import UPDATE_COMMENT_MAX_LENGTH, Update, UpdateComment
from ..selectors import update_list_visible
from .emails import comment_notify
from .updates import clean_text, posting_check


def update_comment_recount(*, update_id: int) -> None:
    """Store how many visible comments and replies an update has (one UPDATE)."""
    visible = (
        UpdateComment.objects.filter(
            update_id=OuterRef("pk"), moderation_state=ModerationState.VISIBLE
        )
        .order_by()
        .values("update_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    Update.objects.filter(pk=update_id).update(comment_count=Coalesce(Subquery(visible), Value(0)))


def update_comment_create(
    *,
    update: Update,
    author: User,
    body: str,
    parent: UpdateComment | None = None,
    idempotency_key: UUID | None = None,
) -> UpdateComment:
    """Comment on (or reply under) an update she may see; visible or pending under the trust
    rules. May raise PermissionDenied, ValidationError or PostingLimitExceeded. Emails the
    update's author (or the parent's) after commit. A key already used returns that comment.
    """
    return create_once(
        author=author,
        key=idempotency_key,
        model=UpdateComment,
        create=lambda: _comment_create(update=update, author=author, body=body, parent=parent),
    )


@transaction.atomic
def _comment_create(
    *, update: Update, author: User, body: str, parent: UpdateComment | None
) -> UpdateComment:
    posting_check(author)
    visible = update_list_visible(viewer=author).filter(
        pk=update.pk, moderation_state=ModerationState.VISIBLE
    )
    if not visible.exists():
        raise PermissionDenied("This update is no longer open for comments.")
    body = clean_text(body, limit=UPDATE_COMMENT_MAX_LENGTH, noun="comment")
    if parent is not None:
        if parent.update_id != update.pk:
            raise ValidationError("A reply must belong to the same update as its comment.")
        # One level of nesting: a reply to a reply joins the same thread.
        if parent.parent_id is not None:
            parent = UpdateComment.objects.get(pk=parent.parent_id)
        if parent.moderation_state != ModerationState.VISIBLE or members_blocked_between(
            first_id=author.pk, second_id=parent.author_id
        ):
            raise ValidationError("That comment is no longer open for replies.")
    posting_limits_check(author=author, kind="update-comment", text=body)
    decision = moderation_decide(author=author, text=body)
    comment = UpdateComment(
        update=update,
        author=author,
        parent=parent,
        body=body,
        body_html=render_member_markdown(body),
        moderation_state=decision.state,
    )
    comment.full_clean(exclude=["search_vector"])
    comment.save()
    content_after_create(item=comment, held_reason=decision.held_reason)
    update_comment_recount(update_id=update.pk)
    comment_notify(comment=comment)
    _mentions(comment)
    return comment


def _mentions(comment: UpdateComment) -> None:
    """Tell the members a visible comment mentions who may see it, once each."""
    if comment.moderation_state == ModerationState.VISIBLE:
        mentions_notify(
            kind="mention_comment", text=comment.body, author=comment.author, target=comment
        )


def update_comment_can_edit(*, comment: UpdateComment, user: Viewer) -> bool:
    """Her own comment, within the edit window, while not hidden or removed."""
    if not viewer_is_member(user) or comment.author_id != user.pk:
        return False
    if comment.moderation_state not in (ModerationState.VISIBLE, ModerationState.PENDING):
        return False
    return comment.edit_window_open()


@transaction.atomic
def update_comment_edit(*, comment: UpdateComment, editor: User, body: str) -> UpdateComment:
    """Change a comment's text: only its author, only inside the edit window."""
    posting_check(editor)
    locked = UpdateComment.objects.select_for_update().get(pk=comment.pk)
    if not update_comment_can_edit(comment=locked, user=editor):
        raise PermissionDenied(
            f"Comments can be edited for {settings.EDIT_WINDOW_MINUTES} minutes after posting."
        )
    body = clean_text(body, limit=UPDATE_COMMENT_MAX_LENGTH, noun="comment")
    if body == locked.body:
        return locked
    old_body = locked.body
    locked.body = body
    locked.body_html = render_member_markdown(body)
    locked.edited_at = timezone.now()
    locked.save(update_fields=["body", "body_html", "edited_at"])
    content_recheck_after_edit(item=locked, editor=editor, old_text=old_body, text=body)
    locked.refresh_from_db(fields=["moderation_state"])
    _mentions(locked)
    return locked


@transaction.atomic
def update_comment_delete(*, comment: UpdateComment, actor: User) -> UpdateComment:
    """She removes her comment: its text is erased; replies keep a placeholder. Idempotent."""
    if not viewer_is_member(actor) or comment.author_id != actor.pk:
        raise PermissionDenied("Only the member who wrote a comment can delete it.")
    locked = UpdateComment.objects.select_for_update().get(pk=comment.pk)
    if locked.moderation_state == ModerationState.REMOVED:
        return locked
    locked.moderation_state = ModerationState.REMOVED
    locked.moderated_at = timezone.now()
    locked.body = ""
    locked.body_html = ""
    locked.save(update_fields=["moderation_state", "moderated_at", "body", "body_html"])
    update_comment_recount(update_id=locked.update_id)
    return locked


def update_comment_after_state_change(*, comment: UpdateComment) -> None:
    """Moderation changed a comment's state: recount, and send its email once if now visible."""
    update_comment_recount(update_id=comment.update_id)
    comment_notify(comment=comment)
    _mentions(comment)
