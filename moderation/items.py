"""What moderation needs to know about any item: its kind, author, text, state and URL.

An item is an instance of a registered content model, or a member whose profile bio is being
moderated (the kind accounts registers with registry.register_bio); the bio's state lives in
ProfileBioModeration, never in the accounts models.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.public_pages import public_pages_changed

from .bios import BIO_NOT_SHARED, bio_hidden_from_moderators
from .models import ModerationState, ProfileBioModeration
from .registry import BIO_LABEL, moderated_bio, moderated_type_for, moderated_type_for_label

PROFILE = BIO_LABEL
SNAPSHOT_CHARS = 2000


def is_profile(item: Any) -> bool:
    bio = moderated_bio()
    return bio is not None and isinstance(item, bio.model)


def item_kind(item: Any) -> str:
    """ "comment", "question", "answer" or "profile"."""
    if is_profile(item):
        return PROFILE
    return moderated_type_for(type(item)).label


def item_author(item: Any) -> Any:
    if is_profile(item):
        return item
    author_field = moderated_type_for(type(item)).author_field
    return getattr(item, author_field, None)


def item_author_id(item: Any) -> int | None:
    if is_profile(item):
        return int(item.pk)
    author_field = moderated_type_for(type(item)).author_field
    value = getattr(item, f"{author_field}_id", None)
    return int(value) if value is not None else None


def item_text(item: Any) -> str:
    bio = moderated_bio()
    if bio is not None and isinstance(item, bio.model):
        if bio_hidden_from_moderators(item):
            return BIO_NOT_SHARED
        return str(bio.text(item) or "")
    text_field = moderated_type_for(type(item)).text_field
    return str(getattr(item, text_field, "") or "")


def item_full_text(item: Any) -> str:
    """Title and text together, untruncated: what the trust and self-harm rules read."""
    title = getattr(item, "title", "") if not is_profile(item) else ""
    return f"{title}\n{item_text(item)}" if title else item_text(item)


def item_snapshot(item: Any) -> str:
    """The text kept in the queue and the log: what the item said at that moment."""
    return item_full_text(item)[:SNAPSHOT_CHARS]


def item_visible_to(item: Any, *, viewer: Any) -> bool:
    """Whether this member may see the item at all (its kind's own rule; profiles: yes)."""
    if is_profile(item):
        return True
    rule = moderated_type_for(type(item)).visible_to
    return rule is None or bool(rule(item, viewer))


def item_url(item: Any) -> str:
    bio = moderated_bio()
    try:
        if bio is not None and isinstance(item, bio.model):
            return str(bio.url(item))
        return str(moderated_type_for(type(item)).url(item))
    except Exception:  # a broken URL must not stop a moderator from acting
        return ""


def bio_moderation_for(member: Any) -> ProfileBioModeration:
    record, _ = ProfileBioModeration.objects.get_or_create(member=member)
    return record


def item_state(item: Any) -> str:
    if is_profile(item):
        record = ProfileBioModeration.objects.filter(member=item).first()
        return record.moderation_state if record else ModerationState.VISIBLE
    return str(item.moderation_state)


def item_set_state(item: Any, *, state: str, reason: str) -> None:
    """Write the new state; call after_state_change so counts follow."""
    now = timezone.now()
    target = bio_moderation_for(item) if is_profile(item) else item
    target.moderation_state = state
    target.moderation_reason = reason[:300]
    target.moderated_at = now
    target.save(update_fields=["moderation_state", "moderation_reason", "moderated_at"])
    # Privacy first: a hidden post must leave every cached public page, whatever its model.
    public_pages_changed()
    bio = moderated_bio()
    if bio is not None and isinstance(item, bio.model):
        if bio.after_state_change is not None:
            bio.after_state_change(item, state)
    else:
        after = moderated_type_for(type(item)).after_state_change
        if after is not None:
            after(item)


def item_content_type(item: Any) -> ContentType:
    return ContentType.objects.get_for_model(type(item))


def item_lookup(*, kind: str, pk: int) -> Any | None:
    """The item of that kind and id, or None (unknown kind or missing row)."""
    if kind == PROFILE:
        bio = moderated_bio()
        return bio.lookup(pk) if bio is not None else None
    moderated_type = moderated_type_for_label(kind)
    if moderated_type is None:
        return None
    return moderated_type.model._default_manager.filter(pk=pk).first()


def item_from_case(case: Any) -> Any | None:
    """The live item a queue case points at (None if it was deleted)."""
    model = case.content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=case.object_id).first()
