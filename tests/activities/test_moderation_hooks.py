"""Moderation on updates through the registry: reports, the case page and hide/restore."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from accounts.blocks import member_block
from activities.selectors import update_list_visible
from moderation.models import ModerationCase, ReportReason
from moderation.services import content_hide, report_create

from .factories import UpdateCommentFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def test_case_page_tells_the_moderator_of_a_block_between_reporter_and_author(
    client, settings, author, stranger, moderator
):
    settings.STAFF_REQUIRE_2FA = False
    update = UpdateFactory.create(author=author)
    report_create(reporter=stranger, item=update, reason=ReportReason.HARASSMENT)
    member_block(blocker=author, blocked=stranger)
    case = ModerationCase.objects.get(kind="update")
    client.force_login(moderator)

    page = client.get(reverse("admin:moderation_moderationcase_change", args=[case.pk]))

    assert page.status_code == HTTPStatus.OK
    assert "The author blocked the reporter" in page.content.decode()


def test_case_page_says_nothing_of_blocks_without_one(
    client, settings, author, stranger, moderator
):
    settings.STAFF_REQUIRE_2FA = False
    comment = UpdateCommentFactory.create(update=UpdateFactory.create(author=author))
    report_create(reporter=stranger, item=comment, reason=ReportReason.SPAM)
    client.force_login(moderator)
    case = ModerationCase.objects.get(kind="update-comment")

    page = client.get(reverse("admin:moderation_moderationcase_change", args=[case.pk]))

    assert "blocked" not in page.content.decode()


def test_hidden_update_leaves_every_page_and_the_feed(client, author, mate, moderator):
    update = UpdateFactory.create(author=author, body="Aardvark diary entry")
    client.force_login(mate)

    content_hide(item=update, moderator=moderator, reason="Medical misinformation")

    assert not update_list_visible(viewer=mate).exists()
    assert client.get(update.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert "Aardvark" not in client.get("/activities/").content.decode()
