"""Turning a send and a subscriber into one personalised email, cheaply.

Most subscribers of a chunk see one of a few combinations of items. Each combination is
rendered (Django templates) and CSS-inlined once per chunk; per subscriber only their
signed links are substituted into the cached strings. That keeps a personalised email
around a few hundred microseconds of CPU instead of several milliseconds.
"""

import binascii
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.header import Header
from email.utils import formataddr, formatdate, parseaddr
from functools import lru_cache

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from core.mail.delivery import message_id_make
from core.mail.discretion import discreet_sender
from core.mail.services import email_render
from core.markdown import render_article_markdown

from ..models import Send, Subscriber
from ..selectors import (
    DigestItem,
    Recipient,
    Seen,
    digest_articles_since,
    digest_questions_active_since,
    digest_seen_by_members,
)
from .subscriptions import subscriber_link

PREFS = "NLPREFSLINKPLACEHOLDER"
UNSUB = "NLUNSUBLINKPLACEHOLDER"
DIGEST_WINDOW = timedelta(days=7)
MAX_ITEMS = 8
# The subject and preview of a discreet email: no site name (its initials say "breast
# cancer") and no health word, for people who share an inbox.
DISCREET_DIGEST_SUBJECT = "Your weekly update"
DISCREET_ISSUE_SUBJECT = "An update for you"
DISCREET_PREVIEW = "A few new things picked for you this week."

# The week's questions are fixed for a whole send (its created_at fixes the window), so a
# worker process keeps them per (send, topic set) instead of asking once per chunk.
_QUESTIONS_BY_SEND: dict[tuple[int | None, datetime, frozenset[int]], list[DigestItem]] = {}
# Likewise each distinct rendering (a combination of items, member or not, discreet or not),
# kept across the chunks of a send instead of being rendered again for every chunk: 100 000
# subscribers on 6 topics make a few dozen combinations, rendered once per worker process.
# Bounded (a rendering is ~20 KB): a send with more combinations renders the rest per chunk.
_RENDERED_BY_SEND: dict[tuple[int | None, datetime, tuple[object, ...]], "Rendered"] = {}
RENDERED_KEEP = 512
# And the articles newer than a chunk's oldest window: the same for most chunks of a send
# (everyone's window starts at the last digest), asked once per process, not per chunk.
_ARTICLES_BY_SEND: dict[tuple[int | None, datetime, datetime], list[DigestItem]] = {}

_inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class RawEmail:
    """A finished message as bytes, for handing straight to an SMTP connection."""

    from_email: str
    to: str
    data: bytes


