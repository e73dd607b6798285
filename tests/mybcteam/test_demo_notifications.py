"""The demo world gives the demo member a bell to look at, and seeding twice changes nothing."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from mybcteam.demo_notifications import DEMO_MEMBER_EMAIL
from notifications.selectors import notification_page

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_the_demo_member_grouped_hugs_and_a_mention_once(settings):
    settings.MODERATION_NEW_MEMBER_HOURS = 0
    call_command("seed_demo", stdout=io.StringIO())
    member = User.objects.get(email=DEMO_MEMBER_EMAIL)
    first = [e.sentence for e in notification_page(viewer=member).entries]

    call_command("seed_demo", stdout=io.StringIO())

    assert [e.sentence for e in notification_page(viewer=member).entries] == first
    assert any("mentioned you in a comment" in s for s in first)
    assert any("others hugged your update" in s for s in first)
