"""Data rights: what the export holds of activities, and what erasure does to them."""

import pytest

from accounts.blocks import member_block
from accounts.export import member_export
from accounts.models import Block
from accounts.services import member_erase
from activities.models import TeamLink, TeamRequest, Update, UpdateComment, UpdateHug
from tests.factories import UserFactory

from .factories import UpdateCommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def test_export_holds_her_updates_comments_hugs_team_requests_and_blocks(author, mate, stranger):
    update = UpdateFactory.create(author=author, body="My own words", tag="scan_day")
    UpdateCommentFactory.create(update=update, author=mate, body="Someone else's words")
    others = UpdateFactory.create(author=mate)
    UpdateCommentFactory.create(update=others, author=author, body="My comment there")
    UpdateHug.objects.create(update=others, member=author)
    TeamRequest.objects.create(sender=author, recipient=UserFactory.create(display_name="Oona"))
    member_block(blocker=author, blocked=stranger)

    data = member_export(user=author)["activities"]

    assert [u["update"] for u in data["updates"]] == ["My own words"]
    assert data["updates"][0]["tag"] == "Scan day"
    assert [c["comment"] for c in data["comments_on_updates"]] == ["My comment there"]
    assert [h["url"] for h in data["hugged_updates"]] == [others.get_absolute_url()]
    assert [t["member"] for t in data["team"]] == ["Ines"]
    assert [r["to"] for r in data["team_requests_sent"]] == ["Oona"]
    assert [b["member"] for b in data["blocked_members"]] == ["Paula"]
    assert "Someone else's words" not in str(data)


def test_erasure_deletes_her_updates_with_what_hangs_under_them(author, mate):
    update = UpdateFactory.create(author=author)
    UpdateCommentFactory.create(update=update, author=mate)
    UpdateHug.objects.create(update=update, member=mate)

    member_erase(user=author)

    assert not Update.objects.filter(pk=update.pk).exists()
    assert not UpdateComment.objects.exists()
    assert not UpdateHug.objects.exists()


def test_erasure_keeps_her_comments_under_others_updates_as_former_member(client, author, mate):
    others = UpdateFactory.create(author=mate)
    comment = UpdateCommentFactory.create(update=others, author=author, body="Still here")

    member_erase(user=author)
    client.force_login(mate)
    page = client.get(others.get_absolute_url()).content.decode()

    assert UpdateComment.objects.filter(pk=comment.pk).exists()
    assert "Still here" in page
    assert "Former member" in page
    assert "Rosa" not in page


def test_erasure_ends_her_team_requests_and_blocks_both_ways(author, mate, stranger):
    TeamRequest.objects.create(sender=stranger, recipient=author)
    member_block(blocker=stranger, blocked=author)
    member_block(blocker=author, blocked=UserFactory.create())

    member_erase(user=author)

    assert not TeamLink.objects.filter(member=mate).exists()
    assert not TeamRequest.objects.exists()
    assert not Block.objects.exists()
