"""{% avatar member size %}: her photo when members may see it, initials otherwise."""

import io
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from accounts.models import Profile, User, Visibility
from accounts.photo_services import (
    profile_photo_hidden_set,
    profile_photo_remove,
    profile_photo_set,
)
from accounts.templatetags.avatar_tags import (
    AVATAR_COLOURS,
    avatar_colour,
    avatar_initials,
    photo_url,
)
from articles.services import comment_create
from core.shared_render import shared_key
from tests.articles.factories import ArticleFactory
from tests.factories import UserFactory

from .photo_files import jpeg_bytes

pytestmark = pytest.mark.django_db


def _render(member: User, viewer: Any, args: str = "48") -> str:
    member = User.objects.select_related("profile").get(pk=member.pk)
    template = Template("{% load avatar_tags %}{% avatar member " + args + " %}")
    return template.render(Context({"member": member, "user": viewer}))


def _photo(member: User) -> str:
    return profile_photo_set(user=member, stream=io.BytesIO(jpeg_bytes()), size=None).photo_key


def test_avatar_shows_the_photo_to_members_with_its_size_and_lazy_loading(
    member: User, other_member: User
) -> None:
    key = _photo(member)
    html = _render(member, other_member, "32")
    assert f'src="{photo_url(key=key, size=48)}"' in html
    assert f'srcset="{photo_url(key=key, size=96)} 2x"' in html
    assert 'width="32" height="32"' in html
    assert 'loading="lazy"' in html
    assert 'alt=""' in html  # her name is printed beside it


def test_avatar_eager_above_the_fold_and_labelled_when_alone(
    member: User, other_member: User
) -> None:
    _photo(member)
    html = _render(member, other_member, "96 label=True eager=True")
    assert 'loading="lazy"' not in html
    assert f'alt="{member.public_name}"' in html


def test_avatar_never_shows_a_photo_to_visitors(member: User) -> None:
    key = _photo(member)
    html = _render(member, AnonymousUser())
    assert key not in html
    assert "<img" not in html
    assert "<svg" in html


@pytest.mark.parametrize(
    "change",
    [
        {"photo_visibility": Visibility.ONLY_ME},
        {"photo_hidden": True},
    ],
    ids=["only-me", "hidden-by-moderator"],
)
def test_avatar_shows_initials_when_members_may_not_see_the_photo(
    member: User, other_member: User, change: dict[str, Any]
) -> None:
    key = _photo(member)
    Profile.objects.filter(user=member).update(**change)
    assert key not in _render(member, other_member)
    # The same for her and for moderators: shared pages may not depend on who reads them.
    assert key not in _render(member, member)


def test_avatar_initials_without_photo_are_accessible(member: User, other_member: User) -> None:
    member.display_name = "AmberAster"
    member.save()
    decorative = _render(member, other_member)
    assert ">AA</text>" in decorative
    assert 'aria-hidden="true"' in decorative
    assert "AmberAster" not in decorative
    labelled = _render(member, other_member, "48 label=True")
    assert 'role="img" aria-label="AmberAster"' in labelled


def test_avatar_colour_is_the_same_for_a_member_every_time(member: User) -> None:
    assert avatar_colour(member.pk) == avatar_colour(member.pk)
    assert avatar_colour(member.pk) in AVATAR_COLOURS
    assert len({avatar_colour(pk) for pk in range(1, 60)}) > 3


@pytest.mark.parametrize(
    ("name", "initials"),
    [("AmberAster", "AA"), ("rose garden", "RG"), ("Ines", "I"), ("J.-M. Lee", "JM"), ("..", "?")],
)
def test_avatar_initials_from_a_display_name(name: str, initials: str) -> None:
    assert avatar_initials(name) == initials


def test_avatar_of_an_erased_member_shows_no_photo(member: User, other_member: User) -> None:
    key = _photo(member)
    User.objects.filter(pk=member.pk).update(
        erased_at="2026-01-01T00:00:00Z", display_name="Former member"
    )
    assert key not in _render(member, other_member)


# --- shared renderings: the people version moves with the photo ---------------------------


def _people_key() -> str:
    return shared_key("test", [])


@pytest.mark.parametrize("step", ["set", "remove", "hide", "visibility"])
def test_people_version_moves_when_a_photo_changes(member: User, step: str) -> None:
    _photo(member)
    before = _people_key()
    if step == "set":
        _photo(member)
    elif step == "remove":
        profile_photo_remove(user=member)
    elif step == "hide":
        profile_photo_hidden_set(member=member, hidden=True)
    else:
        Profile.objects.get(user=member).save(update_fields=["photo_visibility"])
    assert _people_key() != before


def test_shared_comment_page_shows_a_new_photo_at_once(client: Any, member: User) -> None:
    article = ArticleFactory.create()
    comment_create(article=article, author=member, body="Thinking of you all today.")
    client.force_login(UserFactory.create())
    first = client.get(article.get_absolute_url()).content.decode()
    assert "/members/photo/" not in first
    key = _photo(member)
    second = client.get(article.get_absolute_url()).content.decode()
    assert photo_url(key=key, size=48) in second


@pytest.mark.parametrize("direction", ["viewer_blocked_her", "she_blocked_viewer"])
def test_avatar_a_block_either_way_shows_initials(
    member: User, other_member: User, direction: str
) -> None:
    from accounts.blocks import member_block

    key = _photo(member)
    if direction == "viewer_blocked_her":
        member_block(blocker=other_member, blocked=member)
    else:
        member_block(blocker=member, blocked=other_member)

    html = _render(member, User.objects.get(pk=other_member.pk))

    assert key not in html
    assert "<svg" in html
    assert key in _render(member, UserFactory.create())  # nobody else is affected


def test_shared_comment_page_is_not_shared_with_a_member_who_blocked_the_author(
    client: Any, member: User
) -> None:
    from accounts.blocks import member_block

    article = ArticleFactory.create()
    comment_create(article=article, author=member, body="Thinking of you all today.")
    key = _photo(member)
    client.force_login(UserFactory.create())
    assert key in client.get(article.get_absolute_url()).content.decode()  # the shared copy
    blocker = UserFactory.create()
    member_block(blocker=blocker, blocked=member)
    client.force_login(blocker)

    html = client.get(article.get_absolute_url()).content.decode()

    assert key not in html
