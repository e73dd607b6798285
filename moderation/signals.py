"""Hooks on registered content models: held or alarming new posts join the queue.

The policy decides a new post's state before the post exists; this post_save hook is the one
place that sees the created row, so it only hands it to services.case_hold.
"""

from typing import Any

from django.db.models.signals import post_save

from .models import ModerationState


def _on_content_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return
    from .items import item_author_id, item_snapshot
    from .policy import hold_reason_pop, mentions_self_harm
    from .services import case_hold

    text = item_snapshot(instance)
    urgent = mentions_self_harm(text)
    pending = instance.moderation_state == ModerationState.PENDING
    reason = hold_reason_pop(author_id=item_author_id(instance) or 0)
    if pending or urgent:
        if not reason:
            reason = "Mentions self-harm: check on the author." if urgent else "Held for review."
        case_hold(item=instance, held_reason=reason, urgent=urgent)


def connect_content_model(model: Any) -> None:
    """Listen for new posts of a registered model, and give it an admin if it has none."""
    post_save.connect(
        _on_content_saved, sender=model, dispatch_uid=f"moderation-{model._meta.label_lower}"
    )
    from .admin_content import admin_register_fallback

    admin_register_fallback(model)
