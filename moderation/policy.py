"""Who may post, and in which state a new post starts: one answer for every route that writes.

Articles' comments and the forum's questions and answers call `posting_refusal`,
`posting_limits_check` and `moderation_decide` before creating anything, so suspensions,
limits and trust rules hold on every path; after saving they hand the post and the decision's
reason to `services.content_after_create`. These are rules; the rows they read come from
selectors.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.formats import date_format

from core.viewer import viewer_has_staff_powers

from .models import ModerationState
from .selectors import (
    member_active_suspension,
    member_has_verified_email,
    member_post_count_since,
    member_posted_text_since,
    member_posting_facts,
    member_visible_post_count,
    review_wait_median,
)

PostKind = Literal["comment", "question", "answer", "reply", "experience"]

DEFAULT_SELF_HARM_TERMS = [
    "kill myself",
    "end my life",
    "ending my life",
    "want to die",
    "suicide",
    "suicidal",
    "self-harm",
    "self harm",
    "hurt myself",
    "no reason to live",
    "better off without me",
    "take my own life",
]

# Harmful medical claims: advice to stop, skip or refuse treatment, and "cures" sold in its
# place. Each pattern needs a whole shape (an instruction plus a treatment, a remedy plus a cure
# verb), never a single word, so members telling their own story ("I skipped my infusion this
# week, my oncologist said it's fine") are not held. `{treatment}` and `{remedy}` stand for the
# word lists below. Reviewed with the tests in tests/moderation/test_policy.py (held and not held
# texts side by side); a site can replace the list with MODERATION_HARMFUL_CLAIM_PATTERNS.
HARMFUL_TREATMENT_TERMS = (
    r"chemo(?:therapy)?|infusions?|surgery|surgeries|operations?|mastectomy|lumpectomy|"
    r"radiation|radiotherapy|rads|hormone\s+(?:therapy|treatment|blockers?|pills)|"
    r"endocrine\s+therapy|tamoxifen|letrozole|anastrozole|exemestane|"
    r"aromatase\s+inhibitors?|herceptin|trastuzumab|perjeta|pertuzumab|phesgo|kadcyla|"
    r"enhertu|immunotherapy|targeted\s+therapy|treatments?|medications?|meds|"
    r"cancer\s+drugs?|conventional\s+(?:medicine|treatment)"
)
HARMFUL_REMEDY_TERMS = (
    r"raw\s+(?:vegetables|veg|veggies|food|foods|vegan)|juic(?:e|es|ing)|juice\s+cleanse|"
    r"alkaline(?:\s+(?:diet|water))?|baking\s+soda|bicarbonate|apricot\s+kernels?|b17|"
    r"laetrile|amygdalin|black\s+salve|essential\s+oils?|frankincense|turmeric|curcumin|"
    r"cannabis(?:\s+oil)?|rick\s+simpson\s+oil|cbd(?:\s+oil)?|hemp\s+oil|fenbendazole|"
    r"ivermectin|(?:high[-\s]dose\s+)?vitamin\s+c|coffee\s+enemas?|gerson(?:\s+therapy)?|"
    r"budwig|detox(?:\s+(?:protocol|programme|program|diet|tea))?|cleanse|fasting|"
    r"water\s+fast|keto(?:genic)?\s+diet|sugar[-\s]free\s+diet|mistletoe|soursop|graviola|"
    r"colloidal\s+silver|hydrogen\s+peroxide|chlorine\s+dioxide|mms|"
    r"(?:mushroom|herbal)\s+(?:tea|tinctures?|remedies|remedy|extracts?)|herbs|supplements?|"
    r"homeopath\w*|natural\s+(?:remedies|medicine|healing)|diet\s+alone|this\s+(?:tea|oil|"
    r"powder|protocol|product|supplement)"
)
# Words between a remedy and its verb, never a negation ("turmeric won't cure cancer").
_GAP = r"(?:(?!\b(?:no|not|never|won'?t|doesn'?t|don'?t|can'?t|cannot|isn'?t)\b)[^.!?]){0,60}?"
_TARGET = r"(?:[\w'-]+\s+){0,5}?(?:cancer|tumou?rs?|lumps?)"
DEFAULT_HARMFUL_CLAIM_PATTERNS = [
    # "Skip your infusions", "you should cancel your surgery", "ditch the hormone therapy"
    r"(?:^|[.!?:;]\s*|\byou\s+(?:should|must|need\s+to|have\s+to|ought\s+to|can)\s+|"
    r"\bjust\s+|\bplease\s+|\b(?:i\s+)?(?:urge|tell|beg|advise)\s+(?:you|everyone|everybody|"
    r"all\s+of\s+you)\s+to\s+|\beveryone\s+should\s+)"
    r"(?:skip|stop|quit|refuse|ditch|drop|avoid|reject|cancel|throw\s+away|bin|give\s+up|"
    r"say\s+no\s+to|walk\s+away\s+from)\s+(?:taking\s+|having\s+|doing\s+|getting\s+)?"
    r"(?:your\s+|the\s+|all\s+|any\s+|those\s+|that\s+)?(?:{treatment})\b",
    # "Don't let them give you Herceptin", "never do chemo", "you don't take the pills"
    r"(?:^|[.!?:;]\s*|\byou\s+)(?:don'?t|do\s+not|never)\s+(?:take|do|have|start|get|"
    r"go\s+through|agree\s+to|accept|let\s+(?:them|anyone|your\s+\w+)\s+(?:give\s+you|"
    r"talk\s+you\s+into))\s+(?:the\s+|your\s+|any\s+|a\s+)?(?:{treatment})\b"
    r"(?!\s+(?:with|and|while|before|after|on\s+an|at\s+the\s+same|until|without))",
    # "You don't need chemo", "no one needs a mastectomy"
    r"(?:\byou\s+(?:really\s+)?(?:don'?t|do\s+not)\s+(?:really\s+)?need|"
    r"\b(?:nobody|no\s+one|no-one)\s+(?:really\s+)?needs)\s+(?:the\s+|any\s+|a\s+|to\s+"
    r"(?:have|do|take)\s+(?:the\s+|a\s+)?)?(?:{treatment})\b",
    # "Chemo kills more people than it cures", "radiation is a scam"
    r"\b(?:{treatment})\s+(?:kills|has\s+killed|will\s+kill)\s+(?:more|you|people|patients)",
    r"\b(?:{treatment})\s+(?:is|are)\s+(?:just\s+|only\s+)?(?:a\s+)?(?:scam|racket|fraud|"
    r"money[-\s]maker|useless|pointless)\b",
    r"\b(?:surgery|biops(?:y|ies)|radiation)\s+(?:spreads?|will\s+spread|only\s+spreads)\s+"
    r"(?:the\s+)?cancer",
    # A remedy put in the place of treatment: "replace your infusions with raw vegetables"
    r"\b(?:replace|swap|substitute)\s+(?:your\s+|the\s+)?(?:{treatment})\s+(?:with|for)\b",
    r"\b(?:{remedy})\b" + _GAP + r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|"
    r"without\s+(?:any\s+)?)\s*(?:your\s+|the\s+|any\s+)?(?:{treatment})\b",
    # A remedy that "cures": "the alkaline diet cures cancer", "cannabis oil cured her cancer"
    r"\b(?:{remedy})\b" + _GAP + r"\b(?:cures?|cured|heals?|healed|reverses?|reversed|"
    r"kills?|killed|destroys?|destroyed|eliminates?|eliminated|shrinks?|shrank|starves?|"
    r"starved|dissolves?|dissolved|draws?\s+out|melts?|melted|beats?|beat|gets?\s+rid\s+of)"
    r"\s+" + _TARGET,
    # "my friend's tumour disappeared with coffee enemas"
    r"\b(?:cancer|tumou?rs?|lumps?)\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:cured|healed|gone|"
    r"reversed|disappeared|melted\s+away|shrank|vanished)\b" + _GAP + r"\b(?:with|by|using|"
    r"thanks\s+to|after|through)\s+(?:[\w'-]+\s+){0,3}?(?:{remedy})\b",
    # Cure marketing, whatever the remedy
    r"\b(?:is|are|was|were|it'?s|found)\s+(?:a\s+|the\s+|my\s+)?(?:real\s+|true\s+)?"
    r"miracle\s+cures?\b",
    r"\bmiracle\s+cures?\s+(?:for|against)\s+(?:breast\s+)?cancer",
    r"\b(?:natural|guaranteed|100%|secret|hidden|suppressed)\s+cures?\s+for\s+"
    r"(?:breast\s+)?cancer",
    r"\bcancer[-\s]killing\s+(?:diet|foods?|teas?|herbs?|protocol|supplements?|oils?|"
    r"juices?|recipe|smoothie)",
    r"\b(?:big\s+pharma|doctors|oncologists|they)\s+(?:is\s+|are\s+)?(?:hiding|"
    r"suppressing|covering\s+up)\s+(?:the\s+)?cure",
    r"\b(?:doctors|oncologists|big\s+pharma)\s+(?:don'?t|do\s+not|won'?t)\s+want\s+you\s+"
    r"to\s+know",
]
# A match is not a claim when the sentence before it negates it or reports the care team's
# advice: "please don't skip your infusions", "my oncologist said to stop the tamoxifen".
_NOT_A_CLAIM_BEFORE = re.compile(
    r"\b(?:no|not|never|don'?t|do\s+not|doesn'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|cannot|"
    r"isn'?t|there'?s\s+no|no\s+such|nothing)\b|"
    r"\b(?:oncologist|onc|doctor|dr|surgeon|nurse|team|consultant|gp|pharmacist)\s+"
    r"(?:said|says|told|tells|advised|recommended|suggested|agreed|decided)\b"
)


LINK_RE = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|io|info|biz|shop|xyz)\b)", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Seven or more digits, allowing spaces, dots, dashes and brackets between them.
PHONE_RE = re.compile(r"(?:\+?\d[\s().-]*){7,}")
PRIVATE_CONTACT_RE = re.compile(
    r"\b(dm me|pm me|message me privately|inbox me|text me|call me|contact me|email me|"
    r"whats\s?app|telegram|signal app|wechat|viber|kik|snapchat|private message)\b",
    re.I,
)

# Money asked for or moved: how fake fundraisers and cure sellers close. Whole phrases, so a
# member saying her parking cost money is not held; reviewed in tests/moderation/test_policy.py.
PAYMENT_RE = re.compile(
    r"\b(paypal|venmo|cash\s?app|zelle|western\s+union|moneygram|gofundme|go\s+fund\s+me|"
    r"bank\s+transfer|wire\s+(?:the\s+)?(?:money|transfer|funds)|money\s+transfer|"
    r"send\s+(?:me\s+)?(?:money|cash|funds|payment)|gift\s+cards?|iban|sort\s+code|"
    r"account\s+number|routing\s+number|bitcoin|btc|ethereum|usdt|crypto(?:currency)?\s+"
    r"(?:wallet|payment|address)|pay\s+(?:me|upfront|in\s+advance)|donat(?:e|ion)\s+(?:to\s+"
    r")?(?:me|my|her|his|our)|fundrais\w*)\b",
    re.I,
)
# Bitcoin (legacy and bech32) and Ethereum addresses.
CRYPTO_ADDRESS_RE = re.compile(
    r"\b(?:bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40})\b"
)


def asks_for_money(text: str) -> bool:
    """Payment or money-transfer words, or a crypto address: held wherever it is private."""
    text = text or ""
    return bool(PAYMENT_RE.search(text) or CRYPTO_ADDRESS_RE.search(text))


HARMFUL_CLAIM_HELD_REASON = "Possible harmful medical claim: waits for a moderator."


class PostingLimitExceeded(Exception):
    """Raised when a member posts faster than the limits allow; views answer 429."""

    def __init__(self, message: str, retry_after_seconds: int = 3600) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def mentions_self_harm(text: str) -> bool:
    """Whether a post mentions self-harm (word list in MODERATION_SELF_HARM_TERMS)."""
    lowered = " ".join((text or "").lower().split())
    terms = _setting("MODERATION_SELF_HARM_TERMS", None) or DEFAULT_SELF_HARM_TERMS
    return any(str(term).lower() in lowered for term in terms)


@lru_cache(maxsize=4)
def _harmful_claim_regexes(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        source = pattern.replace("{treatment}", HARMFUL_TREATMENT_TERMS).replace(
            "{remedy}", HARMFUL_REMEDY_TERMS
        )
        try:
            compiled.append(re.compile(source, re.IGNORECASE))
        except re.error as exc:
            raise ImproperlyConfigured(
                f"MODERATION_HARMFUL_CLAIM_PATTERNS: {pattern!r} is not a valid pattern ({exc})."
            ) from exc
    return tuple(compiled)


def _normalised_sentences(text: str) -> list[str]:
    # Curly apostrophes as straight ones, each line its own sentence (a title, then a body).
    plain = (text or "").replace("\u2019", "'").replace("\u2018", "'").lower()
    return [" ".join(line.split()) for line in plain.splitlines() if line.strip()]


def harmful_claim_found(text: str) -> bool:
    """Whether a post advises stopping or refusing treatment, or promotes a cure in its place
    (patterns in MODERATION_HARMFUL_CLAIM_PATTERNS, or DEFAULT_HARMFUL_CLAIM_PATTERNS)."""
    patterns = _setting("MODERATION_HARMFUL_CLAIM_PATTERNS", None)
    regexes = _harmful_claim_regexes(tuple(patterns or DEFAULT_HARMFUL_CLAIM_PATTERNS))
    for line in _normalised_sentences(text):
        for regex in regexes:
            for match in regex.finditer(line):
                # A pattern may start on the punctuation that opens its sentence.
                start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(".!?:; "))
                sentence_start = max(line.rfind(mark, 0, start) for mark in ".!?;")
                before = line[sentence_start + 1 : start]
                if not _NOT_A_CLAIM_BEFORE.search(before):
                    return True
    return False


def contains_link(text: str) -> bool:
    return bool(LINK_RE.search(text or ""))


def asks_for_private_contact(text: str) -> bool:
    """ "DM me", phone numbers, email addresses or messaging apps: the usual start of a scam."""
    text = text or ""
    return bool(PRIVATE_CONTACT_RE.search(text) or EMAIL_RE.search(text) or PHONE_RE.search(text))


def _is_trusted_staff(user: Any) -> bool:
    # Asked of the viewer rule, so staff acting without the second factor post as members do.
    return viewer_has_staff_powers(user)


def posting_refusal(user: Any) -> str | None:
    """Why this user may not post right now, or None when they may."""
    if not user.is_authenticated:
        return "Please log in to post."
    if not user.is_active:
        return "This account has been closed by the moderators and cannot post."
    if not member_has_verified_email(member=user):
        return "Please confirm your email address before posting. Check your inbox for the link."
    suspension = member_active_suspension(member=user)
    if suspension is not None and suspension.ends_at is not None:
        until = date_format(timezone.localtime(suspension.ends_at), "j F Y, H:i")
        return (
            f"Your account is suspended from posting until {until} UTC. You can still read "
            "everything; the email we sent you explains why."
        )
    return None


def _counted_labels(kind: PostKind | str) -> list[str]:
    # Questions have their own limit; comments, answers, replies, updates and experiences
    # share one.
    if kind == "question":
        return ["question"]
    return ["comment", "answer", "reply", "update", "update-comment", "experience"]


def posting_limits_check(*, author: Any, kind: PostKind | str, text: str) -> None:
    """Raise PostingLimitExceeded (rate limits, duplicate text) before a post is created."""
    if _is_trusted_staff(author):
        return
    now = timezone.now()
    hour_ago = now - timedelta(hours=1)
    if kind == "question":
        limit = int(_setting("MODERATION_QUESTIONS_PER_HOUR", 5))
        noun = "questions"
    else:
        limit = int(_setting("MODERATION_REPLIES_PER_HOUR", 30))
        noun = "comments and answers"
    posted = member_post_count_since(author=author, labels=_counted_labels(kind), since=hour_ago)
    if posted >= limit:
        raise PostingLimitExceeded(
            f"You have posted {posted} {noun} in the last hour, which is our limit for now. "
            "Please take a breather and try again a little later; your text is kept below.",
            retry_after_seconds=3600,
        )
    cleaned = (text or "").strip()
    if not cleaned:
        return
    window = now - timedelta(minutes=int(_setting("MODERATION_DUPLICATE_MINUTES", 10)))
    if member_posted_text_since(author=author, text=cleaned, since=window):
        raise PostingLimitExceeded(
            "You posted exactly this text a few minutes ago, so we did not post it twice. "
            "If you meant to say something new, change it a little.",
            retry_after_seconds=60 * int(_setting("MODERATION_DUPLICATE_MINUTES", 10)),
        )


def initial_moderation_held_reason(*, author: Any, text: str) -> str:
    """Why a new post would wait for review, or "" when it goes up at once."""
    if _is_trusted_staff(author):
        return ""
    if harmful_claim_found(text):
        return HARMFUL_CLAIM_HELD_REASON
    new_hours = int(_setting("MODERATION_NEW_MEMBER_HOURS", 24))
    is_new = author.date_joined > timezone.now() - timedelta(hours=new_hours)
    if is_new and asks_for_private_contact(text):
        return "Likely scam: a new member asking to move to private contact."
    if is_new:
        return f"New member: posts in the first {new_hours} hours are reviewed."
    if contains_link(text):
        trust_posts = int(_setting("MODERATION_LINK_TRUST_POSTS", 3))
        if member_visible_post_count(author=author, limit=trust_posts) < trust_posts:
            return "Contains a link from a member with few posts yet."
    return ""


@dataclass(frozen=True)
class ModerationDecision:
    """The state a new post starts in, and why it waits for review ("" when it does not)."""

    state: ModerationState
    held_reason: str


def moderation_decide(*, author: Any, text: str) -> ModerationDecision:
    """Visible, or pending review under the trust rules; pass held_reason on to
    services.content_after_create once the post is saved."""
    reason = initial_moderation_held_reason(author=author, text=text)
    state = ModerationState.PENDING if reason else ModerationState.VISIBLE
    return ModerationDecision(state=state, held_reason=reason)


@dataclass(frozen=True)
class ReviewNotice:
    """What a member is told before she posts, when her post would wait for review.

    `every_post`: she is in her first MODERATION_NEW_MEMBER_HOURS, so everything waits (until
    `until`); otherwise only a post with a link waits, until she has `trust_posts` visible
    posts. `usual_wait` is a sentence that is true today (the recent median, or the aim).
    """

    every_post: bool
    until: datetime | None
    trust_posts: int
    usual_wait: str


def _duration_words(wait: timedelta) -> str:
    hours = wait.total_seconds() / 3600
    if hours < 1:
        return "under an hour"
    if hours < 36:
        rounded = max(1, round(hours))
        return f"about {rounded} hour{'s' if rounded != 1 else ''}"
    return f"about {round(hours / 24)} days"


def review_usual_wait() -> str:
    """One true sentence on how long a held post waits: the median of the last 30 days'
    reviews (kept by the last decision), or, with too few of them to measure, the aim set in
    MODERATION_REVIEW_TARGET_HOURS. No query."""
    median = review_wait_median()
    if median is not None:
        return f"Lately, half of the posts we reviewed waited {_duration_words(median)} or less."
    target = int(_setting("MODERATION_REVIEW_TARGET_HOURS", 24))
    return f"Our moderators aim to review every post within {target} hours."


def posting_review_notice(viewer: Any) -> ReviewNotice | None:
    """Whether this member's next post would wait for review, and what to tell her first.

    The same rules as initial_moderation_held_reason, read before she writes: the new-member
    period holds everything, a low post count holds links. None for visitors, staff and
    trusted members. At most one query (her visible posts, when she is no longer new).
    """
    if not getattr(viewer, "is_authenticated", False) or _is_trusted_staff(viewer):
        return None
    new_hours = int(_setting("MODERATION_NEW_MEMBER_HOURS", 24))
    until = viewer.date_joined + timedelta(hours=new_hours)
    trust_posts = int(_setting("MODERATION_LINK_TRUST_POSTS", 3))
    if until > timezone.now():
        return ReviewNotice(
            every_post=True, until=until, trust_posts=trust_posts, usual_wait=review_usual_wait()
        )
    if member_visible_post_count(author=viewer, limit=trust_posts) < trust_posts:
        return ReviewNotice(
            every_post=False, until=None, trust_posts=trust_posts, usual_wait=review_usual_wait()
        )
    return None


def posting_state(user: Any) -> tuple[str | None, ReviewNotice | None]:
    """`posting_refusal(user)` and, when she may post, `posting_review_notice(user)`, in one
    query for a member: the question and article pages ask both on every request."""
    if not user.is_authenticated or not user.is_active:
        return posting_refusal(user), None
    trust_posts = int(_setting("MODERATION_LINK_TRUST_POSTS", 3))
    verified, suspended, posts = member_posting_facts(member=user, limit=trust_posts)
    if not verified or suspended:
        return posting_refusal(user), None  # rare: the usual path words the refusal
    if _is_trusted_staff(user):
        return None, None
    until = user.date_joined + timedelta(hours=int(_setting("MODERATION_NEW_MEMBER_HOURS", 24)))
    if until > timezone.now():
        notice = ReviewNotice(
            every_post=True, until=until, trust_posts=trust_posts, usual_wait=review_usual_wait()
        )
        return None, notice
    if posts < trust_posts:
        notice = ReviewNotice(
            every_post=False, until=None, trust_posts=trust_posts, usual_wait=review_usual_wait()
        )
        return None, notice
    return None, None


def posted_message(*, kind: str, held: bool) -> str:
    """What a member is told right after posting: published, or waiting and what happens next."""
    if not held:
        return f"Your {kind} is posted. Thank you for sharing it with the community."
    return (
        f"Thank you, your {kind} is saved. It is waiting for one of our volunteer moderators to "
        "read it, so for now only you can see it. We will email you as soon as it is published, "
        "or tell you why if it cannot be."
    )


def edit_held_message(*, kind: str) -> str:
    """What a member is told when her edit sent a published post back to review."""
    return (
        f"Your change is saved. Because of what changed, your {kind} now waits for one of our "
        "volunteer moderators to read it again, so for now only you can see it. We will email "
        "you as soon as it is back up, or tell you why if it cannot be."
    )
