"""The preference groups (one line each on the settings page) and the kinds notifications
itself owns: welcome and moderation decisions. Content apps register theirs in ready()."""

from typing import Any

from accounts.models import User

from .models import Channel
from .registry import Kind, PreferenceGroup, group_register, kind_register

GROUPS = [
    PreferenceGroup("team", "Team requests and new team mates", Channel.EMAIL, 10),
    PreferenceGroup("comments", "Comments on your updates", Channel.EMAIL, 20),
    PreferenceGroup("replies", "Replies to your comments and answers", Channel.EMAIL, 30),
    PreferenceGroup("answers", "Answers to your questions", Channel.EMAIL, 40),
    PreferenceGroup("following", "New answers on questions you follow", Channel.EMAIL, 50),
    PreferenceGroup("mentions", "When someone mentions you", Channel.EMAIL, 60),
    # Hugs come in bunches: a kind word under the bell, never a stream of emails by default.
    PreferenceGroup("hugs", "Hugs", Channel.IN_APP, 70),
    PreferenceGroup("moderation", "Moderators' decisions about your posts", Channel.EMAIL, 80),
    PreferenceGroup("welcome", "Welcome and tips for getting started", Channel.IN_APP, 90),
]

OWN_KINDS = [
    Kind(
        "welcome",
        "welcome",
        "welcome! This is where you will hear when someone answers, comments or sends a hug",
        "Welcome",
        url="/accounts/welcome/",
    ),
    Kind(
        "moderation_held",
        "moderation",
        "your post is waiting for a moderator to read it; we will tell you when it is done",
        "Your post is waiting for a moderator",
        shown_without_target=True,
    ),
    Kind(
        "moderation_approved",
        "moderation",
        "a moderator read your post and it is now published",
        "Your post is published",
        shown_without_target=True,
    ),
    Kind(
        "moderation_declined",
        "moderation",
        "a moderator decided not to publish your post",
        "About your post",
        shown_without_target=True,
    ),
    Kind(
        "moderation_hidden",
        "moderation",
        "a moderator hid your post",
        "About your post",
        shown_without_target=True,
    ),
    Kind(
        "moderation_context_note",
        "moderation",
        "a moderator added a context note to your post",
        "A note was added to your post",
        shown_without_target=True,
    ),
]


def register_own() -> None:
    for group in GROUPS:
        group_register(group)
    for kind in OWN_KINDS:
        kind_register(kind)


def welcome_on_join(user: User) -> None:
    """Accounts tells us a member joined: her first notification."""
    from .services import notify

    notify(kind="welcome", recipient=user)


def moderation_outcome(*, item: Any, author: User, outcome: str, reason: str, email: Any) -> None:
    """Moderation tells us about a decision on her post; its email is the email channel."""
    from .services import notify

    notify(
        kind=f"moderation_{outcome}",
        recipient=author,
        target=item if hasattr(item, "_meta") else None,
        reason=reason,
        email=email,
    )
