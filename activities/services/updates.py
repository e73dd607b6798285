"""Writes on updates: post, edit, delete, hug, and what moderation's state changes mean."""

from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.hugs import NotHuggable, hug_toggle
from core.idempotency import create_once
from core.markdown import render_member_markdown
from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from moderation.policy import moderation_decide, posting_limits_check, posting_refusal
from moderation.services import content_after_create, content_recheck_after_edit
from notifications.mentions import mentions_notify
from notifications.services import notify

from .. import feed
from ..models import UPDATE_MAX_LENGTH, Audience, Update, UpdateHug, UpdateTag
from ..selectors import update_list_visible


def clean_text(body: str, *, limit: int, noun: str) -> str:
    """The stripped text, or a kind ValidationError saying what to change."""
    body = (body or "").strip()
    if "\x00" in body:
        raise ValidationError(f"Your {noun} contains a character we cannot store.")
    if not body:
        raise ValidationError("Please write something before posting.")
    if len(body) > limit:
        raise ValidationError(
            f"Please keep your {noun} under {limit:,} characters (it has {len(body):,})."
        )
    return body


def posting_check(user: User) -> None:
    refusal = posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)


def _clean_choices(*, tag: str, audience: str) -> tuple[str, str]:
    if tag not in UpdateTag.values:
        raise ValidationError("Please choose a tag from the list, or none.")
    if audience not in Audience.values:
        raise ValidationError("Please choose who can see your update.")
    return tag, audience


def _after_commit_published(update: Update) -> None:
    update_id = update.pk
    transaction.on_commit(lambda: feed.feed_update_published(update_id=update_id))


def _after_commit_withdrawn(update: Update) -> None:
    update_id = update.pk
    transaction.on_commit(lambda: feed.feed_update_withdrawn(update_id=update_id))


def update_create(
    *,
    author: User,
    body: str,
    tag: str = "",
    audience: str = Audience.MEMBERS,
    idempotency_key: UUID | None = None,
) -> Update:
    """Post an update (visible or pending under the trust rules); may raise PermissionDenied,
    ValidationError or PostingLimitExceeded. A key she already posted with returns that update.
    """
    return create_once(
        author=author,
        key=idempotency_key,
        model=Update,
        create=lambda: _update_create(author=author, body=body, tag=tag, audience=audience),
    )


@transaction.atomic
def _update_create(*, author: User, body: str, tag: str, audience: str) -> Update:
    posting_check(author)
    body = clean_text(body, limit=UPDATE_MAX_LENGTH, noun="update")
    tag, audience = _clean_choices(tag=tag, audience=audience)
    posting_limits_check(author=author, kind="update", text=body)
    decision = moderation_decide(author=author, text=body)
    update = Update(
        author=author,
        body=body,
        body_html=render_member_markdown(body),
        tag=tag,
        audience=audience,
        moderation_state=decision.state,
    )
    update.full_clean(exclude=["search_vector"])
    update.save()
    content_after_create(item=update, held_reason=decision.held_reason)
    if update.moderation_state == ModerationState.VISIBLE:
        _after_commit_published(update)
        _mentions(update)
    return update


def _mentions(update: Update) -> None:
    """Tell the members it mentions who may see it (once each; a team-only update tells only
    her team)."""
    mentions_notify(kind="mention_update", text=update.body, author=update.author, target=update)


def update_can_edit(*, update: Update, user: Viewer) -> bool:
    """Her own update, within the edit window, while not hidden or removed."""
    if not viewer_is_member(user) or update.author_id != user.pk:
        return False
    if update.moderation_state not in (ModerationState.VISIBLE, ModerationState.PENDING):
        return False
    return update.edit_window_open()


@transaction.atomic
def update_edit(*, update: Update, editor: User, body: str, tag: str, audience: str) -> Update:
    """Change an update's text, tag or audience: only its author, within the edit window.

    The new text meets the trust rules a new post would; a narrower audience takes it out of
    the feeds of members who may no longer see it, a wider one puts it in.
    """
    posting_check(editor)
    locked = Update.objects.select_for_update().get(pk=update.pk)
    if not update_can_edit(update=locked, user=editor):
        raise PermissionDenied(
            f"Updates can be edited for {settings.EDIT_WINDOW_MINUTES} minutes after posting."
        )
    body = clean_text(body, limit=UPDATE_MAX_LENGTH, noun="update")
    tag, audience = _clean_choices(tag=tag, audience=audience)
    if (body, tag, audience) == (locked.body, locked.tag, locked.audience):
        return locked
    old_body, old_audience = locked.body, locked.audience
    locked.body, locked.tag, locked.audience = body, tag, audience
    locked.body_html = render_member_markdown(body)
    locked.edited_at = timezone.now()
    locked.save(update_fields=["body", "body_html", "tag", "audience", "edited_at"])
    if body != old_body:
        content_recheck_after_edit(item=locked, editor=editor, old_text=old_body, text=body)
        locked.refresh_from_db(fields=["moderation_state"])
    if locked.moderation_state != ModerationState.VISIBLE:
        _after_commit_withdrawn(locked)
        return locked
    if audience != old_audience:
        if audience == Audience.TEAM:
            _after_commit_withdrawn(locked)
        _after_commit_published(locked)
    _mentions(locked)
    return locked


@transaction.atomic
def update_delete(*, update: Update, actor: User) -> Update:
    """She removes her update: its text goes at once, with it from every feed. Idempotent."""
    if not viewer_is_member(actor) or update.author_id != actor.pk:
        raise PermissionDenied("Only the member who posted an update can delete it.")
    locked = Update.objects.select_for_update().get(pk=update.pk)
    if locked.moderation_state == ModerationState.REMOVED:
        return locked
    locked.moderation_state = ModerationState.REMOVED
    locked.moderated_at = timezone.now()
    locked.body = ""
    locked.body_html = ""
    locked.save(update_fields=["moderation_state", "moderated_at", "body", "body_html"])
    _after_commit_withdrawn(locked)
    return locked


@transaction.atomic
def update_hug_set(*, member: User, target: Update, hugged: bool) -> int:
    """Give or take back her hug on an update she may see (idempotent); returns the count.

    Refused with the posting rule's reason when she may not post, and with NotHuggable when the
    update is not visible or not hers to see (a block hides it both ways).
    """
    posting_check(member)
    visible = update_list_visible(viewer=member).filter(
        pk=target.pk, moderation_state=ModerationState.VISIBLE
    )
    if not visible.exists():
        raise NotHuggable("This update cannot be hugged.")
    is_new = hugged and not UpdateHug.objects.filter(update=target, member=member).exists()
    count = hug_toggle(
        hug_model=UpdateHug, target=target, target_field="update", member=member, hugged=hugged
    )
    if is_new:
        notify(kind="update_hug", recipient=target.author, actor=member, target=target)
    return count


def update_after_state_change(*, update: Update) -> None:
    """Moderation hid, restored, approved or held an update: feeds follow its new state."""
    if update.moderation_state == ModerationState.VISIBLE:
        _after_commit_published(update)
        _mentions(update)
    else:
        _after_commit_withdrawn(update)
