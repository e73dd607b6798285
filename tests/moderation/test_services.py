from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from moderation import services
from moderation.items import item_state
from moderation.models import (
    MemberSanction,
    ModerationCase,
    ModerationLogEntry,
    ModerationState,
    ProfileBioModeration,
    Report,
    ReportReason,
)
from moderation.policy import moderation_decide, posting_refusal
from moderation.registry import moderated_type_for
from tests.factories import UserFactory

from .conftest import reporters


@pytest.fixture
def new_member(db: None) -> Any:
    return UserFactory.create(date_joined=timezone.now() - timedelta(hours=2))


def _refresh(item: Any) -> Any:
    item.refresh_from_db()
    return item


def test_report_create_opens_one_case_per_item(item, member, other_member):
    services.report_create(reporter=member, item=item, reason=ReportReason.MISINFORMATION)

    services.report_create(reporter=other_member, item=item, reason=ReportReason.SPAM)

    case = ModerationCase.objects.get()
    assert case.open_report_count == 2
    assert case.author_id == item.author_id
    assert "Diet alone" in case.snapshot


def test_report_create_once_per_member_per_item_under_double_submit(item, member):
    first, created_first = services.report_create(
        reporter=member, item=item, reason=ReportReason.SPAM
    )

    second, created_second = services.report_create(
        reporter=member, item=item, reason=ReportReason.OTHER, note="again"
    )

    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert Report.objects.count() == 1
    assert ModerationCase.objects.get().open_report_count == 1


def test_report_create_refuses_own_post_and_unknown_reason(item, author, member):
    with pytest.raises(ValidationError):
        services.report_create(reporter=author, item=item, reason=ReportReason.SPAM)
    with pytest.raises(ValidationError):
        services.report_create(reporter=member, item=item, reason="because")

    assert Report.objects.count() == 0


@pytest.mark.parametrize("threshold", [1, 3])
def test_report_create_holds_item_at_k_distinct_reporters(item, settings, threshold):
    settings.MODERATION_AUTO_HIDE_REPORTS = threshold
    members = reporters(threshold)

    for reporter in members[:-1]:
        services.report_create(reporter=reporter, item=item, reason=ReportReason.MISINFORMATION)
    state_before_last = _refresh(item).moderation_state
    services.report_create(reporter=members[-1], item=item, reason=ReportReason.MISINFORMATION)

    assert state_before_last == ModerationState.VISIBLE
    assert _refresh(item).moderation_state == ModerationState.PENDING
    entry = ModerationLogEntry.objects.get(action=ModerationLogEntry.Action.AUTO_HOLD)
    assert (entry.actor, entry.before, entry.after) == (None, "visible", "pending")


def test_report_create_same_member_twice_does_not_count_twice(item, settings, member):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2

    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)

    assert _refresh(item).moderation_state == ModerationState.VISIBLE


def test_report_create_self_harm_marks_case_urgent(item, member):
    services.report_create(reporter=member, item=item, reason=ReportReason.SELF_HARM)

    assert ModerationCase.objects.get().urgent is True


ACTIONS = {
    "hide": lambda item, mod: services.content_hide(item=item, moderator=mod, reason="Unsafe"),
    "restore": lambda item, mod: services.content_restore(item=item, moderator=mod),
    "dismiss": lambda item, mod: services.report_dismiss(item=item, moderator=mod),
    "warn": lambda item, mod: services.member_warn(
        member=item.author, moderator=mod, reason="Be kind"
    ),
    "suspend": lambda item, mod: services.member_suspend(
        member=item.author, moderator=mod, days=3, reason="Cool off"
    ),
    "ban": lambda item, mod: services.member_ban(member=item.author, moderator=mod, reason="Scam"),
}


@pytest.mark.parametrize("action", ACTIONS.keys())
def test_every_moderator_action_writes_exactly_one_log_entry(item, moderator, member, action):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    before = ModerationLogEntry.objects.count()

    ACTIONS[action](item, moderator)

    entries = ModerationLogEntry.objects.all()[: ModerationLogEntry.objects.count() - before]
    assert ModerationLogEntry.objects.count() == before + 1
    assert entries[0].actor == moderator
    assert entries[0].member == item.author


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_pending_approve_and_reject_write_one_entry_and_email_author(
    item, moderator, action, mailoutbox, django_capture_on_commit_callbacks
):
    type(item).objects.filter(pk=item.pk).update(moderation_state=ModerationState.PENDING)
    item = _refresh(item)

    with django_capture_on_commit_callbacks(execute=True):
        if action == "approve":
            services.content_approve(item=item, moderator=moderator)
        else:
            services.content_reject(item=item, moderator=moderator, reason="Off topic")

    expected = ModerationState.VISIBLE if action == "approve" else ModerationState.HIDDEN
    assert _refresh(item).moderation_state == expected
    assert ModerationLogEntry.objects.filter(action=action).count() == 1
    assert ModerationLogEntry.objects.count() == 1
    assert [m.to for m in mailoutbox] == [[item.author.email]]


