"""Every write of the articles app: rendering articles, comments, hugs and reply emails."""

import logging
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import Truncator

from accounts.models import User
from core.hugs import NotHuggable, hug_toggle
from core.idempotency import create_once
from core.mail.services import email_enqueue
from core.markdown import render_article_markdown, render_member_markdown
from core.public_pages import public_pages_changed
from core.viewer import Viewer, viewer_is_member
from moderation.models import ModerationState
from moderation.policy import moderation_decide, posting_limits_check, posting_refusal
from moderation.services import content_after_create, content_recheck_after_edit
from notifications.services import notify

from .models import COMMENT_MAX_LENGTH, Article, Comment, CommentHug
from .rendering import internalise_links

logger = logging.getLogger(__name__)


def article_render(*, article: Article) -> None:
    """Render the Markdown body to sanitised HTML and its table of contents (no save)."""
    rendered = render_article_markdown(article.body_markdown)
    article.body_html = internalise_links(rendered.html)
    article.toc = [
        {"level": heading.level, "anchor": heading.anchor, "text": heading.text}
        for heading in rendered.headings
    ]


def article_save(*, article: Article) -> Article:
    """Render once, then save: the one save path for articles (admin, demo, tests)."""
    text_fields = ("title", "summary", "key_points", "body_markdown", "sponsor_disclosure")
    if any("\x00" in (getattr(article, name) or "") for name in text_fields):
        raise ValidationError("Articles cannot contain NUL characters.")
    article_render(article=article)
    article.full_clean(exclude=["search_vector"])
    article.save()
    return article


