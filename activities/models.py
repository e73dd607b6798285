from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.edit_window import EditWindowMixin
from moderation.models import ModeratedContent

UPDATE_MAX_LENGTH = 2000
UPDATE_COMMENT_MAX_LENGTH = 2000


class Audience(models.TextChoices):
    MEMBERS = "members", "All members"
    TEAM = "team", "My team only"


class UpdateTag(models.TextChoices):
    NONE = "", "No tag"
    INFUSION_DAY = "infusion_day", "Infusion day"
    SCAN_DAY = "scan_day", "Scan day"
    SCANXIETY = "scanxiety", "Waiting for results"
    APPOINTMENT_DAY = "appointment_day", "Appointment day"
    SURGERY_DAY = "surgery_day", "Surgery day"
    RADIATION_DAY = "radiation_day", "Radiation day"
    GOOD_DAY = "good_day", "Good day"
    HARD_DAY = "hard_day", "Hard day"
    TIRED_DAY = "tired_day", "Tired day"
    MILESTONE = "milestone", "Milestone"


class Update(EditWindowMixin, ModeratedContent):
    """How a member is doing: a short post on her Activities page, for members or her team."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_updates",
        db_index=False,  # led by the (author, -created_at, -id) index below
    )
    body = models.TextField(max_length=UPDATE_MAX_LENGTH, blank=True)
    body_html = models.TextField(blank=True, editable=False)
    tag = models.CharField(max_length=20, choices=UpdateTag.choices, default="", blank=True)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hug_count = models.PositiveIntegerField(default=0)
    # Visible comments and replies only, kept current by the comment services.
    comment_count = models.PositiveIntegerField(default=0)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The "Everyone" tab and search: visible updates for all members, newest first.
            models.Index(
                fields=["moderation_state", "audience", "-created_at", "-id"],
                name="update_feed_idx",
            ),
            # Her Activities page and the "My team" tab (one range scan per team mate).
            models.Index(fields=["author", "-created_at", "-id"], name="update_author_idx"),
        ]

    def __str__(self) -> str:
        return f"Update #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("activities:update", kwargs={"pk": self.pk})

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None


class UpdateComment(EditWindowMixin, ModeratedContent):
    """A comment under an update, or a reply to one (one level deep, like article comments)."""

    update = models.ForeignKey(
        Update, on_delete=models.CASCADE, related_name="comments", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="update_comments",
        db_index=False,
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        db_index=False,
    )
    body = models.TextField(max_length=UPDATE_COMMENT_MAX_LENGTH, blank=True)
    body_html = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Set once when the update's author (or the parent's author) was emailed: never twice.
    notified = models.BooleanField(default=False, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["update", "created_at", "id"], name="update_comment_thread_idx"),
            models.Index(fields=["parent", "created_at"], name="update_comment_replies_idx"),
            models.Index(fields=["author", "created_at"], name="update_comment_author_idx"),
        ]

    def __str__(self) -> str:
        return f"Comment #{self.pk} on update {self.update_id}"

    def get_absolute_url(self) -> str:
        return reverse("activities:update", kwargs={"pk": self.update_id}) + f"#c{self.pk}"

    @property
    def is_edited(self) -> bool:
        return self.edited_at is not None


class UpdateHug(models.Model):
    """One member's hug on one update; the unique constraint makes a double submit count once."""

    update = models.ForeignKey(Update, on_delete=models.CASCADE, related_name="hugs")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="update_hugs"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "member"], name="update_hug_once")]
        indexes = [models.Index(fields=["member", "update"], name="update_hug_member_idx")]

    def __str__(self) -> str:
        return f"Hug on update {self.update_id}"


class TeamLink(models.Model):
    """One direction of a mutual team: two rows per pair, so "her team" is one index range."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_links"
    )
    mate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_links_in",
        db_index=False,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "mate"], name="team_link_once"),
            models.CheckConstraint(
                condition=~models.Q(member=models.F("mate")), name="team_link_not_self"
            ),
        ]
        # Fan-out: who has X on their team is X's own mates, read from this side.
        indexes = [models.Index(fields=["mate"], name="team_link_mate_idx")]

    def __str__(self) -> str:
        return f"Team link #{self.pk}"


class TeamRequest(models.Model):
    """A member asks another to join her team; ignoring it is silent (the sender sees pending)."""

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        IGNORED = "ignored", "Ignored"

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_requests_sent",
        db_index=False,
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_requests_received"
    )
    created_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="team_request_once"),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="team_request_not_self"
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "state", "-created_at"], name="team_request_in_idx")
        ]

    def __str__(self) -> str:
        return f"Team request #{self.pk}"


class FeedJob(models.Model):
    """Work the Redis feeds still owe: the row is the promise, the Celery task the messenger.

    A hook writes the row in the same transaction as the change and queues the task after
    commit; the task deletes the row when Redis took the work. A row left behind (the broker
    or Redis was down) is queued again by the sweeper, so a feed is late, never wrong for
    long, and reads are filtered by the visibility rule meanwhile.
    """

    class Kind(models.TextChoices):
        # Put an update into (or take it out of) its author's and her team's feeds, by what
        # the database says when the job runs, so jobs may run late, twice or out of order.
        UPDATE = "update", "Sync an update"
        QUESTION = "question", "Sync a question"
        # Team or block changed between two members: drop both feeds (rebuilt on next read).
        PAIR = "pair", "Rebuild two feeds"
        # A member erased her account: drop her feed and take her posts out of her team's.
        ERASED = "erased", "Forget a member"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    target_id = models.BigIntegerField()
    # The question's author for QUESTION, the other member for PAIR, her mates for ERASED
    # (captured when the hook runs, before erasure takes the team links away).
    other_ids = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="feed_job_age_idx")]

    def __str__(self) -> str:
        return f"Feed job #{self.pk} ({self.kind} {self.target_id})"
