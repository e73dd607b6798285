"""No staff page leads from a member to her anonymous posts, or back, without a logged reveal.

The walk visits every ModelAdmin of a moderated kind, of moderation's own models, of the apps
that register moderated kinds, of members and of the outbox: each changelist bare, with every
list filter choice, with every lookup on a relation to the member, with her name, handle and
email searched, and their combinations; then her pages and the anonymous posts' own pages.
A superuser with two-factor is the strongest staff account, so it is the one that looks.
"""

import re
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse

from core.mail.models import OutboxMessage
from forum.models import Answer, Question
from forum.services import anonymous_reveal
from moderation import services
from moderation.models import (
    ModerationCase,
    ModerationLogEntry,
    ModerationState,
    Report,
    ReportReason,
)
from moderation.registry import moderated_types
from tests.accounts.two_factor import login_with_second_factor, totp_activate
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ANONYMOUS_TEXTS = [
    "Quietly terrified ANONQ",
    "ANONQ-BODY",
    "ANONA-BODY",
    "ANONB-BODY",
    "ANONC-BODY",
]


@dataclass
class World:
    writer: Any
    only_anonymous_writer: Any
    anonymous_question: Question
    anonymous_answer: Answer
    named_question: Question
    named_answer: Answer
    anonymous_markers: list[str] = field(default_factory=list)
    identity_markers: list[str] = field(default_factory=list)
    identity_searches: list[str] = field(default_factory=list)


def _admin_url(obj: Any, view: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def _identity(member: Any) -> list[str]:
    return [
        member.display_name,
        member.handle,
        member.email,
        reverse("admin:moderation_member", args=[member.pk]),
        _admin_url(member),
        member.get_absolute_url(),
    ]


@pytest.fixture
def world(moderator: Any) -> World:
    # given a writer with named and anonymous posts, all reported, one hidden, one revealed
    writer = UserFactory.create(
        display_name="Zelda Quintessa", handle="zquintessa", email="zelda.q@example.org"
    )
    only_anonymous_writer = UserFactory.create(
        display_name="Yolanda Verity", handle="yverity", email="yolanda.v@example.org"
    )
    stranger, reporter = UserFactory.create(), UserFactory.create()
    elsewhere = QuestionFactory.create(author=stranger, title="Where do you park at the clinic?")
    anonymous_question = QuestionFactory.create(
        author=writer, is_anonymous=True, title="Quietly terrified ANONQ", body="ANONQ-BODY"
    )
    anonymous_answer = AnswerFactory.create(
        question=elsewhere, author=writer, is_anonymous=True, body="ANONA-BODY"
    )
    only_anonymous = AnswerFactory.create(
        question=elsewhere, author=only_anonymous_writer, is_anonymous=True, body="ANONB-BODY"
    )
    rejected = AnswerFactory.create(
        question=elsewhere,
        author=writer,
        is_anonymous=True,
        body="ANONC-BODY",
        moderation_state=ModerationState.PENDING,
    )
    named_question = QuestionFactory.create(author=writer, title="Named worry", body="NAMED-Q")
    named_answer = AnswerFactory.create(question=elsewhere, author=writer, body="NAMED-A")
    for item in (anonymous_question, anonymous_answer, only_anonymous, named_question):
        services.report_create(reporter=reporter, item=item, reason=ReportReason.SPAM)
    services.content_hide(item=anonymous_answer, moderator=moderator, reason="Spam")
    services.content_hide(item=only_anonymous, moderator=moderator, reason="Spam")
    anonymous_reveal(moderator=moderator, item=anonymous_question, reason="Threat to a member")
    revealed = services.anonymous_author_for_sanction(
        item=anonymous_answer, moderator=moderator, reason="Repeated spam"
    )
    services.member_warn(
        member=revealed, moderator=moderator, reason="Repeated spam", item=anonymous_answer
    )
    # The rejection email quotes the post to its author: an outbox row with her address.
    services.content_reject(item=rejected, moderator=moderator, reason="Medical claim")

    world = World(
        writer,
        only_anonymous_writer,
        anonymous_question,
        anonymous_answer,
        named_question,
        named_answer,
    )
    anonymous: list[Any] = [anonymous_question, anonymous_answer, only_anonymous, rejected]
    cases = ModerationCase.objects.filter(author_anonymous=True)
    assert cases.count() == len(anonymous) - 1  # the rejected post was never on the queue
    entries = [
        entry
        for item in anonymous
        for entry in ModerationLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        )
    ]
    world.anonymous_markers = [
        *ANONYMOUS_TEXTS,
        *[_admin_url(item) for item in anonymous],
        *[item.get_absolute_url() for item in anonymous],
        *[_admin_url(case) for case in cases],
        *[_admin_url(report) for report in Report.objects.filter(case__in=cases)],
        *[_admin_url(entry) for entry in entries],
    ]
    world.identity_markers = [*_identity(writer), *_identity(only_anonymous_writer)]
    world.identity_searches = [
        value
        for member in (writer, only_anonymous_writer)
        for value in (member.display_name, member.handle, member.email)
    ]
    return world


