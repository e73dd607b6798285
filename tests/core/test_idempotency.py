"""The idempotency key's pieces: the field, the tag, the placeholder and create_once."""

import re
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django import forms
from django.core.cache import cache
from django.db import IntegrityError
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.urls import ResolverMatch
from django.utils import timezone

from catalogue.models import Topic
from core.idempotency import (
    FIELD_NAME,
    IdempotentForm,
    create_once,
    key_new,
    key_parse,
    key_placeholder,
    keys_fill,
    posting_keys_prune,
)
from core.models import PostingKey
from core.page_cache import AnonymousPageCacheMiddleware, csrf_placeholder, page_key
from core.shared_render import personalise
from core.tasks import posting_keys_prune_old
from tests.factories import TopicFactory, UserFactory

KEY_RE = re.compile(r'name="idempotency_key" value="([^"]*)"')


class _PostForm(IdempotentForm):
    body = forms.CharField()


def _render(source: str, context: dict[str, Any], request: Any = None) -> str:
    return engines["django"].from_string("{% load idempotency %}" + source).render(context, request)


@pytest.mark.parametrize(
    "value", [None, "", "not-a-key", "1" * 65, ["a"], 42, str(uuid.uuid4())[:-1] + "x"]
)
def test_key_parse_missing_or_malformed_is_none(value):
    assert key_parse(value) is None


def test_key_parse_reads_a_uuid():
    key = uuid.uuid4()

    assert key_parse(str(key)) == key
    assert key_parse(str(key).upper()) == key


@pytest.mark.parametrize("sent", [None, "", "junk", "x" * 500])
def test_idempotency_key_field_never_fails_a_form(sent):
    data = {"body": "Hello"} | ({} if sent is None else {FIELD_NAME: sent})

    form = _PostForm(data)

    assert form.is_valid(), form.errors
    assert form.cleaned_data[FIELD_NAME] is None


def test_idempotency_key_field_cleans_to_the_sent_uuid():
    key = key_new()

    form = _PostForm({"body": "Hello", FIELD_NAME: key})

    assert form.is_valid()
    assert form.cleaned_data[FIELD_NAME] == uuid.UUID(key)


def test_idempotency_key_field_tag_renders_a_fresh_key_for_each_new_form():
    first = KEY_RE.findall(_render("{% idempotency_key_field form %}", {"form": _PostForm()}))
    second = KEY_RE.findall(_render("{% idempotency_key_field %}{% idempotency_key_field %}", {}))

    assert len(first) == 1
    assert len(second) == 2
    assert len({*first, *second}) == 3
    assert all(key_parse(key) for key in [*first, *second])


def test_idempotency_key_field_tag_keeps_the_key_of_a_form_sent_back_with_an_error():
    key = key_new()
    form = _PostForm({"body": "", FIELD_NAME: key})
    assert not form.is_valid()

    html = _render("{% idempotency_key_field form %}", {"form": form})

    assert KEY_RE.findall(html) == [key]


def test_idempotency_key_field_tag_gives_a_new_key_when_the_form_sent_a_bad_one():
    form = _PostForm({"body": "", FIELD_NAME: "junk"})

    (key,) = KEY_RE.findall(_render("{% idempotency_key_field form %}", {"form": form}))

    assert key_parse(key) is not None


def test_idempotency_key_field_tag_writes_the_placeholder_where_the_csrf_token_is_one():
    form = _PostForm({"body": "", FIELD_NAME: key_new()})
    context = {"form": form, "csrf_token": csrf_placeholder()}

    html = _render("{% idempotency_key_field form %}{% idempotency_key_field %}", context)

    assert KEY_RE.findall(html) == [key_placeholder(), key_placeholder()]


def test_idempotency_key_field_tag_writes_the_placeholder_while_rendering_for_the_page_cache(rf):
    request = rf.get("/")
    request._page_cache_render = True

    html = _render("{% csrf_token %}{% idempotency_key_field %}", {}, request)

    assert KEY_RE.findall(html) == [key_placeholder()]
    assert csrf_placeholder() in html


def test_keys_fill_gives_each_form_its_own_fresh_key():
    shared = _render(
        "{% idempotency_key_field %}{% idempotency_key_field %}",
        {"csrf_token": csrf_placeholder()},
    )

    first, second = KEY_RE.findall(keys_fill(shared)), KEY_RE.findall(keys_fill(shared))

    assert len({*first, *second}) == 4
    assert key_placeholder() not in keys_fill(shared)


def test_personalise_puts_fresh_keys_into_a_members_shared_copy(rf):
    shared = _render(
        "{% csrf_token %}{% idempotency_key_field %}", {"csrf_token": csrf_placeholder()}
    )

    mine = personalise(shared, request=rf.get("/"), swaps=[])
    theirs = personalise(shared, request=rf.get("/"), swaps=[])

    assert key_placeholder() not in mine
    assert csrf_placeholder() not in mine
    assert KEY_RE.findall(mine) != KEY_RE.findall(theirs)