def build_raw(
    *, rendered: Rendered, subscriber: Recipient | Subscriber, message_id: str, boundary: str
) -> RawEmail | None:
    """The same message as `build_message`, assembled without the `email` package.

    Python's `email` generator costs about a millisecond per message; this costs a few
    microseconds (quoted-printable in C). Used on the SMTP path of the sending engine;
    None when the address is not plain ASCII (then the ordinary path is used).
    """
    if not subscriber.email.isascii():
        return None
    prefs = subscriber_link(subscriber_id=subscriber.id, purpose="preferences")
    unsub = subscriber_link(subscriber_id=subscriber.id, purpose="unsubscribe")
    text = rendered.text.replace(PREFS, prefs).replace(UNSUB, unsub)
    html = rendered.html.replace(PREFS, prefs).replace(UNSUB, unsub)
    sender = sender_for(discreet=subscriber.discreet)
    headers = (
        f"Subject: {_encoded_subject(rendered.subject)}\r\n"
        f"From: {_encoded_address(sender)}\r\n"
        f"To: {subscriber.email}\r\n"
        f"Date: {formatdate(localtime=False)}\r\n"
        f"Message-ID: {message_id}\r\n"
        f"List-Unsubscribe: <{unsub}>\r\n"
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
        "Auto-Submitted: auto-generated\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'
        "\r\n"
    )
    part = (
        "--{b}\r\nContent-Type: text/{kind}; charset=utf-8\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    )
    data = b"".join(
        [
            headers.encode("ascii"),
            part.format(b=boundary, kind="plain").encode("ascii"),
            _qp(text),
            b"\r\n",
            part.format(b=boundary, kind="html").encode("ascii"),
            _qp(html),
            f"\r\n--{boundary}--\r\n".encode("ascii"),
        ]
    )
    return RawEmail(from_email=_address_of(sender), to=subscriber.email, data=data)


def _qp(body: str) -> bytes:
    encoded = binascii.b2a_qp(body.replace("\r\n", "\n").encode("utf-8"), istext=True)
    return encoded.replace(b"\n", b"\r\n")


@lru_cache(maxsize=256)
def _encoded_subject(subject: str) -> str:
    return Header(subject, "utf-8", maxlinelen=76, header_name="Subject").encode("\r\n ")


@lru_cache(maxsize=16)
def _address_of(sender: str) -> str:
    return parseaddr(sender)[1]


@lru_cache(maxsize=16)
def _encoded_address(address: str) -> str:
    name, addr = parseaddr(address)
    return formataddr((name, addr), charset="utf-8")


def inline_css(html: str) -> str:
    """Move the template's <style> rules onto elements; keep @media (dark mode) rules."""
    return _inliner.inline(html)


def sender_for(*, discreet: bool) -> str:
    """The From header: the site's own, or the same address under a neutral name."""
    return discreet_sender() if discreet else settings.DEFAULT_FROM_EMAIL


def _matches(item: DigestItem, topic_ids: frozenset[int]) -> bool:
    return not topic_ids or not item.topic_ids or bool(item.topic_ids & topic_ids)


@dataclass(frozen=True)
class OutgoingEmail:
    """One subscriber's email, ready for a transport in whichever form it takes."""

    rendered: Rendered
    subscriber: Recipient
    message_id: str
    boundary: str

    def as_raw(self) -> RawEmail | None:
        """Bytes for an SMTP connection; None when the address is not plain ASCII."""
        return build_raw(
            rendered=self.rendered,
            subscriber=self.subscriber,
            message_id=self.message_id,
            boundary=self.boundary,
        )

    def as_message(self, *, connection: object = None) -> EmailMultiAlternatives:
        """The same email as a Django message, for any email backend."""
        return build_message(
            rendered=self.rendered,
            subscriber=self.subscriber,
            message_id=self.message_id,
            connection=connection,
        )


class ChunkRenderer:
    """Renders every message of one chunk; build once per chunk, then call `email_for`."""

    def __init__(self, *, send: Send, subscribers: list[Recipient] | list[Subscriber]) -> None:
        self.send = send
        self.cache: dict[tuple[object, ...], Rendered] = {}
        self.keys: dict[tuple[object, ...], tuple[object, ...] | None] = {}
        self.seen: dict[int, Seen] = {}
        self.articles: list[DigestItem] = []
        self.questions: dict[frozenset[int], list[DigestItem]] = {}
        self.default_since = send.since or (send.created_at - DIGEST_WINDOW)
        if send.kind == Send.Kind.DIGEST:
            oldest = min(
                [s.last_digest_at or self.default_since for s in subscribers],
                default=self.default_since,
            )
            self.articles = self._articles_since(oldest)
            member_ids = [s.member_id for s in subscribers if s.member_id]
            if member_ids:
                self.seen = digest_seen_by_members(member_ids=member_ids, since=oldest)
        else:
            assert send.issue is not None
            self.issue_intro_html = render_article_markdown(send.issue.intro).html
            self.issue_articles = list(_issue_articles(send))

    def _articles_since(self, oldest: datetime) -> list[DigestItem]:
        if not self.send.pk:
            return digest_articles_since(since=oldest)
        key = (self.send.id, self.send.created_at, oldest)
        articles = _ARTICLES_BY_SEND.get(key)
        if articles is None:
            if len(_ARTICLES_BY_SEND) > 64:
                _ARTICLES_BY_SEND.clear()
            articles = _ARTICLES_BY_SEND[key] = digest_articles_since(since=oldest)
        return articles

    def _digest_key(self, subscriber: Recipient) -> tuple[object, ...] | None:
        since = subscriber.last_digest_at or self.default_since
        topic_ids = subscriber.topic_ids
        is_member = subscriber.member_id is not None
        seen = self.seen.get(subscriber.member_id or 0)
        if seen is not None:  # what this member saw on the site: theirs alone
            return self._digest_key_for(since, topic_ids, is_member, subscriber.discreet, seen)
        # Everyone else with the same window, topics and flags gets the same items: decided
        # once per chunk, not once per subscriber (12 articles for each subscriber otherwise).
        shared = (since, topic_ids, is_member, subscriber.discreet)
        if shared not in self.keys:
            self.keys[shared] = self._digest_key_for(*shared, Seen())
        return self.keys[shared]

    def _digest_key_for(
        self,
        since: datetime,
        topic_ids: frozenset[int],
        is_member: bool,
        discreet: bool,
        seen: Seen,
    ) -> tuple[object, ...] | None:
        articles = tuple(
            a.id
            for a in self.articles
            if a.when > since
            and _matches(a, topic_ids)
            and a.id not in seen.article_ids
            and (is_member or not a.members_only)
        )[:MAX_ITEMS]
        questions = tuple(
            q.id for q in self._questions_for(topic_ids) if q.id not in seen.question_ids
        )[:MAX_ITEMS]
        if not articles and not questions:
            return None  # nothing new: no email at all
        return ("digest", articles, questions, is_member, discreet, topic_ids)

    def _questions_for(self, topic_ids: frozenset[int]) -> list[DigestItem]:
        """The week's active questions in these topics, fetched once per topic set and send."""
        if topic_ids not in self.questions:
            key = (self.send.id, self.send.created_at, topic_ids)
            cached = _QUESTIONS_BY_SEND.get(key)
            if cached is None:
                if len(_QUESTIONS_BY_SEND) > 2000:
                    _QUESTIONS_BY_SEND.clear()
                cached = digest_questions_active_since(
                    since=self.send.created_at - DIGEST_WINDOW, topic_ids=topic_ids
                )
                _QUESTIONS_BY_SEND[key] = cached
            self.questions[topic_ids] = cached
        return self.questions[topic_ids]

    def _render_digest(self, key: tuple[object, ...]) -> Rendered:
        _, article_ids, question_ids, is_member, discreet, topic_ids = key
        by_id = {a.id: a for a in self.articles}
        q_by_id = {q.id: q for q in self._questions_for(topic_ids)}  # type: ignore[arg-type]
        context = {
            "articles": [by_id[i] for i in article_ids],  # type: ignore[attr-defined]
            "questions": [q_by_id[i] for i in question_ids],  # type: ignore[attr-defined]
            "is_member": is_member,
            "discreet": discreet,
            "preview": DISCREET_PREVIEW if discreet else _digest_preview(article_ids, question_ids),
            "preferences_url": PREFS,
            "unsubscribe_url": UNSUB,
        }
        subject, text, html = email_render(template="newsletter/digest", context=context)
        if discreet:
            subject = DISCREET_DIGEST_SUBJECT
        return Rendered(subject=subject, text=text, html=inline_css(html))

    def _render_issue(self, key: tuple[object, ...]) -> Rendered:
        _, discreet = key
        assert self.send.issue is not None
        context = {
            "issue": self.send.issue,
            "intro_html": self.issue_intro_html,
            "intro_text": self.send.issue.intro,
            "articles": self.issue_articles,
            "discreet": discreet,
            "preview": DISCREET_PREVIEW if discreet else self.send.issue.subject,
            "preferences_url": PREFS,
            "unsubscribe_url": UNSUB,
        }
        subject, text, html = email_render(template="newsletter/issue", context=context)
        if discreet:
            subject = DISCREET_ISSUE_SUBJECT
        return Rendered(subject=subject, text=text, html=inline_css(html))

    def rendered_for(self, subscriber: Recipient | Subscriber) -> Rendered | None:
        """The (cached) rendering this subscriber gets, before their links go in."""
        if isinstance(subscriber, Subscriber):
            subscriber = Recipient.of(subscriber)
        if self.send.kind == Send.Kind.DIGEST:
            key = self._digest_key(subscriber)
            if key is None:
                return None
        else:
            key = ("issue", subscriber.discreet)
        rendered = self.cache.get(key)
        if rendered is None:
            rendered = self._rendered_for_send(key)
            self.cache[key] = rendered
        return rendered

    def _rendered_for_send(self, key: tuple[object, ...]) -> Rendered:
        """A rendering kept for the whole send in this process (unsaved sends: none)."""
        send_key = (self.send.id, self.send.created_at, key)
        rendered = _RENDERED_BY_SEND.get(send_key) if self.send.pk else None
        if rendered is None:
            rendered = self._render_digest(key) if key[0] == "digest" else self._render_issue(key)
            if self.send.pk:
                if len(_RENDERED_BY_SEND) >= RENDERED_KEEP:
                    _RENDERED_BY_SEND.clear()
                _RENDERED_BY_SEND[send_key] = rendered
        return rendered

    def email_for(
        self, *, subscriber: Recipient | Subscriber, delivery_id: int
    ) -> OutgoingEmail | None:
        """The finished email for one delivery, or None when a digest would be empty.

        Its Message-ID comes from the delivery's id, so a re-send after a crash carries the
        same one and the receiving side can tell the copies apart from two emails.
        """
        if isinstance(subscriber, Subscriber):
            subscriber = Recipient.of(subscriber)
        rendered = self.rendered_for(subscriber)
        if rendered is None:
            return None
        return OutgoingEmail(
            rendered=rendered,
            subscriber=subscriber,
            message_id=self.message_id(delivery_id),
            boundary=f"=nl-{self.send.id}-{delivery_id}=",
        )

    def message_id(self, delivery_id: int) -> str:
        return message_id_make(kind="nl", key=f"{self.send.id}.{delivery_id}")


def build_message(
    *,
    rendered: Rendered,
    subscriber: Recipient | Subscriber,
    message_id: str,
    connection: object = None,
) -> EmailMultiAlternatives:
    """Put the subscriber's signed links into a rendering and add the RFC 8058 headers."""
    prefs = subscriber_link(subscriber_id=subscriber.id, purpose="preferences")
    unsub = subscriber_link(subscriber_id=subscriber.id, purpose="unsubscribe")
    text = rendered.text.replace(PREFS, prefs).replace(UNSUB, unsub)
    html = rendered.html.replace(PREFS, prefs).replace(UNSUB, unsub)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=sender_for(discreet=subscriber.discreet),
        to=[subscriber.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsub}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Message-ID": message_id,
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _digest_preview(article_ids: object, question_ids: object) -> str:
    articles = len(article_ids)  # type: ignore[arg-type]
    questions = len(question_ids)  # type: ignore[arg-type]
    parts = []
    if articles:
        parts.append(f"{articles} new article{'s' if articles != 1 else ''}")
    if questions:
        parts.append(f"{questions} active question{'s' if questions != 1 else ''}")
    return " and ".join(parts) + " this week."


def _issue_articles(send: Send) -> list[DigestItem]:
    issue = send.issue
    if issue is None or not hasattr(issue, "articles"):
        return []
    from ..selectors import _absolute, _article_path

    return [
        DigestItem(
            id=a.id,
            title=a.title,
            url=_absolute(_article_path(a)),
            when=getattr(a, "published_at", None) or send.created_at,
            summary=getattr(a, "summary", "") or "",
        )
        for a in issue.articles.all()
    ]


def render_preview(*, send: Send, subscriber: Subscriber) -> Rendered | None:
    """Render (for admin's "send a test") exactly what this subscriber would get."""
    return ChunkRenderer(send=send, subscribers=[subscriber]).rendered_for(subscriber)