@pytest.fixture
def staff_client(client: Client, superuser: Any, settings: Any) -> Client:
    # As staff sign in: the password, then the code (the second factor in this session).
    settings.STAFF_REQUIRE_2FA = True
    login_with_second_factor(client, superuser, totp_activate(superuser))
    return client


def _walked_admins() -> list[tuple[type[models.Model], admin.ModelAdmin]]:
    """Admins of moderated kinds, of the apps that register them, of moderation, members, mail."""
    apps = {t.model._meta.app_label for t in moderated_types()} | {"moderation", "mail"}
    user_model = get_user_model()
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in apps or model is user_model
    ]


def _member_lookups(model: type[models.Model], member_pk: int) -> list[dict[str, str]]:
    """Every way to filter on a member: each relation to users, directly or one step away."""
    user_model = get_user_model()
    lookups: list[dict[str, str]] = []
    if model is user_model:
        lookups.append({"id__exact": str(member_pk)})
    for relation in model._meta.get_fields():
        if not (relation.is_relation and relation.many_to_one and relation.concrete):
            continue
        target = relation.related_model
        if target is user_model:
            for lookup in (relation.name, f"{relation.name}__id__exact", relation.attname):
                lookups.append({lookup: str(member_pk)})
        elif isinstance(target, type):
            for hop in target._meta.get_fields():
                if hop.is_relation and hop.many_to_one and hop.related_model is user_model:
                    lookups.append({f"{relation.name}__{hop.name}": str(member_pk)})
    return lookups


def _filter_choices(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    changelist = response.context["cl"]
    choices: list[dict[str, str]] = []
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            choices.append(dict(parse_qsl(choice["query_string"].lstrip("?"))))
    if changelist.date_hierarchy:
        choices.append({f"{changelist.date_hierarchy}__year": "2000"})
    return choices


def _rows(html: str) -> list[str]:
    return re.split(r"<tr[\s>]", html)[1:]


def _assert_no_link(url: str, html: str, world: World, *, keyed: bool) -> None:
    if keyed:
        # Reached from her identity: none of her anonymous posts may be on the page.
        leaked = [m for m in world.anonymous_markers if m in html]
        assert not leaked, f"{url} shows {leaked}"
    for row in _rows(html):
        # Any page: no row puts an anonymous post beside a member's identity.
        if any(m in row for m in world.anonymous_markers):
            named = [m for m in world.identity_markers if m in row]
            assert not named, f"{url} names {named} beside an anonymous post"


def _visit(client: Client, base: str, params: dict[str, str], world: World, keyed: bool) -> None:
    url = f"{base}?{urlencode(params)}" if params else base
    response = client.get(url)
    # Django refuses lookups it does not allow (400) or cannot apply (redirect with ?e=1).
    assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST), url
    if response.status_code == HTTPStatus.OK:
        _assert_no_link(url, response.content.decode(), world, keyed=keyed)


