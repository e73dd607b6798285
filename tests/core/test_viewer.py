"""core.viewer: the one rule for who is looking (visitor, member, moderator)."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission

from accounts.models import User
from core.viewer import (
    moderator_expression,
    viewer_has_staff_powers,
    viewer_holds_permission,
    viewer_is_member,
    viewer_is_moderator,
    viewer_staff_powers_withheld,
    viewer_staff_powers_withhold,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _moderation_permission() -> Permission:
    return Permission.objects.get(
        content_type__app_label="moderation", codename="view_moderationcase"
    )


def test_viewer_is_member_false_for_a_visitor_and_for_no_viewer():
    assert viewer_is_member(AnonymousUser()) is False
    assert viewer_is_member(None) is False
    assert viewer_is_moderator(AnonymousUser()) is False
    assert viewer_is_moderator(None) is False


def test_viewer_is_member_true_for_an_active_logged_in_member():
    member = UserFactory.create()

    assert viewer_is_member(member) is True
    assert viewer_is_moderator(member) is False


def test_viewer_is_member_false_for_an_inactive_account_even_with_the_permission():
    closed = UserFactory.create(is_active=False, is_superuser=True)
    closed.user_permissions.add(_moderation_permission())

    assert viewer_is_member(closed) is False
    assert viewer_is_moderator(closed) is False


def test_viewer_is_moderator_by_the_permission_alone_without_the_group():
    member = UserFactory.create()
    member.user_permissions.add(_moderation_permission())

    assert not member.groups.exists()
    assert viewer_is_moderator(member) is True


def test_viewer_is_moderator_true_for_a_superuser_without_group_or_permission():
    assert viewer_is_moderator(UserFactory.create(is_superuser=True)) is True


def test_viewer_is_moderator_follows_the_moderators_group_after_it_is_renamed():
    member = UserFactory.create()
    group = Group.objects.get(name="Moderators")  # created, with its permissions, by migration
    group.name = "Community team"
    group.save()
    member.groups.add(group)

    assert viewer_is_moderator(member) is True


def test_viewer_is_moderator_false_for_a_group_named_moderators_without_the_permission():
    member = UserFactory.create()
    Group.objects.filter(name="Moderators").update(name="Old moderators")
    member.groups.add(Group.objects.create(name="Moderators"))

    assert viewer_is_moderator(member) is False


def test_viewer_is_moderator_costs_one_query_once_per_viewer(django_assert_num_queries):
    member = UserFactory.create()
    member.groups.add(Group.objects.get(name="Moderators"))
    member = type(member).objects.get(pk=member.pk)  # a fresh object, as each request loads

    with django_assert_num_queries(1):
        assert viewer_is_moderator(member) is True
        assert viewer_is_moderator(member) is True


def test_viewer_is_moderator_agrees_with_has_perm_once_permissions_are_loaded():
    member = UserFactory.create()
    member.groups.add(Group.objects.get(name="Moderators"))
    member = type(member).objects.get(pk=member.pk)

    assert member.has_perm("moderation.view_moderationcase") is True
    assert viewer_is_moderator(member) is True


def test_viewer_staff_powers_withheld_superuser_answers_as_an_ordinary_member():
    superuser = UserFactory.create(is_staff=True, is_superuser=True)

    viewer_staff_powers_withhold(superuser)

    assert viewer_staff_powers_withheld(superuser) is True
    assert viewer_is_member(superuser) is True
    assert viewer_is_moderator(superuser) is False
    assert viewer_has_staff_powers(superuser) is False
    assert viewer_holds_permission(superuser, "articles.change_article") is False


def test_viewer_staff_powers_withheld_even_after_the_moderator_answer_was_cached():
    moderator = UserFactory.create(is_staff=True)
    moderator.user_permissions.add(_moderation_permission())
    assert viewer_is_moderator(moderator) is True

    viewer_staff_powers_withhold(moderator)

    assert viewer_is_moderator(moderator) is False


def test_viewer_staff_powers_withhold_changes_no_field_of_the_account():
    staff = UserFactory.create(is_staff=True, is_superuser=True)

    viewer_staff_powers_withhold(staff)
    staff.save()

    stored = type(staff).objects.get(pk=staff.pk)
    assert (stored.is_staff, stored.is_superuser) == (True, True)
    assert viewer_has_staff_powers(stored) is True  # the next request's object carries no mark


def test_viewer_has_staff_powers_for_staff_and_superusers_only():
    assert viewer_has_staff_powers(UserFactory.create(is_staff=True)) is True
    assert viewer_has_staff_powers(UserFactory.create(is_superuser=True)) is True
    assert viewer_has_staff_powers(UserFactory.create()) is False
    assert viewer_has_staff_powers(AnonymousUser()) is False
    assert viewer_has_staff_powers(UserFactory.create(is_staff=True, is_active=False)) is False


def test_viewer_holds_permission_as_has_perm_for_a_member_and_never_for_a_visitor():
    editor = UserFactory.create()
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="articles", codename="change_article")
    )

    assert viewer_holds_permission(editor, "articles.change_article") is True
    assert viewer_holds_permission(UserFactory.create(), "articles.change_article") is False
    assert viewer_holds_permission(AnonymousUser(), "articles.change_article") is False


def test_moderator_expression_answers_for_each_listed_member_as_viewer_is_moderator_does():
    by_permission = UserFactory.create(display_name="By permission")
    by_permission.user_permissions.add(_moderation_permission())
    by_group = UserFactory.create(display_name="By group")
    by_group.groups.add(Group.objects.get(name="Moderators"))
    UserFactory.create(display_name="Superuser", is_superuser=True)
    UserFactory.create(display_name="Staff only", is_staff=True)
    UserFactory.create(display_name="Closed", is_active=False, is_superuser=True)
    UserFactory.create(display_name="Plain")

    rows = User.objects.annotate(moderates=moderator_expression()).order_by("display_name")
    answers = {user.display_name: user.moderates for user in rows}

    assert answers == {
        user.display_name: viewer_is_moderator(User.objects.get(pk=user.pk)) for user in rows
    }
    assert [name for name, moderates in answers.items() if moderates] == [
        "By group",
        "By permission",
        "Superuser",
    ]
