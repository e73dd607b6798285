"""Context notes: a moderator's visible note under a post, logged, emailed, shown to readers."""

import pytest
from django.core.exceptions import ValidationError

from moderation.context_notes import (
    context_note_for,
    context_note_remove,
    context_note_set,
    with_context_notes,
)
from moderation.models import ContextNote, ModerationLogEntry, ModerationState

NOTE = "Our medical reviewers say: no diet replaces infusions. Talk to your care team first."


def test_context_note_set_adds_a_note_logs_it_and_emails_the_author(
    item, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        note = context_note_set(item=item, moderator=moderator, text=NOTE)

    assert context_note_for(item) == note
    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.reason) == ("note_add", moderator, NOTE)
    assert [m.to for m in mailoutbox] == [[item.author.email]]
    assert "Our medical reviewers say" in mailoutbox[0].body
    assert "A note from the moderators" in mailoutbox[0].subject


def test_context_note_set_again_changes_it_logged_without_a_second_email(
    item, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        context_note_set(item=item, moderator=moderator, text=NOTE)
        context_note_set(item=item, moderator=moderator, text="Changed wording.")

    assert ContextNote.objects.get().text == "Changed wording."
    assert list(ModerationLogEntry.objects.values_list("action", flat=True)) == [
        "note_edit",
        "note_add",
    ]
    assert len(mailoutbox) == 1


def test_context_note_set_stamps_the_post_so_shared_renderings_are_rebuilt(item, moderator):
    before = item.moderated_at

    context_note_set(item=item, moderator=moderator, text=NOTE)

    item.refresh_from_db()
    assert item.moderated_at is not None
    assert before is None or item.moderated_at > before


def test_context_note_remove_takes_it_down_logged(item, moderator):
    context_note_set(item=item, moderator=moderator, text=NOTE)

    context_note_remove(item=item, moderator=moderator, reason="No longer needed")

    assert context_note_for(item) is None
    assert ModerationLogEntry.objects.filter(action="note_remove").count() == 1


def test_context_note_remove_without_a_note_is_refused(item, moderator):
    with pytest.raises(ValidationError):
        context_note_remove(item=item, moderator=moderator)


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001, "bad \x00 byte"])
def test_context_note_set_refuses_bad_text(item, moderator, text):
    with pytest.raises(ValidationError):
        context_note_set(item=item, moderator=moderator, text=text)

    assert not ContextNote.objects.exists()


def test_context_note_set_refuses_a_removed_post_and_a_profile(item, moderator, author):
    type(item).objects.filter(pk=item.pk).update(moderation_state=ModerationState.REMOVED)
    item.refresh_from_db()

    with pytest.raises(ValidationError):
        context_note_set(item=item, moderator=moderator, text=NOTE)
    with pytest.raises(ValidationError):
        context_note_set(item=author, moderator=moderator, text=NOTE)


def test_with_context_notes_adds_the_text_in_the_same_query(
    make_item, member, moderator, django_assert_num_queries
):
    noted = make_item(member, body="One")
    plain = make_item(member, body="Two")
    context_note_set(item=noted, moderator=moderator, text=NOTE)
    model = type(noted)

    with django_assert_num_queries(1):
        rows = {
            row.pk: row.context_note_text
            for row in with_context_notes(model.objects.filter(pk__in=[noted.pk, plain.pk]))
        }

    assert rows == {noted.pk: NOTE, plain.pk: None}
