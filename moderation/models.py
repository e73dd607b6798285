from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .bios import is_bio_model, snapshot_for_moderators
from .registry import BIO_LABEL


class ModerationState(models.TextChoices):
    VISIBLE = "visible", "Visible"
    PENDING = "pending", "Pending review"
    HIDDEN = "hidden", "Hidden by a moderator"
    REMOVED = "removed", "Removed by its author"


class ModeratedContent(models.Model):
    """Moderation state shared by everything members write (comments, questions, answers)."""

    moderation_state = models.CharField(
        max_length=10, choices=ModerationState.choices, default=ModerationState.VISIBLE
    )
    moderation_reason = models.CharField(max_length=300, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_visible(self) -> bool:
        return self.moderation_state == ModerationState.VISIBLE


class ReportReason(models.TextChoices):
    MISINFORMATION = "misinformation", "Medical misinformation"
    SPAM = "spam", "Spam or scam"
    HARASSMENT = "harassment", "Harassment or unkindness"
    PRIVATE_INFO = "private_info", "Private information shared"
    SELF_HARM = "self_harm", "Self-harm concern"
    OTHER = "other", "Something else"


class ModerationCase(models.Model):
    """One row per reported or held item: the unit of the moderators' queue."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, help_text="comment, question, answer or profile")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_cases",
    )
    # Anonymous posts: the queue hides the author's name (the forum's logged reveal shows it).
    author_anonymous = models.BooleanField(default=False)
    # The text as it was when the case opened: moderators judge what was reported even if
    # the author edits it afterwards.
    snapshot = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    urgent = models.BooleanField(default=False, help_text="Mentions self-harm: look first.")
    open_report_count = models.PositiveIntegerField(default=0)
    # Why the item waits for review without (enough) reports: trust rules or K reports.
    held_reason = models.CharField(max_length=200, blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "queue item"
        verbose_name_plural = "moderators' queue"
        ordering = ["status", "-urgent", "-open_report_count", "opened_at"]
        permissions = [("moderate_members", "Can warn, suspend and ban members")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="moderation_case_one_per_item"
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "-urgent", "-open_report_count", "opened_at"],
                name="moderation_case_queue_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.object_id}"

    @property
    def shown_snapshot(self) -> str:
        """The snapshot without a bio the member keeps to themselves (see bios)."""
        return snapshot_for_moderators(
            is_profile_item=self.kind == BIO_LABEL, member=self.author, stored=self.snapshot
        )


class WaitingForReview(ModerationCase):
    """The queue's open cases whose post waits for review, oldest first (admin only)."""

    class Meta:
        proxy = True
        verbose_name = "post waiting for review"
        verbose_name_plural = "posts waiting for review"
        ordering = ["opened_at"]


class Report(models.Model):
    """A member's report of one item; at most one per member per item."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DISMISSED = "dismissed", "Dismissed"
        ACTIONED = "actioned", "Acted on"

    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderation_reports"
    )
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    note = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "reporter"], name="moderation_report_one_per_member"
            )
        ]
        indexes = [models.Index(fields=["case", "status"], name="moderation_report_case_idx")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.case}"


class MemberSanction(models.Model):
    """A warning, suspension or ban given to a member."""

    class Kind(models.TextChoices):
        WARNING = "warning", "Warning"
        SUSPENSION = "suspension", "Suspension"
        BAN = "ban", "Ban"

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True, help_text="Suspensions only.")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["member", "kind", "ends_at"], name="sanction_member_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.member}"


class ProfileBioModeration(models.Model):
    """Moderation state of a member's profile bio, kept apart from the accounts models."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bio_moderation"
    )
    moderation_state = models.CharField(
        max_length=10, choices=ModerationState.choices, default=ModerationState.VISIBLE
    )
    moderation_reason = models.CharField(max_length=300, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "profile bio state"

    def __str__(self) -> str:
        return f"Bio of {self.member}: {self.get_moderation_state_display()}"


class ModerationLogEntry(models.Model):
    """Append-only record of one moderation action; never changed or deleted."""

    class Action(models.TextChoices):
        HIDE = "hide", "Hid content"
        RESTORE = "restore", "Restored content"
        APPROVE = "approve", "Approved pending content"
        REJECT = "reject", "Rejected pending content"
        AUTO_HOLD = "auto_hold", "Held for review automatically"
        REPORT_DISMISS = "dismiss", "Dismissed reports"
        WARN = "warn", "Warned member"
        SUSPEND = "suspend", "Suspended member"
        UNSUSPEND = "unsuspend", "Lifted suspension"
        BAN = "ban", "Banned member"
        REVEAL_ANONYMOUS = "reveal", "Revealed an anonymous author"
        NOTE_ADD = "note_add", "Added a context note"
        NOTE_EDIT = "note_edit", "Changed a context note"
        NOTE_REMOVE = "note_remove", "Removed a context note"
        READ_PRIVATE = "read_private", "Read a reported private message"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the system acted (automatic hold).",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    item_snapshot = models.TextField(blank=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_log_entries",
        help_text="The member affected: the item's author or the sanctioned member.",
    )
    before = models.CharField(max_length=40, blank=True)
    after = models.CharField(max_length=40, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "moderation log entry"
        verbose_name_plural = "moderation log"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="modlog_item_idx"),
            models.Index(fields=["member", "action"], name="modlog_member_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise PermissionError("Moderation log entries are append-only.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("Moderation log entries are append-only.")

    @property
    def shown_item_snapshot(self) -> str:
        """The item snapshot without a bio the member keeps to themselves (see bios)."""
        is_profile_item = self.content_type is not None and is_bio_model(
            self.content_type.model_class()
        )
        return snapshot_for_moderators(
            is_profile_item=is_profile_item, member=self.member, stored=self.item_snapshot
        )


CONTEXT_NOTE_MAX_LENGTH = 1000


class ContextNote(models.Model):
    """A moderator's note shown under a post to everyone who may read the post.

    The alternative to hiding a post that is misleading rather than harmful to see ("Our
    medical reviewers say..."). One per item; every change is in the moderation log.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20)
    text = models.TextField(max_length=CONTEXT_NOTE_MAX_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="moderation_context_note_one_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"Context note on {self.kind} #{self.object_id}"
