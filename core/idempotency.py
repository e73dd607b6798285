"""One post per form, however often it is sent: the idempotency key of every posting form.

Each posting form (a question, an answer, a reply, a comment, and every kind to come) carries a
hidden `idempotency_key`, a random UUID rendered fresh into each new form. A form re-rendered
after an error keeps the key it was sent with, so fixing the text and sending again still makes
one post. The service that creates the post runs under the key (`create_once`): the first
request claims the key in `PostingKey`, whose unique constraint on (author, key) makes a second
request with the same key (a double click, a retry, the same form in two tabs) wait for the
first one's transaction and then answer with the post it made, never a second post and never
a "duplicate" message. A missing or malformed key (a tab opened before keys existed, a bot)
falls back to the posting rules alone, including the duplicate-text rule.

Why one table of used keys rather than a key column on each post model: one constraint and
one migration serve every kind, so a new kind only calls `create_once`; the key is claimed
before the posting rules run, so a second request never reaches the duplicate-text rule or
makes a moderation case; and the content tables, their exports and admin stay as they were.

A key belongs to one member and one form render: it must never be stored in a copy shared
between members. Wherever the CSRF token is a placeholder (the anonymous page cache, the
members' shared renderings), the `{% idempotency_key_field %}` tag writes a placeholder too,
and `keys_fill` puts a fresh key in each form when the copy is served, as the CSRF token is.
"""

import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache as memoize
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.safestring import SafeString

from .form_fields import CommunityForm
from .models import PostingKey
from .viewer import Viewer

FIELD_NAME = "idempotency_key"
# Keys only have to outlive a double click or a retry; older ones are pruned (core.tasks).
KEEP_KEYS_FOR = timedelta(days=1)
_MAX_KEY_LENGTH = 64

Post = TypeVar("Post", bound=models.Model)


def key_new() -> str:
    """A fresh key for one render of one posting form."""
    return str(uuid.uuid4())


def key_parse(value: object) -> uuid.UUID | None:
    """The key a form sent, or None when it is missing or malformed (never an error)."""
    if isinstance(value, uuid.UUID):
        return value
    if not isinstance(value, str) or not value or len(value) > _MAX_KEY_LENGTH:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


class IdempotencyKeyField(forms.Field):
    """The hidden key: cleans to a UUID or None, and never fails a form."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> uuid.UUID | None:
        return key_parse(value)

    def validate(self, value: Any) -> None:
        """Any value is acceptable: a bad key only means posting without one."""


class IdempotentForm(CommunityForm):
    """Base of every posting form; templates render the key with `{% idempotency_key_field %}`."""

    idempotency_key = IdempotencyKeyField()


def form_key(form: forms.BaseForm | None) -> str | None:
    """The key this form was sent with (or given as initial), to render it again; else None."""
    if form is None or FIELD_NAME not in form.fields:
        return None
    parsed = key_parse(form[FIELD_NAME].value())
    return str(parsed) if parsed is not None else None


@memoize
def key_placeholder() -> str:
    """Stands in for a key in a copy shared between members or visitors. Derived from
    SECRET_KEY, so every process agrees on it and nobody can type it into a post."""
    return "idempotency-placeholder-" + salted_hmac("core.idempotency", "key").hexdigest()[:32]


def field_html(key: str) -> SafeString:
    """The hidden input carrying `key` (or the placeholder)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, key)


def keys_fill(html: str) -> str:
    """A shared copy with a fresh key of its own in each posting form's placeholder."""
    placeholder = key_placeholder()
    if placeholder not in html:
        return html
    return re.sub(re.escape(placeholder), lambda _: key_new(), html)


def keys_fill_bytes(content: bytes) -> bytes:
    """`keys_fill` for a response body."""
    placeholder = key_placeholder().encode()
    if placeholder not in content:
        return content
    return re.sub(re.escape(placeholder), lambda _: key_new().encode(), content)


def create_once(
    *, author: Viewer, key: uuid.UUID | None, model: type[Post], create: Callable[[], Post]
) -> Post:
    """Run `create` under the member's key, or return the post that key already created.

    The key is claimed before `create` runs, in the same transaction: a second request with the
    same key waits on the unique constraint until the first commits, then answers with its post
    (or, if the first rolled back, creates one itself). Without a key, or with a key that
    created another kind of post, `create` just runs.
    """
    if key is None:
        return create()
    kind = model._meta.label_lower
    with transaction.atomic():
        claim, claimed = _claim(author=author, key=key, kind=kind)
        if not claimed:
            if claim.kind != kind:  # a key sent to another kind's form: as if it had none
                return create()
            earlier: Post | None = model._default_manager.filter(pk=claim.object_id).first()
            if earlier is not None:
                return earlier
            # The post it made was deleted since: this one takes the key over.
        post = create()
        claim.object_id = post.pk
        claim.save(update_fields=["object_id"])
        return post


def _claim(*, author: Viewer, key: uuid.UUID, kind: str) -> tuple[PostingKey, bool]:
    """The key's row, and whether this request just took it."""
    try:
        # A savepoint: a key already taken must not break the transaction we answer in.
        with transaction.atomic():
            return PostingKey.objects.create(author_id=author.pk, key=key, kind=kind), True
    except IntegrityError:
        # Raised only once the request holding the key has committed (PostgreSQL makes this
        # insert wait for it), so the post it made is there to read.
        return PostingKey.objects.get(author_id=author.pk, key=key), False


def posting_keys_prune(*, now: datetime | None = None) -> int:
    """Delete keys older than KEEP_KEYS_FOR; returns how many. Idempotent."""
    cutoff = (now or timezone.now()) - KEEP_KEYS_FOR
    deleted, _ = PostingKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
