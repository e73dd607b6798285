"""Every moderation write: reports, hide and restore, approvals, sanctions and the log.

Admin actions, views, management commands and other apps call these functions; nothing else
changes a moderation state. Each moderator action writes exactly one ModerationLogEntry.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.mail.services import email_enqueue

from .anonymity import item_is_anonymous
from .items import (
    is_profile,
    item_author,
    item_author_id,
    item_content_type,
    item_full_text,
    item_kind,
    item_set_state,
    item_snapshot,
    item_state,
    item_url,
)
from .models import (
    MemberSanction,
    ModerationCase,
    ModerationLogEntry,
    ModerationState,
    Report,
    ReportReason,
)
from .policy import initial_moderation_held_reason, mentions_self_harm
from .registry import moderated_type_for, outcome_tell
from .selectors import review_wait_median_store

Action = ModerationLogEntry.Action
MAX_SUSPENSION_DAYS = 365


def _auto_hide_threshold() -> int:
    return int(getattr(settings, "MODERATION_AUTO_HIDE_REPORTS", 3))


def _log_snapshot(item: Any) -> str:
    # The log is kept for good: a private message's text never enters it (the case shows it
    # while it is held or reported), only which message it was.
    if not is_profile(item) and moderated_type_for(type(item)).private:
        return f"#{item.pk} (private: text not kept in the log)"
    return item_snapshot(item)


def moderation_log_record(
    *,
    actor: Any,
    action: str,
    item: Any = None,
    member: Any = None,
    before: str = "",
    after: str = "",
    reason: str = "",
) -> ModerationLogEntry:
    """Append one entry to the moderation log (actor None means the system acted)."""
    entry = ModerationLogEntry(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        member=member if member is not None else (item_author(item) if item else None),
        before=str(before)[:40],
        after=str(after)[:40],
        reason=reason,
    )
    if item is not None:
        entry.content_type = item_content_type(item)
        entry.object_id = item.pk
        entry.item_snapshot = f"{item_kind(item)}: {_log_snapshot(item)}"
    entry.save()
    return entry


def _case_for(item: Any) -> ModerationCase:
    """The queue case of an item, created (or reopened) and locked for this transaction."""
    content_type = item_content_type(item)
    case, _ = ModerationCase.objects.get_or_create(
        content_type=content_type,
        object_id=item.pk,
        defaults={
            "kind": item_kind(item),
            "author_id": item_author_id(item),
            "author_anonymous": item_is_anonymous(item),
            "snapshot": item_snapshot(item),
            "url": item_url(item)[:500],
        },
    )
    # Two reports arriving together must not both miss the other's count.
    case = ModerationCase.objects.select_for_update().get(pk=case.pk)
    if case.status == ModerationCase.Status.CLOSED:
        case.status = ModerationCase.Status.OPEN
        case.snapshot = item_snapshot(item)
        case.opened_at = timezone.now()
        case.urgent = False
        case.held_reason = ""
    return case


def _case_close(item: Any, *, report_status: str) -> None:
    """Resolve the open reports of an item and take it off the queue."""
    case = ModerationCase.objects.filter(
        content_type=item_content_type(item), object_id=item.pk
    ).first()
    if case is None:
        return
    case.reports.filter(status=Report.Status.OPEN).update(
        status=report_status, resolved_at=timezone.now()
    )
    case.status = ModerationCase.Status.CLOSED
    case.open_report_count = 0
    case.urgent = False
    case.held_reason = ""
    case.save(update_fields=["status", "open_report_count", "urgent", "held_reason", "updated_at"])


@transaction.atomic
def report_create(*, reporter: Any, item: Any, reason: str, note: str = "") -> tuple[Report, bool]:
    """Record a member's report (once per member per item); hold the item at K reporters."""
    if reason not in ReportReason.values:
        raise ValidationError("Please choose a reason from the list.")
    if item_author_id(item) == reporter.pk:
        raise ValidationError("You cannot report your own post.")
    case = _case_for(item)
    try:
        # A double submit races on the unique constraint; the loser gets the first report.
        with transaction.atomic():
            report = Report.objects.create(
                case=case, reporter=reporter, reason=reason, note=note.strip()[:1000]
            )
    except IntegrityError:
        return Report.objects.get(case=case, reporter=reporter), False
    if report.status != Report.Status.OPEN:
        return report, False
    case.open_report_count = case.reports.filter(status=Report.Status.OPEN).count()
    if reason == ReportReason.SELF_HARM:
        case.urgent = True
    threshold = _auto_hide_threshold()
    if case.open_report_count >= threshold and item_state(item) == ModerationState.VISIBLE:
        held = f"Held for review after reports from {case.open_report_count} members."
        item_set_state(item, state=ModerationState.PENDING, reason=held)
        case.held_reason = held
        moderation_log_record(
            actor=None,
            action=Action.AUTO_HOLD,
            item=item,
            before=ModerationState.VISIBLE,
            after=ModerationState.PENDING,
            reason=held,
        )
    case.save()
    return report, True


