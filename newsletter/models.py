from django.conf import settings
from django.db import models
from django.utils import timezone

from core.mail.models import Leased


class Subscriber(models.Model):
    """One email address on the list; only `confirmed` ones get mail."""

    class State(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCED = "bounced", "Bounced"

    email = models.EmailField(max_length=254, unique=True)
    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriber",
    )
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    topics = models.ManyToManyField(
        "catalogue.Topic", blank=True, related_name="newsletter_subscribers"
    )
    digest_enabled = models.BooleanField("weekly digest", default=True)
    newsletter_enabled = models.BooleanField("newsletter issues", default=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    discreet = models.BooleanField(
        default=False, help_text="Neutral sender name and subject, for a shared inbox."
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "id"], name="newsletter_sub_state_idx")]

    def __str__(self) -> str:
        return f"{self.email} ({self.state})"


class Consent(models.Model):
    """What a subscriber agreed to, where and when (kept as proof of opt-in)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    given_at = models.DateTimeField(default=timezone.now)
    source_page = models.CharField(max_length=200, blank=True)
    wording_version = models.CharField(max_length=20)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"Consent {self.wording_version} ({self.given_at:%Y-%m-%d})"


class Issue(models.Model):
    """A newsletter issue composed by an editor in admin."""

    subject = models.CharField(max_length=150)
    intro = models.TextField(help_text="Markdown.", blank=True)
    articles = models.ManyToManyField(
        "articles.Article", blank=True, related_name="newsletter_issues"
    )
    segment_topic = models.ForeignKey(
        "catalogue.Topic",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Empty: every confirmed subscriber. Otherwise only those following this topic.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class Send(models.Model):
    """One mailing (a digest run or an issue) to many subscribers."""

    class Kind(models.TextChoices):
        DIGEST = "digest", "Weekly digest"
        ISSUE = "issue", "Newsletter issue"

    class State(models.TextChoices):
        FANNING_OUT = "fanning_out", "Creating deliveries"
        SENDING = "sending", "Sending"
        PAUSED = "paused", "Paused"
        CANCELLED = "cancelled", "Cancelled"
        DONE = "done", "Done"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    issue = models.ForeignKey(Issue, null=True, blank=True, on_delete=models.PROTECT)
    state = models.CharField(max_length=12, choices=State.choices, default=State.FANNING_OUT)
    # Digest window: articles published after the subscriber's last digest (or `since`).
    since = models.DateTimeField(null=True, blank=True)
    chunk_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        label = self.issue.subject if self.issue_id and self.issue else self.get_kind_display()
        return f"{label} ({self.created_at:%Y-%m-%d %H:%M})"


class Delivery(Leased):
    """One email of a send to one subscriber; the unique constraint forbids a second.

    Claimed and sent under a lease (core.mail.delivery), like every email of the project.
    """

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (nothing new)"
        CANCELLED = "cancelled", "Cancelled"

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    chunk = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="newsletter_delivery_once")
        ]
        indexes = [
            models.Index(fields=["send", "chunk", "state"], name="newsletter_delivery_chunk_idx"),
            models.Index(fields=["state", "claimed_at"], name="newsletter_delivery_claim_idx"),
        ]

    def __str__(self) -> str:
        return f"Delivery {self.pk} ({self.state})"
