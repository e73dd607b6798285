from datetime import timedelta

import pytest
from django.utils import timezone

from moderation.models import ModerationState
from moderation.policy import (
    PostingLimitExceeded,
    asks_for_private_contact,
    contains_link,
    mentions_self_harm,
    moderation_decide,
    posting_limits_check,
    posting_refusal,
)
from tests.factories import UserFactory


@pytest.fixture
def new_member(db):
    return UserFactory.create(date_joined=timezone.now() - timedelta(hours=2))


def test_posting_refusal_anonymous_unverified_banned(unverified_member, member):
    from django.contrib.auth.models import AnonymousUser

    member.is_active = False

    assert "log in" in (posting_refusal(AnonymousUser()) or "")
    assert "confirm" in (posting_refusal(unverified_member) or "")
    assert "closed" in (posting_refusal(member) or "")


def test_posting_refusal_none_for_established_member(member):
    assert posting_refusal(member) is None


def test_moderation_decide_new_member_is_pending_with_the_reason(new_member):
    decision = moderation_decide(author=new_member, text="Hello all")

    assert decision.state == ModerationState.PENDING
    assert decision.held_reason.startswith("New member")


def test_moderation_decide_established_member_without_link_is_visible(member):
    decision = moderation_decide(author=member, text="Hello all")

    assert decision.state == ModerationState.VISIBLE
    assert decision.held_reason == ""


def test_moderation_decide_first_posts_with_links_are_pending(member, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 3

    decision = moderation_decide(author=member, text="See https://example.org/cure for details")

    assert decision.state == ModerationState.PENDING
    assert "link" in decision.held_reason


def test_moderation_decide_links_visible_once_trusted(member, settings, make_any_item):
    settings.MODERATION_LINK_TRUST_POSTS = 2
    make_any_item(member)
    make_any_item(member, body="A second visible post.")

    decision = moderation_decide(author=member, text="This helped me: https://example.org/guide")

    assert decision.state == ModerationState.VISIBLE


def test_moderation_decide_staff_are_never_held(new_member):
    new_member.is_staff = True

    decision = moderation_decide(author=new_member, text="www.example.com")

    assert decision.state == ModerationState.VISIBLE


@pytest.mark.parametrize(
    "text",
    [
        "DM me and I will share the protocol",
        "Call me on +1 (555) 123-4567",
        "write to helper@example.com",
        "Find me on WhatsApp",
        "message me on telegram",
    ],
)
def test_asks_for_private_contact_detects_scam_openers(text):
    assert asks_for_private_contact(text)


@pytest.mark.parametrize(
    "text", ["My oncologist called me back", "Stage 2 in 2019, 6 rounds of TCHP", ""]
)
def test_asks_for_private_contact_leaves_ordinary_text(text):
    assert not asks_for_private_contact(text)


def test_contains_link():
    assert contains_link("go to www.cure.example")
    assert contains_link("http://x.test/a")
    assert not contains_link("I felt tired after round three.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some days I want to die", True),
        ("I have been thinking about SUICIDE", True),
        ("thinking about   ending my life", True),
        ("The die-hard fans of my book club", False),
        ("I am dying to know how it went", False),
    ],
)
def test_mentions_self_harm(text, expected):
    assert mentions_self_harm(text) is expected


def test_mentions_self_harm_uses_settings_list(settings):
    settings.MODERATION_SELF_HARM_TERMS = ["dark place"]

    assert mentions_self_harm("I am in a dark place")
    assert not mentions_self_harm("I want to die")


def test_posting_limits_check_rate_limit(member, settings, make_item):
    settings.MODERATION_QUESTIONS_PER_HOUR = 2
    settings.MODERATION_REPLIES_PER_HOUR = 2
    first = make_item(member, body="one")
    make_item(member, body="two")
    kind = "question" if first._meta.model_name == "question" else "answer"

    with pytest.raises(PostingLimitExceeded) as exc_info:
        posting_limits_check(author=member, kind=kind, text="three")

    assert "limit" in str(exc_info.value)
    assert exc_info.value.retry_after_seconds == 3600


def test_posting_limits_check_old_posts_do_not_count(member, settings, make_item):
    settings.MODERATION_QUESTIONS_PER_HOUR = 1
    settings.MODERATION_REPLIES_PER_HOUR = 1
    old = make_item(member, body="long ago")
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=2))
    kind = "question" if old._meta.model_name == "question" else "answer"

    posting_limits_check(author=member, kind=kind, text="fresh")


def test_posting_limits_check_blocks_duplicate_text(member, make_item):
    made = make_item(member, body="Same words here")
    text = f"{made.title}\nSame words here" if hasattr(made, "title") else "Same words here"

    with pytest.raises(PostingLimitExceeded) as exc_info:
        posting_limits_check(author=member, kind="answer", text=text)

    assert "exactly this text" in str(exc_info.value)


def test_posting_limits_check_duplicate_after_window_is_allowed(member, settings, make_item):
    settings.MODERATION_DUPLICATE_MINUTES = 5
    made = make_item(member, body="Same words here")
    type(made).objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(minutes=6))

    posting_limits_check(author=member, kind="answer", text="Same words here")


def test_posting_limits_check_skips_staff(member, settings):
    settings.MODERATION_REPLIES_PER_HOUR = 0
    member.is_staff = True

    posting_limits_check(author=member, kind="comment", text="x")