def test_admin_changelists_never_lead_from_a_member_to_her_anonymous_posts(staff_client, world):
    walked = _walked_admins()
    assert {Question, Answer, ModerationCase, Report, ModerationLogEntry} <= {m for m, _ in walked}

    for model, model_admin in walked:
        base = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        choices = [{}, *_filter_choices(staff_client, base)]
        keys: list[dict[str, str]] = []
        for member in (world.writer, world.only_anonymous_writer):
            keys += _member_lookups(model, member.pk)
        if model_admin.get_search_fields(None):  # type: ignore[arg-type]
            keys += [{"q": value} for value in world.identity_searches]
        for key in keys:
            _visit(staff_client, base, key, world, keyed=True)
        # Each filter choice and the date, alone and narrowed to her (her first lookup).
        for choice in choices:
            _visit(staff_client, base, choice, world, keyed=False)
            if keys:
                _visit(staff_client, base, {**choice, **keys[0]}, world, keyed=True)


def test_admin_member_pages_never_list_her_anonymous_posts(staff_client, world):
    members = reverse("admin:moderation_members")
    pages = [
        f"{members}?{urlencode({'q': value, 'reported': reported})}"
        for value in ["", *world.identity_searches]
        for reported in ("", "open", "ever")
    ]
    for member in (world.writer, world.only_anonymous_writer):
        outbox = OutboxMessage.objects.filter(to_email=member.email)
        pages += [_admin_url(message) for message in outbox]
        pages += [
            reverse("admin:moderation_member", args=[member.pk]),
            _admin_url(member),
            _admin_url(member, "history"),
            _admin_url(member, "delete"),
        ]

    for url in pages:
        response = staff_client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        _assert_no_link(url, response.content.decode(), world, keyed=True)


def test_admin_member_lists_and_counts_leave_out_anonymous_reports_and_hides(staff_client, world):
    members = reverse("admin:moderation_members")
    detail = reverse("admin:moderation_member", args=[world.only_anonymous_writer.pk])

    reported = [staff_client.get(f"{members}?reported={r}") for r in ("open", "ever")]
    page = staff_client.get(detail)

    for response in reported:
        assert world.only_anonymous_writer.display_name not in response.content.decode()
    assert (page.context["member"].author_reports, page.context["member"].author_hidden) == (0, 0)
    assert list(page.context["cases"]) == []
    assert list(page.context["log_entries"]) == []


def test_admin_pages_of_an_anonymous_post_never_name_its_author(staff_client, world):
    anonymous = [world.anonymous_question, world.anonymous_answer]
    cases = list(ModerationCase.objects.filter(author_anonymous=True))
    objects: list[Any] = [
        *anonymous,
        *cases,
        *Report.objects.filter(case__in=cases),
        *ModerationLogEntry.objects.filter(member=world.writer),
    ]
    pages = [_admin_url(obj, view) for obj in objects for view in ("change", "history")]
    author = world.writer
    pages += [
        f"{reverse('admin:autocomplete')}?{urlencode(params)}"
        for params in (
            {"app_label": "forum", "model_name": "answer", "field_name": "author", "term": "Z"},
            {"app_label": "forum", "model_name": "question", "field_name": "author", "term": "Z"},
        )
    ]

    for url in pages:
        response = staff_client.get(url)
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FORBIDDEN), url
        html = response.content.decode()
        if "/autocomplete/" in url:
            leaked = [m for m in world.anonymous_markers if m in html]
        else:
            leaked = [m for m in _identity(author) if m in html]
        assert not leaked, f"{url} shows {leaked}"


def test_admin_log_shows_no_member_beside_an_anonymous_post(staff_client, world):
    response = staff_client.get(reverse("admin:moderation_moderationlogentry_changelist"))

    shown = {
        (entry.action, entry.on_anonymous_item, entry.member_id)
        for entry in response.context["cl"].result_list
    }
    rows = [r for r in _rows(response.content.decode()) if "ANONA-BODY" in r]
    assert rows
    assert all("the anonymous author" in row for row in rows)
    assert (ModerationLogEntry.Action.WARN, True, world.writer.pk) in shown