@pytest.mark.django_db
def test_page_cache_never_stores_a_key_and_each_visitor_gets_their_own(settings):
    # given a public page with a posting form on it (none has one today; one may tomorrow)
    settings.PAGE_CACHE_VERSION_SECONDS = 0

    def view(request):
        request.resolver_match = ResolverMatch(lambda: None, (), {}, url_name="home")
        template = engines["django"].from_string(
            "{% load idempotency %}<form>{% csrf_token %}{% idempotency_key_field %}</form>"
        )
        return HttpResponse(template.render({}, request))

    middleware = AnonymousPageCacheMiddleware(view)
    requests = [RequestFactory().get("/") for _ in range(3)]

    responses = [middleware(request) for request in requests]

    keys = [KEY_RE.findall(response.content.decode()) for response in responses]  # type: ignore[attr-defined]
    assert [response["X-Page-Cache"] for response in responses] == ["miss", "hit", "hit"]
    assert all(len(found) == 1 and key_parse(found[0]) for found in keys)
    assert len({found[0] for found in keys}) == 3
    stored = cache.get(page_key(requests[0]))["body"].decode()
    assert KEY_RE.findall(stored) == [key_placeholder()]


@pytest.fixture
def author(db: None):
    return UserFactory.create()


def _make_topic() -> Topic:
    return TopicFactory.create()


def test_create_once_without_a_key_creates_every_time(author):
    first = create_once(author=author, key=None, model=Topic, create=_make_topic)
    second = create_once(author=author, key=None, model=Topic, create=_make_topic)

    assert first.pk != second.pk
    assert not PostingKey.objects.exists()


def test_create_once_same_key_returns_the_first_post_without_creating_again(author):
    key = uuid.uuid4()
    calls = []

    def make() -> Topic:
        calls.append(1)
        return _make_topic()

    first = create_once(author=author, key=key, model=Topic, create=make)
    second = create_once(author=author, key=key, model=Topic, create=make)

    assert second.pk == first.pk
    assert len(calls) == 1
    claim = PostingKey.objects.get()
    assert (claim.author_id, claim.key, claim.kind, claim.object_id) == (
        author.pk,
        key,
        "catalogue.topic",
        first.pk,
    )


def test_create_once_keys_belong_to_their_author(author):
    key = uuid.uuid4()

    mine = create_once(author=author, key=key, model=Topic, create=_make_topic)
    theirs = create_once(author=UserFactory.create(), key=key, model=Topic, create=_make_topic)

    assert mine.pk != theirs.pk


def test_create_once_key_of_another_kind_posts_as_without_a_key(author):
    key = uuid.uuid4()
    create_once(author=author, key=key, model=Topic, create=_make_topic)

    other = create_once(author=author, key=key, model=type(author), create=UserFactory.create)

    assert other.pk != author.pk
    assert PostingKey.objects.get().kind == "catalogue.topic"


def test_create_once_failed_create_leaves_the_key_unused(author):
    key = uuid.uuid4()

    def refuse() -> Topic:
        raise IntegrityError("the post could not be saved")

    with pytest.raises(IntegrityError):
        create_once(author=author, key=key, model=Topic, create=refuse)
    created = create_once(author=author, key=key, model=Topic, create=_make_topic)

    assert Topic.objects.filter(pk=created.pk).exists()
    assert PostingKey.objects.get().object_id == created.pk


def test_create_once_key_whose_post_is_gone_posts_again(author):
    key = uuid.uuid4()
    create_once(author=author, key=key, model=Topic, create=_make_topic).delete()

    again = create_once(author=author, key=key, model=Topic, create=_make_topic)
    retried = create_once(author=author, key=key, model=Topic, create=_make_topic)

    assert Topic.objects.filter(pk=again.pk).exists()
    assert retried.pk == again.pk


def test_posting_keys_prune_drops_keys_older_than_a_day_only(author):
    old = PostingKey.objects.create(author=author, key=uuid.uuid4(), kind="x.y", object_id=1)
    PostingKey.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    recent = PostingKey.objects.create(author=author, key=uuid.uuid4(), kind="x.y", object_id=2)

    assert posting_keys_prune() == 1

    assert list(PostingKey.objects.all()) == [recent]


def test_posting_keys_prune_old_task_is_scheduled_and_idempotent(author, settings):
    old = PostingKey.objects.create(author=author, key=uuid.uuid4(), kind="x.y", object_id=1)
    PostingKey.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))

    assert posting_keys_prune_old() == 1
    assert posting_keys_prune_old() == 0

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "core.tasks.posting_keys_prune_old" in scheduled
