"""Who reaches which part of admin, the queue's query budget, and the log's immutability."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from moderation import services
from moderation.models import (
    MemberSanction,
    ModerationCase,
    ModerationLogEntry,
    ProfileBioModeration,
    Report,
    ReportReason,
)
from moderation.registry import moderated_types
from tests.factories import UserFactory

MODERATION_MODELS = [
    ModerationCase,
    Report,
    MemberSanction,
    ProfileBioModeration,
    ModerationLogEntry,
]
ROLES = ["superuser", "moderator", "editor", "member", "anonymous"]


@pytest.fixture
def world(item, moderator, member):
    """One of everything moderation keeps, so change, delete and history pages have objects."""
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    services.member_warn(member=item.author, moderator=moderator, reason="Be kind")
    services.content_hide(item=item, moderator=moderator, reason="Spam")
    services.report_create(reporter=member, item=item.author, reason=ReportReason.OTHER, note="bio")
    services.content_hide(item=item.author, moderator=moderator, reason="Bio scam")
    return item


@pytest.fixture
def login_as(client, superuser, moderator, editor, member):
    users = {"superuser": superuser, "moderator": moderator, "editor": editor, "member": member}

    def login(role: str) -> Any:
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        return client

    return login


def _urls(model: Any, obj: Any) -> dict[str, str]:
    opts = model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    return {
        "changelist": reverse(f"{base}_changelist"),
        "add": reverse(f"{base}_add"),
        "change": reverse(f"{base}_change", args=[obj.pk]),
        "delete": reverse(f"{base}_delete", args=[obj.pk]),
        "history": reverse(f"{base}_history", args=[obj.pk]),
    }


def _expected_moderation(role: str, model: type, page: str) -> int:
    if role in ("member", "anonymous"):
        return HTTPStatus.FOUND  # to the login page
    if role == "editor":
        return HTTPStatus.FORBIDDEN
    if page in ("add", "delete"):
        return HTTPStatus.FORBIDDEN  # nobody adds or deletes moderation records by hand
    return HTTPStatus.OK


@pytest.mark.parametrize("role", ROLES)
def test_admin_permission_matrix_moderation_pages(world, login_as, role):
    client = login_as(role)
    seen = {}

    for model in MODERATION_MODELS:
        obj = model._default_manager.order_by("pk").first()
        for page, url in _urls(model, obj).items():
            seen[(model.__name__, page)] = (
                client.get(url).status_code,
                _expected_moderation(role, model, page),
            )

    wrong = {key: got for key, got in seen.items() if got[0] != got[1]}
    assert wrong == {}


@pytest.mark.parametrize("role", ROLES)
def test_admin_permission_matrix_member_pages(world, login_as, role):
    client = login_as(role)
    pages = [
        reverse("admin:moderation_members"),
        reverse("admin:moderation_member", args=[world.author.pk]),
    ]

    statuses = [client.get(url).status_code for url in pages]

    expected = {
        "superuser": HTTPStatus.OK,
        "moderator": HTTPStatus.OK,
        "editor": HTTPStatus.FORBIDDEN,
        "member": HTTPStatus.FOUND,
        "anonymous": HTTPStatus.FOUND,
    }[role]
    assert statuses == [expected, expected]


@pytest.mark.parametrize("role", ROLES)
def test_admin_permission_matrix_content_pages(world, login_as, role):
    client = login_as(role)
    results = {}

    for moderated_type in moderated_types():
        model = moderated_type.model
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        for page, url in _urls(model, obj).items():
            results[(model.__name__, page)] = client.get(url).status_code

    for (name, page), status in results.items():
        if role in ("member", "anonymous"):
            assert status == HTTPStatus.FOUND, (name, page)
        elif role == "editor":
            assert status == HTTPStatus.FORBIDDEN, (name, page)
        elif role == "moderator":
            allowed = page in ("changelist", "change", "history")
            assert status == (HTTPStatus.OK if allowed else HTTPStatus.FORBIDDEN), (name, page)
        else:
            assert status in (HTTPStatus.OK, HTTPStatus.FORBIDDEN), (name, page)


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_admin_permission_matrix_other_apps_pages(world, login_as, role):
    """Moderators never reach article authoring, user accounts or groups; editors not moderation."""
    client = login_as(role)
    content_models = {t.model for t in moderated_types()}
    reached = []

    for model in list(admin.site._registry):
        if model in content_models or model._meta.app_label == "moderation":
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        if client.get(url).status_code == HTTPStatus.OK:
            reached.append(model._meta.label)

    if role == "moderator":
        assert reached == []
    else:
        assert all(not label.startswith("moderation.") for label in reached)


ACTIONS = [
    "hide",
    "restore",
    "approve",
    "reject",
    "dismiss",
    "warn_author",
    "suspend_author",
    "ban_author",
]


def _queue_post(client: Any, case: ModerationCase, action: str, **extra: Any) -> Any:
    return client.post(
        reverse("admin:moderation_moderationcase_changelist"),
        {"action": action, "_selected_action": [case.pk], "index": 0, **extra},
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_admin_permission_matrix_queue_actions(item, member, login_as, role, action):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    case = ModerationCase.objects.get()
    client = login_as(role)

    response = _queue_post(client, case, action)

    expected = {
        "superuser": HTTPStatus.OK,  # the confirmation page
        "moderator": HTTPStatus.OK,
        "editor": HTTPStatus.FORBIDDEN,
        "member": HTTPStatus.FOUND,
        "anonymous": HTTPStatus.FOUND,
    }[role]
    assert response.status_code == expected
    assert ModerationLogEntry.objects.count() == 0  # nothing happens before confirming


@pytest.mark.parametrize(
    ("action", "extra", "log_action"),
    [
        ("hide", {"reason": "Promotes stopping treatment"}, "hide"),
        ("restore", {}, "restore"),
        ("dismiss", {}, "dismiss"),
        ("warn_author", {"reason": "Please be kind"}, "warn"),
        ("suspend_author", {"reason": "Cool off", "days": 3}, "suspend"),
        ("ban_author", {"reason": "Scam"}, "ban"),
    ],
)
def test_queue_action_confirmed_writes_exactly_one_log_entry(
    item, member, client, moderator, action, extra, log_action
):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    case = ModerationCase.objects.get()
    client.force_login(moderator)

    response = _queue_post(client, case, action, apply="1", **extra)

    assert response.status_code == HTTPStatus.FOUND
    assert list(ModerationLogEntry.objects.values_list("action", flat=True)) == [log_action]


def test_queue_action_without_reason_asks_again(item, member, client, moderator):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    client.force_login(moderator)

    response = _queue_post(client, ModerationCase.objects.get(), "hide", apply="1", reason="")

    assert response.status_code == HTTPStatus.OK
    assert "This field is required" in response.content.decode()
    assert ModerationLogEntry.objects.count() == 0


def test_queue_bulk_hide_writes_one_entry_per_item(make_any_item, client, moderator, member):
    items = [make_any_item(UserFactory.create(), body=f"Spam number {n}") for n in range(3)]
    for obj in items:
        services.report_create(reporter=member, item=obj, reason=ReportReason.SPAM)
    client.force_login(moderator)

    client.post(
        reverse("admin:moderation_moderationcase_changelist"),
        {
            "action": "hide",
            "_selected_action": list(ModerationCase.objects.values_list("pk", flat=True)),
            "index": 0,
            "apply": "1",
            "reason": "Spam wave",
        },
    )

    assert ModerationLogEntry.objects.filter(action="hide").count() == 3


def test_member_page_actions_write_one_entry_each(client, moderator, author):
    client.force_login(moderator)
    url = reverse("admin:moderation_member", args=[author.pk])

    client.post(url, {"op": "warn", "warn-reason": "Gentle reminder"})
    client.post(url, {"op": "suspend", "suspend-reason": "Pause", "suspend-days": 2})
    client.post(url, {"op": "lift", "lift-reason": ""})
    client.post(url, {"op": "ban", "ban-reason": "Scam"})

    assert list(ModerationLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "warn",
        "suspend",
        "unsuspend",
        "ban",
    ]


def test_member_page_hides_passwords_and_private_profile_fields(client, moderator, author):
    author.profile.region = "Secret Valley"
    author.profile.save()
    client.force_login(moderator)

    body = client.get(reverse("admin:moderation_member", args=[author.pk])).content.decode()

    assert author.display_name in body
    assert "Secret Valley" not in body
    assert author.password not in body


# --- The log cannot be changed or deleted, even by a superuser -----------------------------


def test_log_entries_immutable_through_admin_urls(world, client, superuser):
    client.force_login(superuser)
    entry = ModerationLogEntry.objects.order_by("pk")[0]
    urls = _urls(ModerationLogEntry, entry)
    count = ModerationLogEntry.objects.count()

    change = client.post(urls["change"], {"reason": "rewritten", "action": "warn"})
    delete = client.post(urls["delete"], {"post": "yes"})
    add = client.post(urls["add"], {"reason": "forged", "action": "ban"})
    bulk = client.post(
        urls["changelist"],
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )

    assert (change.status_code, delete.status_code, add.status_code) == (403, 403, 403)
    assert bulk.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert ModerationLogEntry.objects.count() == count
    entry.refresh_from_db()
    assert entry.reason != "rewritten"


def test_log_admin_permissions_are_all_false_for_writes(rf, superuser):
    model_admin = admin.site._registry[ModerationLogEntry]
    request = rf.get("/")
    request.user = superuser

    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_delete_permission(request) is False
    assert model_admin.get_actions(request) == {}


def test_case_page_shows_history_of_item_and_author(world, client, moderator):
    client.force_login(moderator)
    case = ModerationCase.objects.get(kind=world._meta.model_name)

    body = client.get(reverse("admin:moderation_moderationcase_change", args=[case.pk]))

    text = body.content.decode()
    assert body.status_code == HTTPStatus.OK
    assert "Hid content" in text
    assert "Warned member" in text
    assert "Spam or scam" in text


# --- The queue runs a bounded number of queries whatever its size --------------------------


def _open_reports(total: int, *, per_case: int = 5) -> None:
    authors = [UserFactory.create() for _ in range(5)]
    reporters = [UserFactory.create() for _ in range(per_case)]
    content_type = ContentType.objects.get_for_model(ModerationCase)
    cases = ModerationCase.objects.bulk_create(
        ModerationCase(
            content_type=content_type,
            object_id=100_000 + n,
            kind="comment",
            author=authors[n % len(authors)],
            snapshot=f"Reported text {n}",
            open_report_count=min(per_case, total - n * per_case),
            urgent=n % 7 == 0,
        )
        for n in range((total + per_case - 1) // per_case)
    )
    Report.objects.bulk_create(
        Report(case=cases[n // per_case], reporter=reporters[n % per_case], reason="spam")
        for n in range(total)
    )


@pytest.mark.parametrize("total", [10, 1000])
def test_queue_page_bounded_queries(client, moderator, django_assert_max_num_queries, total):
    _open_reports(total)
    client.force_login(moderator)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("admin:moderation_moderationcase_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert "URGENT" in response.content.decode()


@pytest.mark.parametrize("total", [10, 1000])
def test_member_list_bounded_queries(client, moderator, django_assert_max_num_queries, total):
    _open_reports(total)
    client.force_login(moderator)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("admin:moderation_members"), {"reported": "open"})

    assert response.status_code == HTTPStatus.OK


def test_queue_orders_urgent_then_most_reported(client, moderator):
    _open_reports(30, per_case=5)
    urgent = ModerationCase.objects.filter(urgent=True)[0]
    client.force_login(moderator)

    response = client.get(reverse("admin:moderation_moderationcase_changelist"))

    cases = list(response.context["cl"].result_list)
    assert cases[0].pk == urgent.pk
    counts = [c.open_report_count for c in cases if not c.urgent]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("params", [{"q": "Reported"}, {"urgent__exact": "1"}, {"reason": "spam"}])
def test_queue_search_and_filters_work(client, moderator, params):
    _open_reports(10)
    client.force_login(moderator)

    response = client.get(reverse("admin:moderation_moderationcase_changelist"), params)

    assert response.status_code == HTTPStatus.OK
    assert response.context["cl"].result_count >= 1


def test_registry_every_moderated_model_has_a_written_admin_in_its_own_app():
    from moderation.admin_content import ModeratedContentAdminMixin

    registered = moderated_types()

    assert registered
    for moderated_type in registered:
        model = moderated_type.model
        if moderated_type.private:
            # Private messages have no admin page at all: staff reach a message only through
            # its held or reported case (docs/messages.md).
            assert model not in admin.site._registry, model._meta.label
            continue
        model_admin = admin.site._registry.get(model)
        assert model_admin is not None, model._meta.label
        assert isinstance(model_admin, ModeratedContentAdminMixin), model._meta.label
        # Written in the content app's admin.py, not built by moderation on the fly.
        assert type(model_admin).__module__ == f"{model._meta.app_label}.admin"


def test_content_admins_get_moderation_actions_and_filters(rf, moderator):
    request = rf.get("/")
    request.user = moderator

    for moderated_type in moderated_types():
        if moderated_type.private:
            continue  # no admin page (the test above)
        model_admin = admin.site._registry[moderated_type.model]
        actions = model_admin.get_actions(request)
        filters = model_admin.get_list_filter(request)
        assert {"hide", "restore", "approve", "reject", "warn_author"} <= set(actions)
        assert "moderation_state" in filters
        assert model_admin.has_add_permission(request) is False
        assert model_admin.has_delete_permission(request) is False
        if moderated_type.topic_field:
            assert moderated_type.topic_field in filters


def test_content_admin_filters_by_reported_and_state(make_item, member, client, moderator):
    item = make_item(UserFactory.create())
    make_item(UserFactory.create(), body="Not reported")
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    opts = item._meta
    client.force_login(moderator)
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    response = client.get(url, {"reported": "open", "moderation_state__exact": "visible"})

    if response.status_code == HTTPStatus.FOUND:  # the app's own admin lacks these filters
        pytest.skip("content admin without the moderation mixin")
    assert response.status_code == HTTPStatus.OK
    assert [obj.pk for obj in response.context["cl"].result_list] == [item.pk]


# --- A reported profile never shows moderators an "only me" bio ---------------------------


def test_reported_private_bio_is_never_shown_to_moderators(client, moderator, member):
    secret = "Private words about my scan results"
    owner = UserFactory.create()
    owner.profile.bio = secret
    owner.profile.bio_visibility = "me"
    owner.profile.save()
    services.report_create(reporter=member, item=owner, reason="spam")
    services.content_hide(item=owner, moderator=moderator, reason="Checked the profile")
    case = ModerationCase.objects.get(kind="profile")
    entry = ModerationLogEntry.objects.get(action=ModerationLogEntry.Action.HIDE)
    client.force_login(moderator)

    pages = [
        reverse("admin:moderation_moderationcase_changelist"),
        reverse("admin:moderation_moderationcase_change", args=[case.pk]),
        reverse("admin:moderation_moderationlogentry_changelist"),
        reverse("admin:moderation_moderationlogentry_change", args=[entry.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert secret not in response.content.decode(), url
    assert secret not in case.snapshot
    assert secret not in entry.item_snapshot
    assert "bio not shared with members" in case.shown_snapshot


def test_bio_made_private_after_the_report_is_hidden_and_not_searchable(client, moderator, member):
    owner = UserFactory.create()
    owner.profile.bio = "Gardening and tamoxifen"
    owner.profile.save()
    services.report_create(reporter=member, item=owner, reason="spam")
    services.content_hide(item=owner, moderator=moderator, reason="Checked the profile")
    owner.profile.bio_visibility = "me"
    owner.profile.save()
    client.force_login(moderator)

    listing = client.get(reverse("admin:moderation_moderationcase_changelist"))
    member_page = client.get(reverse("admin:moderation_member", args=[owner.pk]))
    assert "tamoxifen" not in listing.content.decode()
    assert "tamoxifen" not in member_page.content.decode()
    for name in ["moderationcase", "moderationlogentry", "report"]:
        found = client.get(reverse(f"admin:moderation_{name}_changelist"), {"q": "tamoxifen"})
        assert found.status_code == HTTPStatus.OK, name
        assert found.context["cl"].result_count == 0, name


# --- Sanctioning an anonymous author never tells the moderator who it is -------------------


def _forum_author_action(client, questions, action, **extra):
    return client.post(
        reverse("admin:forum_question_changelist"),
        {"action": action, "_selected_action": [q.pk for q in questions], "index": 0, **extra},
    )


@pytest.mark.parametrize("action", ["warn_author", "suspend_author", "ban_author"])
def test_author_action_page_keeps_each_anonymous_item_its_own_unnamed_entry(
    client, moderator, action
):
    from tests.forum.factories import QuestionFactory

    writer, stranger = UserFactory.create(), UserFactory.create()
    secret = QuestionFactory.create(author=writer, is_anonymous=True)
    signed = QuestionFactory.create(author=writer)
    other_secret = QuestionFactory.create(author=stranger, is_anonymous=True)
    client.force_login(moderator)

    same_author = _forum_author_action(client, [secret, signed], action)
    other_author = _forum_author_action(client, [other_secret, signed], action)

    labels = same_author.context["labels"]
    assert labels == [
        f"{writer.display_name} (@{writer.handle})",
        f"the anonymous author of question #{secret.pk}",
    ]
    assert len(other_author.context["labels"]) == len(labels)
    assert ModerationLogEntry.objects.count() == 0


def test_warning_anonymous_authors_logs_a_reveal_and_warns_each_member_once(client, moderator):
    from tests.forum.factories import QuestionFactory

    writer = UserFactory.create()
    secret = QuestionFactory.create(author=writer, is_anonymous=True)
    also_secret = QuestionFactory.create(author=writer, is_anonymous=True)
    client.force_login(moderator)

    response = _forum_author_action(
        client, [secret, also_secret], "warn_author", apply="1", reason="Please be kind"
    )

    assert response.status_code == HTTPStatus.FOUND
    assert MemberSanction.objects.filter(member=writer).count() == 1
    log = list(ModerationLogEntry.objects.order_by("pk").values_list("action", "member", "reason"))
    assert log == [
        (ModerationLogEntry.Action.REVEAL_ANONYMOUS, writer.pk, "Please be kind"),
        (ModerationLogEntry.Action.WARN, writer.pk, "Please be kind"),
    ]


def test_warning_a_named_and_an_anonymous_post_by_one_member_warns_once(client, moderator):
    from tests.forum.factories import QuestionFactory

    writer = UserFactory.create()
    secret = QuestionFactory.create(author=writer, is_anonymous=True)
    signed = QuestionFactory.create(author=writer)
    client.force_login(moderator)

    response = _forum_author_action(
        client, [secret, signed], "warn_author", apply="1", reason="Please be kind"
    )

    assert response.status_code == HTTPStatus.FOUND
    assert MemberSanction.objects.filter(member=writer).count() == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Warn the author: done for 2."]


def _waiting(make_any_item: Any, member: Any, *, hours_ago: int) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from moderation.models import ModerationState

    made = make_any_item(
        member, body=f"Held {hours_ago}h", moderation_state=ModerationState.PENDING
    )
    case = services.content_after_create(item=made, held_reason="New member")
    assert case is not None
    ModerationCase.objects.filter(pk=case.pk).update(
        opened_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return made


def test_waiting_list_shows_posts_waiting_for_review_oldest_first(
    make_any_item, member, client, moderator
):
    newer = _waiting(make_any_item, member, hours_ago=1)
    older = _waiting(make_any_item, member, hours_ago=30)
    urgent_visible = make_any_item(member, body="Some nights I want to die.")
    services.content_after_create(item=urgent_visible, held_reason="")
    client.force_login(moderator)

    response = client.get(reverse("admin:moderation_waitingforreview_changelist"))

    assert response.status_code == HTTPStatus.OK
    shown = [case.object_id for case in response.context["cl"].result_list]
    assert shown == [older.pk, newer.pk]
    assert "1\xa0day, 6\xa0hours" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("member", 302), ("editor", 403)])
def test_waiting_list_refuses_who_may_not_moderate(world, login_as, role, status):
    client = login_as(role)

    response = client.get(reverse("admin:moderation_waitingforreview_changelist"))

    assert response.status_code == status


def test_waiting_list_never_names_an_anonymous_author(client, moderator):
    from moderation.models import ModerationState

    from .conftest import MAKERS, available_kinds

    if "question" not in available_kinds():
        pytest.skip("needs the forum's questions")
    writer = UserFactory.create(display_name="Quiet Willow")
    asked = MAKERS["question"](writer, is_anonymous=True, moderation_state=ModerationState.PENDING)
    services.content_after_create(item=asked, held_reason="New member")
    client.force_login(moderator)

    html = client.get(reverse("admin:moderation_waitingforreview_changelist")).content.decode()

    assert "anonymous (reveal from the post" in html
    assert "Quiet Willow" not in html


def test_waiting_list_bounded_queries(
    make_any_item, member, client, moderator, django_assert_max_num_queries
):
    for hours in range(30):
        _waiting(make_any_item, member, hours_ago=hours)
    client.force_login(moderator)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:moderation_waitingforreview_changelist"))

    assert response.status_code == HTTPStatus.OK


def test_admin_index_shows_how_many_posts_wait_for_moderators_only(
    make_any_item, member, client, moderator, editor
):
    _waiting(make_any_item, member, hours_ago=5)
    _waiting(make_any_item, member, hours_ago=2)
    client.force_login(moderator)

    html = client.get(reverse("admin:index")).content.decode()
    client.force_login(editor)
    editor_html = client.get(reverse("admin:index")).content.decode()

    assert "2 posts waiting for review" in html
    assert "the oldest has waited 5\xa0hours" in html
    assert "waiting for review" not in editor_html


def test_queue_context_note_action_adds_a_note_logged(item, member, client, moderator):
    from moderation.context_notes import context_note_for

    services.report_create(reporter=member, item=item, reason=ReportReason.MISINFORMATION)
    case = ModerationCase.objects.get()
    client.force_login(moderator)

    asked = _queue_post(client, case, "context_note_set")
    done = _queue_post(
        client, case, "context_note_set", apply="1", reason="Our medical reviewers say..."
    )

    assert "Note shown under the post" in asked.content.decode()
    assert done.status_code == HTTPStatus.FOUND
    note = context_note_for(item)
    assert note is not None
    assert note.text == "Our medical reviewers say..."
    assert list(ModerationLogEntry.objects.values_list("action", flat=True)) == ["note_add"]


def test_case_page_shows_the_context_note_under_the_post(item, member, client, moderator):
    from moderation.context_notes import context_note_set

    services.report_create(reporter=member, item=item, reason=ReportReason.MISINFORMATION)
    context_note_set(item=item, moderator=moderator, text="Our medical reviewers say...")
    case = ModerationCase.objects.get()
    client.force_login(moderator)

    response = client.get(reverse("admin:moderation_moderationcase_change", args=[case.pk]))

    assert "Context note shown under it" in response.content.decode()
    assert "Our medical reviewers say..." in response.content.decode()


def test_waiting_list_approve_publishes_and_takes_the_post_off_the_list(
    make_any_item, member, client, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    made = _waiting(make_any_item, member, hours_ago=3)
    case = ModerationCase.objects.get(object_id=made.pk)
    client.force_login(moderator)
    page = client.get(reverse("admin:moderation_waitingforreview_change", args=[case.pk]))
    assert page.status_code == HTTPStatus.OK

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:moderation_waitingforreview_changelist"),
            {"action": "approve", "_selected_action": [case.pk], "index": 0, "apply": "1"},
        )

    made.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert made.moderation_state == "visible"
    assert [m.to for m in mailoutbox] == [[member.email]]
    listed = client.get(reverse("admin:moderation_waitingforreview_changelist"))
    assert list(listed.context["cl"].result_list) == []
