"""Viewers and objects for the security suite."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from tests.factories import UserFactory


@dataclass
class Viewers:
    unverified: User
    member: User
    other_member: User
    moderator: User
    editor: User
    moderator_no_2fa: User
    superuser_no_2fa: User

    def user(self, role: str) -> User | None:
        return None if role == "anonymous" else getattr(self, role)


def staff_member(group: str) -> User:
    user = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.fixture
def viewers(db: None) -> Viewers:
    return Viewers(
        unverified=UserFactory.create(verified=False),
        member=UserFactory.create(),
        other_member=UserFactory.create(),
        moderator=staff_member("Moderators"),
        editor=staff_member("Editors"),
        moderator_no_2fa=staff_member("Moderators"),
        superuser_no_2fa=UserFactory.create(is_staff=True, is_superuser=True),
    )


@dataclass
class Objects:
    """Real objects the URL kwargs point at; written by `member` unless said otherwise."""

    viewers: Viewers
    extra: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["extra"][name]
        except KeyError:
            raise AttributeError(name) from None


@pytest.fixture
def objects(viewers: Viewers) -> Objects:
    from .content import content_objects

    return Objects(viewers=viewers, extra=content_objects(author=viewers.member))