def test_content_approve_refuses_visible_item(item, moderator):
    with pytest.raises(ValidationError):
        services.content_approve(item=item, moderator=moderator)

    assert ModerationLogEntry.objects.count() == 0


def test_content_hide_requires_reason_and_closes_case(item, moderator, member):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    with pytest.raises(ValidationError):
        services.content_hide(item=item, moderator=moderator, reason="  ")

    services.content_hide(item=item, moderator=moderator, reason="Selling pills")

    item = _refresh(item)
    assert item.moderation_state == ModerationState.HIDDEN
    assert item.moderation_reason == "Selling pills"
    assert ModerationCase.objects.get().status == ModerationCase.Status.CLOSED
    assert Report.objects.get().status == Report.Status.ACTIONED


def test_content_restore_after_hide_makes_visible(item, moderator):
    services.content_hide(item=item, moderator=moderator, reason="Check")

    services.content_restore(item=item, moderator=moderator, reason="Was fine")

    assert _refresh(item).moderation_state == ModerationState.VISIBLE
    assert list(
        ModerationLogEntry.objects.order_by("id").values_list("action", "before", "after")
    ) == [("hide", "visible", "hidden"), ("restore", "hidden", "visible")]


def test_report_dismiss_releases_item_held_by_reports(item, moderator, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 2
    for reporter in reporters(2):
        services.report_create(reporter=reporter, item=item, reason=ReportReason.OTHER, note="x")

    services.report_dismiss(item=item, moderator=moderator)

    assert _refresh(item).moderation_state == ModerationState.VISIBLE
    assert set(Report.objects.values_list("status", flat=True)) == {"dismissed"}


def test_report_reopens_a_closed_case(item, moderator, member, other_member):
    services.report_create(reporter=member, item=item, reason=ReportReason.SPAM)
    services.report_dismiss(item=item, moderator=moderator)

    services.report_create(reporter=other_member, item=item, reason=ReportReason.HARASSMENT)

    case = ModerationCase.objects.get()
    assert (case.status, case.open_report_count) == ("open", 1)


def test_member_warn_emails_the_reason(
    author, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.member_warn(member=author, moderator=moderator, reason="Please be gentle.")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [author.email]
    assert "Please be gentle." in mailoutbox[0].body
    assert MemberSanction.objects.get().kind == MemberSanction.Kind.WARNING


def test_member_suspend_blocks_posting_until_it_ends(author, moderator):
    services.member_suspend(member=author, moderator=moderator, days=2, reason="Cool off")

    refusal = posting_refusal(author)
    MemberSanction.objects.update(ends_at=timezone.now() - timedelta(seconds=1))

    assert refusal is not None
    assert "suspended" in refusal
    assert posting_refusal(author) is None


def test_member_suspension_lift_restores_posting(author, moderator):
    services.member_suspend(member=author, moderator=moderator, days=2, reason="Cool off")

    services.member_suspension_lift(member=author, moderator=moderator)

    assert posting_refusal(author) is None
    with pytest.raises(ValidationError):
        services.member_suspension_lift(member=author, moderator=moderator)


@pytest.mark.parametrize("days", [0, 366])
def test_member_suspend_refuses_out_of_range_days(author, moderator, days):
    with pytest.raises(ValidationError):
        services.member_suspend(member=author, moderator=moderator, days=days, reason="x")

    assert ModerationLogEntry.objects.count() == 0


def test_member_ban_deactivates_and_refuses_posting(author, moderator):
    services.member_ban(member=author, moderator=moderator, reason="Spam ring")

    author.refresh_from_db()
    assert author.is_active is False
    assert posting_refusal(author) is not None


def test_sanctions_refuse_self_and_superusers(moderator, superuser):
    with pytest.raises(ValidationError):
        services.member_ban(member=moderator, moderator=moderator, reason="x")
    with pytest.raises(ValidationError):
        services.member_warn(member=superuser, moderator=moderator, reason="x")

    assert ModerationLogEntry.objects.count() == 0


def test_profile_report_and_hide_keep_state_in_moderation(member, moderator):
    profile_owner = UserFactory.create()
    profile_owner.profile.bio = "Message me on WhatsApp for the miracle tea."
    profile_owner.profile.save()

    services.report_create(reporter=member, item=profile_owner, reason=ReportReason.SPAM)
    services.content_hide(item=profile_owner, moderator=moderator, reason="Scam bio")

    case = ModerationCase.objects.get()
    assert (case.kind, case.author_id) == ("profile", profile_owner.pk)
    assert ProfileBioModeration.objects.get(member=profile_owner).moderation_state == "hidden"
    assert item_state(profile_owner) == "hidden"
    assert "WhatsApp" in ModerationLogEntry.objects.get().item_snapshot


def test_moderation_log_record_keeps_the_public_signature(item, moderator):
    entry = services.moderation_log_record(
        actor=moderator, action="reveal", item=item, reason="Safety check"
    )

    assert (entry.action, entry.member, entry.object_id) == ("reveal", item.author, item.pk)


def test_log_entries_are_append_only(item, moderator):
    entry = services.moderation_log_record(actor=moderator, action="warn", member=item.author)

    entry.reason = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()

    assert ModerationLogEntry.objects.get().reason == ""


def test_hide_calls_after_state_change(item, moderator, monkeypatch):
    from moderation import registry

    calls = []
    moderated_type = registry.moderated_type_for(type(item))
    monkeypatch.setitem(
        registry._registry,
        type(item),
        type(moderated_type)(
            **{**moderated_type.__dict__, "after_state_change": lambda obj: calls.append(obj.pk)}
        ),
    )

    services.content_hide(item=item, moderator=moderator, reason="x")

    assert calls == [item.pk]


@pytest.mark.parametrize("template", ["warning", "suspended", "approved", "rejected"])
def test_moderation_emails_render_plain_text_unescaped(template):
    from core.mail.services import email_render

    subject, text, html = email_render(
        template=f"moderation/{template}",
        context={
            "name": "Rosa's friend",
            "kind": "comment",
            "excerpt": "It's <b>mine</b>",
            "url": "/articles/x/#comment-1",
            "reason": "Don't share phone numbers",
            "ends_at": timezone.now(),
        },
    )

    assert "&#x27;" not in subject + text
    assert "Rosa's friend" in text
    assert "Rosa&#x27;s friend" in html
    assert "<b>mine</b>" not in html


def test_content_after_create_held_new_member_opens_case_with_the_reason(new_member, make_item):
    decision = moderation_decide(author=new_member, text="Hi everyone")
    made = make_item(new_member, body="Hi everyone", moderation_state=decision.state)

    case = services.content_after_create(item=made, held_reason=decision.held_reason)

    assert case == ModerationCase.objects.get(object_id=made.pk)
    assert case.held_reason.startswith("New member")
    assert case.urgent is False
    assert case.status == ModerationCase.Status.OPEN
    entry = ModerationLogEntry.objects.get(object_id=made.pk)
    assert (entry.action, entry.actor) == (ModerationLogEntry.Action.AUTO_HOLD, None)


def test_content_after_create_self_harm_opens_an_urgent_case(member, make_item):
    made = make_item(member, body="Honestly some nights I want to die.")

    case = services.content_after_create(item=made, held_reason="")

    assert case == ModerationCase.objects.get()
    assert case.object_id == made.pk
    assert case.urgent is True
    assert case.held_reason == "Mentions self-harm: check on the author."
    assert item_state(made) == ModerationState.VISIBLE


def test_content_after_create_visible_post_opens_no_case(member, make_item):
    made = make_item(member, body="Thank you all, the second round was easier.")

    case = services.content_after_create(item=made, held_reason="")

    assert case is None
    assert not ModerationCase.objects.exists()
    assert not ModerationLogEntry.objects.exists()


def test_content_after_create_reads_the_whole_text_not_the_snapshot(member, make_any_item):
    long_body = "A long update about my week. " * 80 + "Some nights I want to die."
    made = make_any_item(member, body=long_body)

    case = services.content_after_create(item=made, held_reason="")

    assert case is not None
    assert case.urgent is True


def test_content_recheck_after_edit_link_from_low_trust_member_holds_again(
    member, make_item, settings
):
    settings.MODERATION_LINK_TRUST_POSTS = 3
    made = make_item(member, body="Tired today")
    text_field = moderated_type_for(type(made)).text_field
    setattr(made, text_field, "This helped me: https://example.org/cure")
    made.save(update_fields=[text_field])

    case = services.content_recheck_after_edit(
        item=made, editor=member, old_text="Tired today", text=getattr(made, text_field)
    )

    assert _refresh(made).moderation_state == ModerationState.PENDING
    assert case == ModerationCase.objects.get(object_id=made.pk)
    assert case.held_reason == "Edited: Contains a link from a member with few posts yet."
    assert case.urgent is False


def test_content_recheck_after_edit_calls_after_state_change_when_held(
    member, make_any_item, settings, monkeypatch
):
    from moderation import registry

    settings.MODERATION_LINK_TRUST_POSTS = 3
    made = make_any_item(member, body="Tired today")
    calls = []
    moderated_type = registry.moderated_type_for(type(made))
    monkeypatch.setitem(
        registry._registry,
        type(made),
        type(moderated_type)(
            **{**moderated_type.__dict__, "after_state_change": lambda obj: calls.append(obj.pk)}
        ),
    )

    services.content_recheck_after_edit(
        item=made, editor=member, old_text="Tired today", text="See www.example.org"
    )

    assert calls == [made.pk]


def test_content_recheck_after_edit_newly_alarming_pending_post_opens_urgent_case(
    new_member, make_item
):
    made = make_item(new_member, body="Hello", moderation_state=ModerationState.PENDING)

    case = services.content_recheck_after_edit(
        item=made, editor=new_member, old_text="Hello", text="Hello, I want to die"
    )

    assert case is not None
    assert case.urgent is True
    assert _refresh(made).moderation_state == ModerationState.PENDING


def test_content_recheck_after_edit_alarming_before_and_after_opens_no_case(member, make_item):
    made = make_item(member, body="I want to die")

    case = services.content_recheck_after_edit(
        item=made, editor=member, old_text="I want to die", text="I want to die, still"
    )

    assert case is None
    assert not ModerationCase.objects.exists()


def test_content_recheck_after_edit_trusted_edit_changes_nothing(member, make_item):
    made = make_item(member, body="Tired today")

    case = services.content_recheck_after_edit(
        item=made, editor=member, old_text="Tired today", text="Tired today, better tonight"
    )

    assert case is None
    assert _refresh(made).moderation_state == ModerationState.VISIBLE
    assert not ModerationCase.objects.exists()


def test_content_after_create_harmful_claim_joins_the_queue_with_its_reason(member, make_item):
    text = "Skip your infusions and eat raw vegetables instead."
    decision = moderation_decide(author=member, text=text)
    made = make_item(member, body=text, moderation_state=decision.state)

    case = services.content_after_create(item=made, held_reason=decision.held_reason)

    assert item_state(made) == ModerationState.PENDING
    assert case is not None
    assert case.held_reason == "Possible harmful medical claim: waits for a moderator."


def test_content_recheck_after_edit_holds_a_harmful_claim_slipped_in(member, make_item):
    made = make_item(member, body="Round four done, feeling tired.")
    text_field = moderated_type_for(type(made)).text_field
    setattr(made, text_field, "Round four done. Chemo kills more people than it cures, stop now.")
    made.save(update_fields=[text_field])

    case = services.content_recheck_after_edit(
        item=made,
        editor=member,
        old_text="Round four done, feeling tired.",
        text=getattr(made, text_field),
    )

    assert _refresh(made).moderation_state == ModerationState.PENDING
    assert case is not None
    assert case.held_reason == "Edited: Possible harmful medical claim: waits for a moderator."


def test_content_hide_emails_the_author_the_reason_and_a_copy(
    item, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.content_hide(item=item, moderator=moderator, reason="Advises skipping treatment")

    assert [m.to for m in mailoutbox] == [[item.author.email]]
    assert "Advises skipping treatment" in mailoutbox[0].body
    assert "Diet alone cured my cancer" in mailoutbox[0].body


def test_content_hide_twice_emails_once(
    item, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.content_hide(item=item, moderator=moderator, reason="First")
        services.content_hide(item=_refresh(item), moderator=moderator, reason="Again")

    assert len(mailoutbox) == 1


def test_content_approve_keeps_the_usual_wait_for_the_posting_forms(
    make_any_item, member, moderator, django_capture_on_commit_callbacks
):
    from moderation.selectors import review_wait_median

    for _ in range(5):
        made = make_any_item(member, moderation_state=ModerationState.PENDING)
        services.content_after_create(item=made, held_reason="New member")
        ModerationLogEntry.objects.filter(object_id=made.pk, action="auto_hold").update(
            created_at=timezone.now() - timedelta(hours=2)
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.content_approve(item=_refresh(made), moderator=moderator)

    median = review_wait_median()
    assert median is not None
    assert timedelta(hours=1, minutes=59) < median < timedelta(hours=2, minutes=1)