@transaction.atomic
def case_hold(*, item: Any, held_reason: str, urgent: bool = False) -> ModerationCase:
    """Put a new post on the queue (trust rules held it, or it mentions self-harm)."""
    case = _case_for(item)
    case.urgent = case.urgent or urgent
    case.held_reason = held_reason[:200]
    case.save()
    if item_state(item) == ModerationState.PENDING:
        author = item_author(item)
        if author is not None:
            outcome_tell(item=item, author=author, outcome="held", reason="", email=lambda: None)
        moderation_log_record(
            actor=None,
            action=Action.AUTO_HOLD,
            item=item,
            before="new",
            after=ModerationState.PENDING,
            reason=held_reason,
        )
    return case


@transaction.atomic
def case_raise_private(*, item: Any, reason: str) -> ModerationCase:
    """Put a private item (a message) at the top of the queue without showing its text.

    For crisis language in a conversation nobody reported: moderators learn that someone may
    need a check-in, never what was written. A later report or hold shows the text as usual.
    """
    case = _case_for(item)
    if item_state(item) != ModerationState.PENDING and not case.reports.exists():
        case.snapshot = ""
    case.urgent = True
    case.held_reason = reason[:200]
    case.save()
    return case


@transaction.atomic
def content_after_create(*, item: Any, held_reason: str) -> ModerationCase | None:
    """Hand a just-saved post to moderation: a held or self-harm post joins the queue.

    Content services call this right after saving a new post, with the held_reason of the
    policy.moderation_decide they asked before. A self-harm mention makes the case urgent
    whatever the post's state. Returns the case, or None for a visible post that needs none.
    """
    urgent = mentions_self_harm(item_full_text(item))
    if item_state(item) != ModerationState.PENDING and not urgent:
        return None
    if not held_reason:
        held_reason = "Mentions self-harm: check on the author." if urgent else "Held for review."
    return case_hold(item=item, held_reason=held_reason, urgent=urgent)


@transaction.atomic
def content_recheck_after_edit(
    *, item: Any, editor: Any, old_text: str, text: str
) -> ModerationCase | None:
    """Apply the trust rules to a just-saved edit as to a new post; the case, or None.

    A link or a "message me privately" added after the fact sends a visible post back to
    pending (its after_state_change recounts, the public pages refresh) with a case on the
    queue; a newly added mention of self-harm opens an urgent case. Callers pass the text as
    the trust rules read it (questions as "title\nbody").
    """
    newly_alarming = mentions_self_harm(text) and not mentions_self_harm(old_text)
    held = initial_moderation_held_reason(author=editor, text=text)
    if held and item_state(item) == ModerationState.VISIBLE:
        reason = f"Edited: {held}"
        item_set_state(item, state=ModerationState.PENDING, reason=reason)
        return case_hold(item=item, held_reason=reason, urgent=newly_alarming)
    if newly_alarming:
        return case_hold(item=item, held_reason="Edited to mention self-harm.", urgent=True)
    return None


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Please give a reason; the author and the log will see it.")
    return reason


@transaction.atomic
def content_hide(*, item: Any, moderator: Any, reason: str) -> ModerationLogEntry:
    """Hide an item with a reason; its open reports count as acted on; the author is emailed
    the reason and a copy of the text (moderation/hidden)."""
    reason = _require_reason(reason)
    before = item_state(item)
    item_set_state(item, state=ModerationState.HIDDEN, reason=reason)
    _case_close(item, report_status=Report.Status.ACTIONED)
    if before != ModerationState.HIDDEN:
        # The author learns why, as the reason form promises; hiding twice tells her once.
        _email_author(item, template="moderation/hidden", reason=reason)
    return moderation_log_record(
        actor=moderator,
        action=Action.HIDE,
        item=item,
        before=before,
        after=ModerationState.HIDDEN,
        reason=reason,
    )


