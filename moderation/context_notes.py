"""Context notes: a moderator's visible note under a post, as an alternative to hiding it.

Writes (add, change, remove) each log one entry, stamp the post's `moderated_at` so every shared
rendering of its page is rebuilt (core.shared_render folds the newest stamp into its keys), and
move the public pages' version. Reads are one correlated subquery that the content apps' own
selectors add to the query they already run (`with_context_notes`), so a page costs no query
more, and the `context_note` template tag shows the annotated text.
"""

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, OuterRef, QuerySet, Subquery, TextField
from django.utils import timezone

from core.mail.services import email_enqueue
from core.public_pages import public_pages_changed

from .items import is_profile, item_author, item_content_type, item_kind, item_url
from .models import CONTEXT_NOTE_MAX_LENGTH, ContextNote, ModerationLogEntry, ModerationState
from .registry import outcome_tell
from .services import moderation_log_record

Action = ModerationLogEntry.Action
_Row = TypeVar("_Row", bound=Model)
# The attribute `with_context_notes` sets on each row, read by the template tag.
ANNOTATION = "context_note_text"


def _clean_note(text: str) -> str:
    text = (text or "").strip()
    if "\x00" in text:
        raise ValidationError("The note contains a character we cannot store.")
    if not text:
        raise ValidationError("Please write the note members will read under the post.")
    if len(text) > CONTEXT_NOTE_MAX_LENGTH:
        raise ValidationError(f"Please keep the note under {CONTEXT_NOTE_MAX_LENGTH} characters.")
    return text


def _shown_again(item: Any) -> None:
    """The post's pages show the note: stamp it so every cached rendering is rebuilt."""
    type(item)._default_manager.filter(pk=item.pk).update(moderated_at=timezone.now())
    public_pages_changed()


@transaction.atomic
def context_note_set(*, item: Any, moderator: Any, text: str) -> ContextNote:
    """Add a context note under a post, or change the one it has; logged; the author is
    told by email when a note is added. Posts only (not profiles), and not removed ones."""
    if is_profile(item):
        raise ValidationError("Context notes go under posts, not on profiles.")
    if item.moderation_state == ModerationState.REMOVED:
        raise ValidationError("The author removed this post; there is nothing to add a note to.")
    text = _clean_note(text)
    content_type = item_content_type(item)
    note = (
        ContextNote.objects.select_for_update()
        .filter(content_type=content_type, object_id=item.pk)
        .first()
    )
    if note is None:
        note = ContextNote.objects.create(
            content_type=content_type,
            object_id=item.pk,
            kind=item_kind(item),
            text=text,
            created_by=moderator if moderator.is_authenticated else None,
        )
        action, before = Action.NOTE_ADD, ""
        _email_author(item, text=text)
    else:
        if note.text == text:
            return note
        before = note.text
        note.text = text
        note.updated_at = timezone.now()
        note.save(update_fields=["text", "updated_at"])
        action = Action.NOTE_EDIT
    moderation_log_record(
        actor=moderator, action=action, item=item, before=before[:40], after=text[:40], reason=text
    )
    _shown_again(item)
    return note


@transaction.atomic
def context_note_remove(*, item: Any, moderator: Any, reason: str = "") -> None:
    """Take a post's context note down; logged. Refused when the post has none."""
    note = ContextNote.objects.filter(
        content_type=item_content_type(item), object_id=item.pk
    ).first()
    if note is None:
        raise ValidationError("This post has no context note.")
    old_text = note.text
    note.delete()
    moderation_log_record(
        actor=moderator,
        action=Action.NOTE_REMOVE,
        item=item,
        before=old_text[:40],
        reason=reason or f"Removed: {old_text}",
    )
    _shown_again(item)


def _email_author(item: Any, *, text: str) -> None:
    """Tell the author (in-app, and by this email as her preferences say)."""
    author = item_author(item)
    if author is None or getattr(author, "erased_at", None):
        return

    def email() -> None:
        if not author.email:
            return
        email_enqueue(
            template="moderation/context_note",
            to=author.email,
            context={
                "name": author.display_name,
                "kind": item_kind(item),
                "note": text,
                "url": item_url(item),
            },
        )

    outcome_tell(item=item, author=author, outcome="context_note", reason="", email=email)


def with_context_notes(queryset: QuerySet[_Row]) -> QuerySet[_Row]:
    """The queryset with each row's context note text (or None) as `context_note_text`.

    A correlated subquery in the query the page already runs: no query more, whatever the
    page size. Content apps call it in the selectors that list posts for members.
    """
    opts = queryset.model._meta
    notes = ContextNote.objects.filter(
        content_type__app_label=opts.app_label,
        content_type__model=opts.model_name,
        object_id=OuterRef("pk"),
    ).values("text")[:1]
    return queryset.annotate(**{ANNOTATION: Subquery(notes, output_field=TextField())})


def context_note_for(item: Any) -> ContextNote | None:
    """The note of one item (admin pages; one query)."""
    return ContextNote.objects.filter(
        content_type=item_content_type(item), object_id=item.pk
    ).first()
