"""Helpers for the experience tests: members with shared facts, experiences in bulk."""

from datetime import date
from typing import Any

from accounts.models import Profile, User, Visibility
from catalogue.models import Treatment
from moderation.models import ModerationState
from tests.factories import UserFactory
from treatments.models import Experience, ExperienceSideEffect, SideEffect


def side_effect(slug: str) -> SideEffect:
    return SideEffect.objects.get(slug=slug)


def member_sharing(**facts: str) -> User:
    """A member whose profile shows these facts (her2_status=..., stage=...) to members."""
    user = UserFactory.create()
    values: dict[str, Any] = {}
    for name, value in facts.items():
        values[name] = value
        values[f"{name}_visibility"] = Visibility.MEMBERS
    Profile.objects.filter(user=user).update(**values)
    return user


def experience_for(
    author: User,
    treatment: Treatment,
    *,
    going: int = 4,
    effects: tuple[tuple[str, int], ...] = (("fatigue", 2),),
    tips: str = "",
    state: str = ModerationState.VISIBLE,
) -> Experience:
    """An experience written straight to the database (the services are tested on their own)."""
    experience = Experience.objects.create(
        author=author,
        treatment=treatment,
        started_on=date(2026, 3, 1),
        still_on=True,
        going=going,
        tips=tips,
        tips_html=f"<p>{tips}</p>" if tips else "",
        moderation_state=state,
    )
    ExperienceSideEffect.objects.bulk_create(
        ExperienceSideEffect(experience=experience, side_effect=side_effect(slug), bother=bother)
        for slug, bother in effects
    )
    return experience


def experiences_for_many(count: int, treatment: Treatment, **facts: str) -> list[User]:
    """`count` members sharing these facts, each with a visible experience of the treatment."""
    members = [member_sharing(**facts) for _ in range(count)]
    for member in members:
        experience_for(member, treatment)
    return members


def moderator() -> User:
    from moderation.roles import moderators_group_sync

    user = UserFactory.create(is_staff=True, display_name="Mod")
    user.groups.add(moderators_group_sync())
    return user