@transaction.atomic
def content_restore(*, item: Any, moderator: Any, reason: str = "") -> ModerationLogEntry:
    """Make a hidden or held item visible again; its open reports are dismissed."""
    before = item_state(item)
    if before == ModerationState.REMOVED:
        raise ValidationError("The author removed this post; it cannot be restored.")
    item_set_state(item, state=ModerationState.VISIBLE, reason="")
    _case_close(item, report_status=Report.Status.DISMISSED)
    return moderation_log_record(
        actor=moderator,
        action=Action.RESTORE,
        item=item,
        before=before,
        after=ModerationState.VISIBLE,
        reason=reason,
    )


def _email_author(item: Any, *, template: str, reason: str = "") -> None:
    """Tell the author (in-app, and by this email as her preferences say)."""
    author = item_author(item)
    if author is None or getattr(author, "erased_at", None):
        return

    def email() -> None:
        if not author.email:
            return
        email_enqueue(
            template=template,
            to=author.email,
            context={
                "name": author.display_name,
                "kind": item_kind(item),
                "excerpt": item_snapshot(item)[:300],
                "url": item_url(item),
                "reason": reason,
            },
        )

    outcome = template.removeprefix("moderation/").replace("rejected", "declined")
    outcome_tell(item=item, author=author, outcome=outcome, reason=reason, email=email)


def _usual_wait_refresh() -> None:
    # After commit: the median then counts this decision, and a rollback stores nothing.
    transaction.on_commit(review_wait_median_store)


@transaction.atomic
def content_approve(*, item: Any, moderator: Any) -> ModerationLogEntry:
    """Publish a pending item and tell its author."""
    before = item_state(item)
    if before != ModerationState.PENDING:
        raise ValidationError("Only posts waiting for review can be approved.")
    item_set_state(item, state=ModerationState.VISIBLE, reason="")
    _case_close(item, report_status=Report.Status.DISMISSED)
    _email_author(item, template="moderation/approved")
    entry = moderation_log_record(
        actor=moderator,
        action=Action.APPROVE,
        item=item,
        before=before,
        after=ModerationState.VISIBLE,
    )
    _usual_wait_refresh()
    return entry


@transaction.atomic
def content_reject(*, item: Any, moderator: Any, reason: str) -> ModerationLogEntry:
    """Keep a pending item unpublished (hidden, with a reason) and tell its author why."""
    reason = _require_reason(reason)
    before = item_state(item)
    if before != ModerationState.PENDING:
        raise ValidationError("Only posts waiting for review can be rejected.")
    item_set_state(item, state=ModerationState.HIDDEN, reason=reason)
    _case_close(item, report_status=Report.Status.ACTIONED)
    _email_author(item, template="moderation/rejected", reason=reason)
    entry = moderation_log_record(
        actor=moderator,
        action=Action.REJECT,
        item=item,
        before=before,
        after=ModerationState.HIDDEN,
        reason=reason,
    )
    _usual_wait_refresh()
    return entry


@transaction.atomic
def report_dismiss(*, item: Any, moderator: Any, reason: str = "") -> ModerationLogEntry:
    """Dismiss an item's open reports; an item held only by reports becomes visible again."""
    before = item_state(item)
    after = before
    case = ModerationCase.objects.filter(
        content_type=item_content_type(item), object_id=item.pk
    ).first()
    held_by_reports = case is not None and case.held_reason.startswith("Held for review after")
    if before == ModerationState.PENDING and held_by_reports:
        item_set_state(item, state=ModerationState.VISIBLE, reason="")
        after = ModerationState.VISIBLE
    _case_close(item, report_status=Report.Status.DISMISSED)
    return moderation_log_record(
        actor=moderator,
        action=Action.REPORT_DISMISS,
        item=item,
        before=before,
        after=after,
        reason=reason,
    )


