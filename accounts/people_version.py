"""Saves of what shared pages show about a member move core's people version.

Shared comment and answer pages (`core.shared_render`) show members' names, profile addresses
and the profile facts beside answers; accounts owns those models, so it connects the receivers
(AccountsConfig.ready) and core names no app. A cache safety net, like the public pages one.
"""

from typing import Any

from django.db.models.signals import m2m_changed, post_save

from core.shared_render import people_changed

from .models import Profile, User

# What shared pages show of a member themselves (the profile's fields are all watched).
_SHOWN_USER_FIELDS = frozenset({"display_name", "handle", "erased_at"})


def _user_saved(
    sender: object, created: bool = False, update_fields: Any = None, **kwargs: object
) -> None:
    if created:  # a new member has written nothing yet
        return
    if update_fields is None or _SHOWN_USER_FIELDS & set(update_fields):
        people_changed()


def _profile_saved(sender: object, created: bool = False, **kwargs: object) -> None:
    if not created:
        people_changed()


def _profile_treatments_changed(sender: object, action: str, **kwargs: object) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        people_changed()


def people_version_signals_connect() -> None:
    """Register the receivers that move the people version (called once from ready())."""
    post_save.connect(_user_saved, sender=User, dispatch_uid="shared_render.user")
    post_save.connect(_profile_saved, sender=Profile, dispatch_uid="shared_render.profile")
    for field in ("current_treatments", "past_treatments"):
        m2m_changed.connect(
            _profile_treatments_changed,
            sender=getattr(Profile, field).through,
            dispatch_uid=f"shared_render.{field}",
        )