def article_comment_recount(*, article_id: int) -> None:
    """Store how many visible comments and replies an article has (one UPDATE)."""
    visible = (
        Comment.objects.filter(article_id=OuterRef("pk"), moderation_state=ModerationState.VISIBLE)
        .order_by()
        .values("article_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    Article.objects.filter(pk=article_id).update(
        comment_count=Coalesce(Subquery(visible), Value(0))
    )
    # update() sends no signal, and visitors see the count on the article and in lists.
    public_pages_changed()


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if "\x00" in body:
        raise ValidationError("Your comment contains a character we cannot store.")
    if not body:
        raise ValidationError("Please write something before posting.")
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError(f"Please keep comments under {COMMENT_MAX_LENGTH} characters.")
    return body


def _posting_check(user: User) -> None:
    refusal = posting_refusal(user)
    if refusal:
        raise PermissionDenied(refusal)


def comment_create(
    *,
    article: Article,
    author: User,
    body: str,
    parent: Comment | None = None,
    idempotency_key: UUID | None = None,
) -> Comment:
    """Create a comment or reply (visible or pending under the trust rules); may raise
    PermissionDenied, ValidationError or PostingLimitExceeded. The reply email goes after commit.
    A key this author already posted with returns that comment, whatever else was sent.
    """
    return create_once(
        author=author,
        key=idempotency_key,
        model=Comment,
        create=lambda: _comment_create(article=article, author=author, body=body, parent=parent),
    )


@transaction.atomic
def _comment_create(
    *, article: Article, author: User, body: str, parent: Comment | None
) -> Comment:
    _posting_check(author)
    if not article.is_public:
        raise PermissionDenied("Comments open when the article is published.")
    body = _clean_body(body)
    if parent is not None:
        if parent.article_id != article.pk:
            raise ValidationError("A reply must belong to the same article as its comment.")
        # One level of nesting: a reply to a reply joins the same thread.
        if parent.parent_id is not None:
            parent = Comment.objects.select_related("author").get(pk=parent.parent_id)
        if parent.moderation_state != ModerationState.VISIBLE:
            raise ValidationError("That comment is no longer open for replies.")
    kind = "reply" if parent is not None else "comment"
    posting_limits_check(author=author, kind=kind, text=body)
    decision = moderation_decide(author=author, text=body)
    comment = Comment(
        article=article,
        author=author,
        parent=parent,
        body=body,
        body_html=render_member_markdown(body),
        moderation_state=decision.state,
    )
    comment.full_clean(exclude=["search_vector"])
    comment.save()
    # Held or alarming comments join the moderators' queue, with the reason they were held.
    content_after_create(item=comment, held_reason=decision.held_reason)
    article_comment_recount(article_id=article.pk)
    comment_reply_notify(comment=comment)
    return comment


def comment_can_edit(*, comment: Comment, user: Viewer, now: datetime | None = None) -> bool:
    """The author, within the edit window (Comment.edit_window_open), while not removed."""
    if not viewer_is_member(user) or comment.author_id != user.pk:
        return False
    if comment.moderation_state not in (ModerationState.VISIBLE, ModerationState.PENDING):
        return False
    return comment.edit_window_open(now=now)


@transaction.atomic
def comment_update(*, comment: Comment, editor: User, body: str) -> Comment:
    """Change a comment's text: only its author, only inside the edit window (checked here)."""
    _posting_check(editor)
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if not comment_can_edit(comment=locked, user=editor):
        raise PermissionDenied(
            f"Comments can be edited for {settings.EDIT_WINDOW_MINUTES} minutes after posting."
        )
    body = _clean_body(body)
    if body == locked.body:
        return locked
    old_body = locked.body
    locked.body = body
    locked.body_html = render_member_markdown(body)
    locked.is_edited = True
    locked.edited_at = timezone.now()
    locked.save(update_fields=["body", "body_html", "is_edited", "edited_at"])
    # An edit meets the trust rules a new post would (a link or a "message me privately"
    # added after the fact goes back to review, and moderation recounts the article).
    content_recheck_after_edit(item=locked, editor=editor, old_text=old_body, text=body)
    return locked


@transaction.atomic
def comment_delete(*, comment: Comment, actor: User) -> Comment:
    """The author removes their comment: its text is erased; replies keep a placeholder."""
    if not actor.is_authenticated or comment.author_id != actor.pk:
        raise PermissionDenied("Only the person who wrote a comment can delete it.")
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    if locked.moderation_state == ModerationState.REMOVED:
        return locked
    locked.moderation_state = ModerationState.REMOVED
    locked.moderated_at = timezone.now()
    locked.body = ""
    locked.body_html = ""
    locked.save(update_fields=["moderation_state", "moderated_at", "body", "body_html"])
    article_comment_recount(article_id=locked.article_id)
    return locked


@transaction.atomic
def comment_hug_set(*, member: User, target: Comment, hugged: bool) -> int:
    """Give or take back a member's hug on a visible comment (idempotent); returns the count.

    Refused with the posting rule's reason when the member may not post, and with NotHuggable
    when the comment is pending, hidden or removed.
    """
    refusal = posting_refusal(member)
    if refusal:
        raise PermissionDenied(refusal)
    if target.moderation_state != ModerationState.VISIBLE:
        raise NotHuggable("This comment cannot be hugged.")
    return hug_toggle(
        hug_model=CommentHug, target=target, target_field="comment", member=member, hugged=hugged
    )


def comment_reply_notify(*, comment: Comment) -> bool:
    """Tell the parent's author about a visible reply, at most once: under the bell, and by
    this email when her preference for replies says "at once" (the outbox sends after
    commit). Returns whether she was told.
    """
    if comment.parent_id is None or comment.moderation_state != ModerationState.VISIBLE:
        return False
    parent = Comment.objects.select_related("author", "article").get(pk=comment.parent_id)
    recipient = parent.author
    if (
        recipient.pk == comment.author_id
        or not recipient.is_active
        or recipient.erased_at is not None
        or parent.moderation_state != ModerationState.VISIBLE
    ):
        return False
    # The flag is the promise: whoever flips it sends, so approval after a hold cannot repeat.
    if not Comment.objects.filter(pk=comment.pk, reply_notified=False).update(reply_notified=True):
        return False
    article = parent.article

    def email() -> None:
        email_enqueue(
            template="articles/reply",
            to=recipient.email,
            context={
                "recipient_name": recipient.public_name,
                "replier_name": comment.author.public_name,
                "article_title": article.title,
                "excerpt": Truncator(comment.body).chars(400),
                "reply_url": f"{settings.SITE_URL}{comment.get_absolute_url()}",
                "preferences_url": f"{settings.SITE_URL}/accounts/settings/#notifications",
            },
        )

    row = notify(
        kind="article_reply", recipient=recipient, actor=comment.author, target=comment, email=email
    )
    return row is not None


def comment_after_state_change(*, comment: Comment) -> None:
    """Moderation changed a comment's state: recount, and tell the parent's author once."""
    article_comment_recount(article_id=comment.article_id)
    comment_reply_notify(comment=comment)
