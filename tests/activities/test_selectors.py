import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.blocks import member_block
from activities.models import Audience
from activities.selectors import (
    team_mate_ids,
    update_comments_visible,
    update_list_visible,
)
from moderation.models import ModerationState
from tests.factories import UserFactory

from .factories import UpdateCommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def _visible_ids(viewer):
    return set(update_list_visible(viewer=viewer).values_list("pk", flat=True))


def test_update_list_visible_gives_visitors_nothing(author):
    UpdateFactory.create(author=author)

    assert _visible_ids(AnonymousUser()) == set()


def test_update_list_visible_shows_members_updates_to_every_member(author, stranger):
    update = UpdateFactory.create(author=author)

    assert _visible_ids(stranger) == {update.pk}


def test_update_list_visible_shows_team_updates_to_her_team_and_herself_only(
    author, mate, stranger
):
    update = UpdateFactory.create(author=author, audience=Audience.TEAM)

    assert _visible_ids(mate) == {update.pk}
    assert _visible_ids(author) == {update.pk}
    assert _visible_ids(stranger) == set()


def test_update_list_visible_shows_pending_only_to_its_author(author, stranger):
    update = UpdateFactory.create(author=author, moderation_state=ModerationState.PENDING)

    assert _visible_ids(author) == {update.pk}
    assert _visible_ids(stranger) == set()


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.REMOVED])
def test_update_list_visible_hides_hidden_and_removed_from_everyone(author, state):
    UpdateFactory.create(author=author, moderation_state=state)

    assert _visible_ids(author) == set()


def test_update_list_visible_hides_both_ways_across_a_block(author, stranger):
    theirs = UpdateFactory.create(author=stranger)
    hers = UpdateFactory.create(author=author)

    member_block(blocker=author, blocked=stranger)

    assert _visible_ids(author) == {hers.pk}
    assert _visible_ids(stranger) == {theirs.pk}


def test_update_list_visible_hides_erased_and_banned_authors(author, stranger):
    UpdateFactory.create(author=author)
    author.erased_at = timezone.now()
    author.save()
    banned = UpdateFactory.create(author__is_active=False)

    assert banned.pk not in _visible_ids(stranger)
    assert _visible_ids(stranger) == set()


def test_team_mate_ids_lists_her_team(author, mate, stranger):
    assert team_mate_ids(member=author) == [mate.pk]
    assert team_mate_ids(member=stranger) == []


def test_update_comments_visible_hides_comments_across_a_block(author, mate, stranger):
    update = UpdateFactory.create(author=author)
    kept = UpdateCommentFactory.create(update=update, author=mate)
    UpdateCommentFactory.create(update=update, author=stranger)

    member_block(blocker=stranger, blocked=author)

    assert [c.pk for c in update_comments_visible(update=update, viewer=author)] == [kept.pk]


def test_update_comments_visible_groups_replies_under_their_comment(author, mate):
    update = UpdateFactory.create(author=author)
    first = UpdateCommentFactory.create(update=update, author=mate)
    reply = UpdateCommentFactory.create(update=update, author=author, parent=first)

    thread = update_comments_visible(update=update, viewer=mate)

    assert [c.pk for c in thread] == [first.pk]
    assert [r.pk for r in thread[0].shown_replies] == [reply.pk]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("choice", "mate_sees", "stranger_sees"),
    [("members", True, True), ("team", True, False), ("me", False, False)],
)
def test_team_standing_shows_the_team_count_as_she_chooses(
    author, mate, stranger, choice, mate_sees, stranger_sees
):
    from activities.selectors import team_standing

    author.profile.team_count_visibility = choice
    author.profile.save()

    assert team_standing(member=author, viewer=author).team_count == 1
    assert (team_standing(member=author, viewer=mate).team_count == 1) is mate_sees
    assert (team_standing(member=author, viewer=stranger).team_count is None) is not stranger_sees


def test_team_standing_says_where_the_viewer_stands(author, mate, stranger):
    from activities.models import TeamRequest
    from activities.selectors import team_standing

    asker = UserFactory.create()
    TeamRequest.objects.create(sender=stranger, recipient=author)
    TeamRequest.objects.create(sender=author, recipient=asker)

    assert team_standing(member=author, viewer=author).relation == "self"
    assert team_standing(member=author, viewer=mate).relation == "mate"
    assert team_standing(member=author, viewer=stranger).relation == "asked"
    assert team_standing(member=author, viewer=asker).relation == "asked_me"
    assert team_standing(member=mate, viewer=stranger).relation == ""
