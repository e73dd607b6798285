"""Moderation tests run against whichever content models are registered right now.

Moderation never imports the content apps; its tests create items through the content apps'
own test factories, and skip a case when that app has not landed yet.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from moderation.registry import moderated_type_for_label
from moderation.roles import MODERATORS, moderators_group_sync
from tests.factories import TopicFactory, UserFactory


def _question(author: Any, **kwargs: Any) -> Any:
    from tests.forum.factories import QuestionFactory

    topic = TopicFactory.create(name="HER2-positive", slug="her2-positive")
    return QuestionFactory.create(author=author, topics=[topic], **kwargs)


def _answer(author: Any, **kwargs: Any) -> Any:
    from tests.forum.factories import AnswerFactory

    question = _question(UserFactory.create())
    return AnswerFactory.create(question=question, author=author, **kwargs)


def _comment(author: Any, **kwargs: Any) -> Any:
    from tests.articles import factories as article_factories

    return article_factories.CommentFactory.create(author=author, **kwargs)


def _experience(author: Any, **kwargs: Any) -> Any:
    from catalogue.models import Treatment
    from tests.treatments.experience_helpers import experience_for

    # One experience per member and treatment: take a treatment she has not written about.
    treatment = Treatment.objects.exclude(experiences__author=author).order_by("pk")[0]
    return experience_for(
        author,
        treatment,
        tips=kwargs.pop("body", "Cold caps helped me keep some hair."),
        state=kwargs.pop("moderation_state", "visible"),
        **kwargs,
    )


MAKERS: dict[str, Callable[..., Any]] = {
    "question": _question,
    "answer": _answer,
    "comment": _comment,
    "experience": _experience,
}


def available_kinds() -> list[str]:
    """The registered content kinds whose app is installed and has test factories."""
    kinds = []
    for kind in MAKERS:
        if moderated_type_for_label(kind) is None:
            continue
        try:
            if kind == "comment":
                __import__("tests.articles.factories")
                from tests.articles import factories as article_factories

                if not hasattr(article_factories, "CommentFactory"):
                    continue
            elif kind == "experience":
                __import__("tests.treatments.experience_helpers")
            else:
                __import__("tests.forum.factories")
        except ImportError:
            continue
        kinds.append(kind)
    return kinds


@pytest.fixture(params=MAKERS.keys())
def make_item(request: pytest.FixtureRequest, db: None) -> Callable[..., Any]:
    """A factory `make_item(author, **fields)` for each content kind that exists."""
    if request.param not in available_kinds():
        pytest.skip(f"no registered {request.param} model with test factories yet")
    return MAKERS[request.param]


@pytest.fixture
def make_any_item(db: None) -> Callable[..., Any]:
    """A factory for the first content kind that exists (for tests about one item)."""
    kinds = available_kinds()
    if not kinds:
        pytest.skip("no registered content model yet")
    return MAKERS[kinds[0]]


@pytest.fixture
def author(db: None) -> Any:
    return UserFactory.create(display_name="Author")


@pytest.fixture
def item(make_any_item: Callable[..., Any], author: Any) -> Any:
    return make_any_item(author, body="Diet alone cured my cancer, skip the infusions.")


@pytest.fixture
def moderator(db: None) -> Any:
    user = UserFactory.create(is_staff=True, display_name="Mod")
    user.groups.add(moderators_group_sync())
    return user


@pytest.fixture
def superuser(db: None) -> Any:
    return UserFactory.create(is_staff=True, is_superuser=True, display_name="Admin")


@pytest.fixture
def editor(db: None) -> Any:
    """An editor: staff with the Editors group if the articles app made one, else topic rights."""
    user = UserFactory.create(is_staff=True, display_name="Editor")
    group = Group.objects.filter(name="Editors").first()
    if group is None:
        group = Group.objects.create(name="Editors")
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="articles", codename__endswith="topic"
            )
        )
    user.groups.add(group)
    return user


@pytest.fixture
def moderators_group(db: None) -> Group:
    return Group.objects.get(name=MODERATORS)


def reporters(count: int) -> list[Any]:
    return [UserFactory.create() for _ in range(count)]


def installed(app_label: str) -> bool:
    return apps.is_installed(app_label)
