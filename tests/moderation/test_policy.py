from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from moderation.models import ModerationState
from moderation.policy import (
    HARMFUL_CLAIM_HELD_REASON,
    PostingLimitExceeded,
    asks_for_private_contact,
    contains_link,
    harmful_claim_found,
    mentions_self_harm,
    moderation_decide,
    posted_message,
    posting_limits_check,
    posting_refusal,
    posting_review_notice,
    posting_state,
    review_usual_wait,
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


# Harmful medical claims. Each row is a realistic post; the left column must wait for a
# moderator before anyone reads it, the right column must go up at once. Add a row here
# whenever a pattern changes.
HARMFUL_CLAIMS_HELD = [
    "Skip your infusions and eat raw vegetables instead. Your body knows how to heal itself.",
    "Honestly, you don't need chemo. I know three women who beat it with diet alone.",
    "Stop taking tamoxifen, it's poison. Turmeric and an alkaline diet did more for me.",
    "The alkaline diet cures cancer, the oncologists just don't want you to know.",
    "Apricot kernels (B17) kill cancer cells naturally, I eat ten a day.",
    "Black salve draws out the tumour through the skin, no surgery needed.",
    "Refuse the radiation, it only causes more problems than it solves.",
    "Don't let them give you Herceptin, it wrecks your heart for nothing.",
    "Chemo kills more people than it cures. Look it up.",
    "My friend's tumour disappeared with coffee enemas and the Gerson protocol.",
    "This mushroom tea is a miracle cure, message me for the supplier.",
    "Ditch the hormone therapy and go on a 21-day detox protocol, it resets your body.",
    "Cannabis oil cured my sister's stage 3 breast cancer without any chemo.",
    "You should cancel your surgery and try high-dose vitamin C first.",
    "Big pharma is hiding the cure: fenbendazole shrinks tumours in weeks.",
    "Please skip chemo and do the juice cleanse instead, it melts tumours away.",
    "No one needs a mastectomy if they fast properly, fasting starves the cancer.",
    "Frankincense essential oil heals breast cancer, rub it on the lump every night.",
    "Replace your infusions with raw vegetables and green juice, that is what healed me.",
    "Surgery spreads the cancer, everyone knows that. Leave the lump alone.",
    "Why is nobody talking about cancer-killing foods? Garlic and broccoli every day.",
    "I urge everyone to say no to chemo and trust nature.",
    "Radiation is a scam.\nMy naturopath says the body heals itself with the right diet.",
    "You don\u2019t need surgery, baking soda dissolves tumors if you drink it daily.",
    "Found a miracle cure for breast cancer online, the seller ships worldwide.",
]

ORDINARY_POSTS_NOT_HELD = [
    "I skipped my infusion this week because my counts were low, my oncologist said it's fine.",
    "I'm stopping tamoxifen after 5 years as planned.",
    "My nurse said ginger tea helped her nausea.",
    "Raw vegetables are off my list during chemo because of infection risk.",
    "Please don't skip your infusions without talking to your team first.",
    "There's no food that cures cancer, but eating well helped me feel stronger.",
    "Chemo felt like poison some days, but it did its job and I'm in remission.",
    "Herceptin shrank my tumour before surgery, I was amazed.",
    "I had a lumpectomy instead of a mastectomy, and radiation after.",
    "My oncologist said I don't need radiation after the mastectomy because my nodes were clear.",
    "Has anyone refused radiation and regretted it? I'm trying to understand my options.",
    "Did anyone stop taking letrozole because of joint pain? What did your doctor suggest?",
    "I don't take tamoxifen anymore, I switched to anastrozole after menopause.",
    "Turmeric is in everything I cook now, though I know it won't cure cancer.",
    "Someone tried to sell me black salve at a market. Please be careful, it burns the skin.",
    "The Herceptin infusions kill cancer cells, my oncologist explained how it works.",
    "Stopping chemo early was a decision I made with my oncologist after the neuropathy.",
    "I fast for a day before each chemo session, my team knows and is fine with it.",
    "My surgeon says surgery is the main treatment for my stage; I'm booked for next month.",
    "Walking every day kept me sane through radiation.",
    "Is it true that sugar feeds cancer? My oncologist says no, but my aunt keeps saying it.",
    "I take vitamin D supplements because my levels were low; my oncologist checks them.",
    "After six rounds of chemo the tumour was gone on the scan, I cried in the car park.",
    "Cold capping saved some of my hair during chemo.",
    "Don't take ibuprofen before checking with your team if your platelets are low.",
    "We finished radiation today! Ring the bell moment.",
    "Acupuncture helped with my hot flashes from tamoxifen.",
    "I had to skip the last cycle because of an infection, the team adjusted the plan.",
    "Hormone therapy is tough but I'm sticking with it, five years to go.",
    "Keto diet helped me lose the steroid weight, nothing to do with the cancer itself.",
    "My oncologist told me to stop the tamoxifen two weeks before my surgery.",
    "I would never tell anyone to skip chemo, it is a personal decision with your doctor.",
    "Don't take the anti-nausea pills on an empty stomach, they made me feel worse.",
    "Is there any evidence that mistletoe helps? My sister keeps sending me articles.",
    "Please skip the stories about other people who died, and the miracle cures.",
    "There is no miracle cure, just a lot of small things that made the days easier.",
]


@pytest.mark.parametrize("text", HARMFUL_CLAIMS_HELD)
def test_harmful_claim_found_in_realistic_harmful_posts(text):
    assert harmful_claim_found(text)


@pytest.mark.parametrize("text", ORDINARY_POSTS_NOT_HELD)
def test_harmful_claim_found_leaves_ordinary_posts(text):
    assert not harmful_claim_found(text)


def test_harmful_claim_found_uses_settings_patterns(settings):
    settings.MODERATION_HARMFUL_CLAIM_PATTERNS = [r"\bmagic\s+beans?\s+cure\b"]

    assert harmful_claim_found("Magic beans cure everything")
    assert not harmful_claim_found("Skip your infusions and eat raw vegetables instead.")


def test_harmful_claim_found_refuses_a_broken_pattern(settings):
    settings.MODERATION_HARMFUL_CLAIM_PATTERNS = [r"(unclosed"]

    with pytest.raises(ImproperlyConfigured):
        harmful_claim_found("anything")


def test_moderation_decide_holds_a_harmful_claim_from_an_established_member(member):
    decision = moderation_decide(
        author=member, text="Skip your infusions and eat raw vegetables instead."
    )

    assert decision.state == ModerationState.PENDING
    assert decision.held_reason == "Possible harmful medical claim: waits for a moderator."


def test_moderation_decide_names_the_harmful_claim_before_the_new_member_rule(new_member):
    decision = moderation_decide(author=new_member, text="The alkaline diet cures cancer.")

    assert decision.held_reason == HARMFUL_CLAIM_HELD_REASON


def test_moderation_decide_does_not_hold_trusted_staff_for_a_claim(member):
    member.is_staff = True

    decision = moderation_decide(author=member, text="Chemo kills more people than it cures.")

    assert decision.state == ModerationState.VISIBLE


def test_posting_review_notice_new_member_every_post_until_her_first_day_ends(new_member):
    notice = posting_review_notice(new_member)

    assert notice is not None
    assert notice.every_post is True
    assert notice.until == new_member.date_joined + timedelta(hours=24)
    assert notice.usual_wait == "Our moderators aim to review every post within 24 hours."


def test_posting_review_notice_member_with_few_posts_is_told_about_links(member, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 3

    notice = posting_review_notice(member)

    assert notice is not None
    assert (notice.every_post, notice.trust_posts) == (False, 3)


def test_posting_review_notice_none_once_trusted_and_for_staff_and_visitors(
    member, settings, make_any_item
):
    from django.contrib.auth.models import AnonymousUser

    settings.MODERATION_LINK_TRUST_POSTS = 1
    make_any_item(member)
    staff = UserFactory.create(is_staff=True, date_joined=timezone.now())

    assert posting_review_notice(member) is None
    assert posting_review_notice(staff) is None
    assert posting_review_notice(AnonymousUser()) is None


def test_posting_review_notice_agrees_with_moderation_decide(new_member, member, settings):
    settings.MODERATION_LINK_TRUST_POSTS = 3

    for viewer, text in [(new_member, "Hello"), (member, "See www.example.org")]:
        assert posting_review_notice(viewer) is not None
        assert moderation_decide(author=viewer, text=text).state == ModerationState.PENDING


def test_posting_state_answers_as_refusal_and_notice_do(
    new_member, member, unverified_member, moderator, settings, make_any_item
):
    from django.contrib.auth.models import AnonymousUser

    from moderation.services import member_suspend

    settings.MODERATION_LINK_TRUST_POSTS = 2
    suspended, trusted = UserFactory.create(), UserFactory.create()
    member_suspend(member=suspended, moderator=moderator, days=3, reason="Spam links")
    make_any_item(trusted)
    make_any_item(trusted)
    staff = UserFactory.create(is_staff=True, date_joined=timezone.now())

    for viewer in (new_member, member, unverified_member, suspended, trusted, staff):
        refusal = posting_refusal(viewer)
        notice = None if refusal else posting_review_notice(viewer)  # said only to who may post
        assert posting_state(viewer) == (refusal, notice)
    assert posting_state(AnonymousUser()) == (posting_refusal(AnonymousUser()), None)
    assert posting_state(suspended)[0] is not None
    assert posting_state(trusted) == (None, None)


def test_review_usual_wait_gives_the_kept_median(settings):
    from django.core.cache import cache

    from moderation.selectors import REVIEW_WAIT_CACHE_KEY

    cache.set(REVIEW_WAIT_CACHE_KEY, timedelta(hours=3, minutes=10), None)

    assert (
        review_usual_wait() == "Lately, half of the posts we reviewed waited about 3 hours or less."
    )


def test_review_usual_wait_falls_back_to_the_configured_aim(settings):
    settings.MODERATION_REVIEW_TARGET_HOURS = 12

    assert review_usual_wait() == "Our moderators aim to review every post within 12 hours."


def test_posted_message_says_what_happens_next_when_held():
    held = posted_message(kind="question", held=True)
    visible = posted_message(kind="answer", held=False)

    assert "waiting for one of our volunteer moderators" in held
    assert "only you can see it" in held
    assert "email you" in held
    assert visible == "Your answer is posted. Thank you for sharing it with the community."