def _check_sanctionable(*, member: Any, moderator: Any) -> None:
    if member.pk == getattr(moderator, "pk", None):
        raise ValidationError("You cannot sanction yourself.")
    if member.is_superuser or (member.is_staff and not getattr(moderator, "is_superuser", False)):
        raise ValidationError("Staff accounts are managed by an administrator, not from the queue.")


def _email_member(member: Any, *, template: str, context: dict[str, Any]) -> None:
    if getattr(member, "erased_at", None) or not member.email:
        return
    email_enqueue(
        template=template, to=member.email, context={"name": member.display_name, **context}
    )


@transaction.atomic
def anonymous_author_for_sanction(*, item: Any, moderator: Any, reason: str) -> Any:
    """The author of an anonymous item, for a sanction; the look is logged as a reveal first.

    The sanction's own log entry names the member, so acting on an anonymous author is a
    reveal and is logged like the forum's reveal view (action "reveal", with the reason).
    """
    reason = _require_reason(reason)
    moderation_log_record(
        actor=moderator, action=Action.REVEAL_ANONYMOUS, item=item, reason=reason[:300]
    )
    return item_author(item)


def member_warn(
    *, member: Any, moderator: Any, reason: str, item: Any = None
) -> ModerationLogEntry:
    """Warn a member by email, with the reason; kept in their history."""
    reason = _require_reason(reason)
    _check_sanctionable(member=member, moderator=moderator)
    MemberSanction.objects.create(
        member=member, kind=MemberSanction.Kind.WARNING, reason=reason, created_by=moderator
    )
    _email_member(member, template="moderation/warning", context={"reason": reason})
    return moderation_log_record(
        actor=moderator, action=Action.WARN, item=item, member=member, reason=reason
    )


@transaction.atomic
def member_suspend(
    *, member: Any, moderator: Any, days: int, reason: str, item: Any = None
) -> ModerationLogEntry:
    """Suspend posting for `days` days: the member can still log in and read."""
    reason = _require_reason(reason)
    _check_sanctionable(member=member, moderator=moderator)
    if not 1 <= int(days) <= MAX_SUSPENSION_DAYS:
        raise ValidationError(f"A suspension lasts between 1 and {MAX_SUSPENSION_DAYS} days.")
    ends_at = timezone.now() + timedelta(days=int(days))
    MemberSanction.objects.create(
        member=member,
        kind=MemberSanction.Kind.SUSPENSION,
        reason=reason,
        created_by=moderator,
        ends_at=ends_at,
    )
    _email_member(
        member, template="moderation/suspended", context={"reason": reason, "ends_at": ends_at}
    )
    return moderation_log_record(
        actor=moderator,
        action=Action.SUSPEND,
        item=item,
        member=member,
        before="active",
        after=f"suspended {int(days)}d",
        reason=reason,
    )


@transaction.atomic
def member_suspension_lift(*, member: Any, moderator: Any, reason: str = "") -> ModerationLogEntry:
    """End a member's suspension now."""
    lifted = MemberSanction.objects.filter(
        member_id=member.pk,
        kind=MemberSanction.Kind.SUSPENSION,
        lifted_at__isnull=True,
        ends_at__gt=timezone.now(),
    ).update(lifted_at=timezone.now())
    if not lifted:
        raise ValidationError("This member is not suspended.")
    return moderation_log_record(
        actor=moderator,
        action=Action.UNSUSPEND,
        member=member,
        before="suspended",
        after="active",
        reason=reason,
    )


@transaction.atomic
def member_ban(*, member: Any, moderator: Any, reason: str, item: Any = None) -> ModerationLogEntry:
    """Ban a member: the account is deactivated, so login and every session stop working."""
    reason = _require_reason(reason)
    _check_sanctionable(member=member, moderator=moderator)
    before = "active" if member.is_active else "inactive"
    # Django's and allauth's backends refuse inactive users at login and when loading the
    # session's user, so existing sessions end on their next request as well.
    member.is_active = False
    member.save(update_fields=["is_active"])
    MemberSanction.objects.create(
        member=member, kind=MemberSanction.Kind.BAN, reason=reason, created_by=moderator
    )
    return moderation_log_record(
        actor=moderator,
        action=Action.BAN,
        item=item,
        member=member,
        before=before,
        after="banned",
        reason=reason,
    )
