"""Who may post, and in which state a new post starts: one answer for every route that writes.

Articles' comments and the forum's questions and answers call `posting_refusal`,
`posting_limits_check` and `moderation_decide` before creating anything, so suspensions,
limits and trust rules hold on every path; after saving they hand the post and the decision's
reason to `services.content_after_create`. These are rules; the rows they read come from
selectors.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format

from core.viewer import viewer_has_staff_powers

from .models import ModerationState
from .selectors import (
    member_active_suspension,
    member_has_verified_email,
    member_post_count_since,
    member_posted_text_since,
    member_visible_post_count,
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

LINK_RE = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(com|net|org|io|info|biz|shop|xyz)\b)", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Seven or more digits, allowing spaces, dots, dashes and brackets between them.
PHONE_RE = re.compile(r"(?:\+?\d[\s().-]*){7,}")
PRIVATE_CONTACT_RE = re.compile(
    r"\b(dm me|pm me|message me privately|inbox me|text me|call me|contact me|email me|"
    r"whats\s?app|telegram|signal app|wechat|viber|kik|snapchat|private message)\b",
    re.I,
)


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
    # Questions have their own limit; comments, answers, replies and experiences share one.
    return ["question"] if kind == "question" else ["comment", "answer", "reply", "experience"]


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