def test_admin_queue_sorted_by_author_puts_anonymous_cases_apart(staff_client, world):
    changelist = reverse("admin:moderation_moderationcase_changelist")
    column = 1 + list(admin.site._registry[ModerationCase].list_display).index("author_link")

    response = staff_client.get(f"{changelist}?status=all&o={column}")

    anonymous = [case.author_anonymous for case in response.context["cl"].result_list]
    # One block without a name (first or last, as the database sorts NULL), never each case
    # among its author's named ones.
    assert anonymous in ([True, True, True, False], [False, True, True, True])


def test_admin_content_form_keeps_the_anonymous_flag_read_only(staff_client, world):
    url = _admin_url(world.anonymous_question)

    form = staff_client.get(url).context["adminform"].form

    assert "is_anonymous" not in form.fields
    assert "author" not in form.fields


def test_admin_list_filter_on_an_author_is_refused_by_the_check():
    from moderation.admin_anonymity import AnonymousAuthorAdminMixin

    class LeakyAdmin(AnonymousAuthorAdminMixin, admin.ModelAdmin):
        list_filter = ["author"]

    errors = LeakyAdmin(Answer, admin.site).check()

    assert "moderation.E001" in [e.id for e in errors]


def test_reveal_view_still_names_the_author_and_logs_the_look(staff_client, world, superuser):
    url = reverse("forum:reveal", kwargs={"kind": "answer", "pk": world.anonymous_answer.pk})

    response = staff_client.post(url, {"reason": "Checking a threat against a member"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["author"] == world.writer
    assert ModerationLogEntry.objects.filter(
        actor=superuser,
        action=ModerationLogEntry.Action.REVEAL_ANONYMOUS,
        object_id=world.anonymous_answer.pk,
        reason="Checking a threat against a member",
    ).exists()


# --- Missing or malformed ids answer as Django's admin does for every model ----------------


def _id_urls(model: type[models.Model], object_id: str) -> dict[str, str]:
    base = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    urls = {}
    for view in ("change", "history", "delete"):
        try:
            urls[view] = reverse(f"{base}_{view}", args=[object_id])
        except NoReverseMatch:
            continue
    return urls


@pytest.mark.parametrize("object_id", ["abc", "999999", "99999999999999999999999", "1.5", "-1"])
def test_admin_moderation_urls_with_a_bad_id_answer_like_django_admin(staff_client, object_id):
    from catalogue.models import Topic

    reference = {view: staff_client.get(url) for view, url in _id_urls(Topic, object_id).items()}
    models_walked = [m for m, _ in _walked_admins() if m._meta.app_label in ("moderation", "forum")]

    for model in models_walked:
        for view, url in _id_urls(model, object_id).items():
            response = staff_client.get(url)
            expected = reference[view]
            if view == "delete" and response.status_code == HTTPStatus.FORBIDDEN:
                continue  # nobody deletes these by hand, whatever the id
            assert response.status_code == expected.status_code, url
            assert response["Location"] == expected["Location"], url


@pytest.mark.parametrize("object_id", ["abc", "999999", "99999999999999999999999"])
def test_admin_moderation_member_page_with_a_bad_id_is_not_found(staff_client, object_id):
    response = staff_client.get(f"/admin/moderation/members/{object_id}/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_admin_member_delete_page_lists_no_anonymous_post(rf, world, superuser):
    from moderation.admin_anonymity import ANONYMOUS_POST_NOT_LISTED

    # Today the page shows the lacking permissions first; the list must hold when it does not.
    request = rf.get("/")
    request.user = superuser
    user_admin = admin.site._registry[get_user_model()]

    deleted, counts, _, protected = user_admin.get_deleted_objects([world.writer], request)

    listed = " ".join(map(str, [*deleted, *protected]))
    assert [m for m in world.anonymous_markers if m in listed] == []
    assert "Named worry" in listed
    assert ANONYMOUS_POST_NOT_LISTED in protected
    assert counts["users"] == 1
