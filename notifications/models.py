"""A notification, a member's choice per kind, and her "pause all email" switch."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Channel(models.TextChoices):
    """How a member hears about one kind of notification."""

    IN_APP = "in_app", "Only here, under the bell"
    EMAIL = "email", "Here, and by email straight away"
    DIGEST = "digest", "Here, and in one email a day"
    OFF = "off", "Not at all"


class EmailState(models.TextChoices):
    NONE = "", "no email"
    DIGEST = "digest", "waiting for the daily email"
    SENT = "sent", "emailed"


class Notification(models.Model):
    """One thing that happened to a member, rendered only when she reads it.

    Nothing of the target is copied here: the page asks the target's app, at read time, what
    this reader may see of it, so a hidden post, a block or an audience change shows nothing.
    Grouped kinds (hugs) gather further actors into the same unread row: `actor_ids` keeps the
    most recent ones, `actor_count` how many in all.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_ids = models.JSONField(default=list, blank=True)
    actor_count = models.PositiveIntegerField(default=1)
    # The actor wrote anonymously: never named, not to the recipient, not in an email.
    anonymous = models.BooleanField(default=False)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    # A moderator's reason for a decision on her own post; never another member's words.
    reason = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        max_length=10, choices=EmailState.choices, blank=True, default=EmailState.NONE
    )

    class Meta:
        indexes = [
            models.Index(fields=["recipient", "-updated_at", "-id"], name="notif_page"),
            models.Index(
                fields=["recipient", "kind", "target_type", "target_id"],
                condition=Q(read_at__isnull=True),
                name="notif_unread_group",
            ),
            models.Index(
                fields=["recipient"], condition=Q(email_state="digest"), name="notif_digest_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for member {self.recipient_id}"


class NotificationPreference(models.Model):
    """Her channel for one preference group; no row means the group's default."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_prefs"
    )
    group = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "group"], name="notif_pref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.channel}"


class EmailPause(models.Model):
    """A row means she paused every notification email; in-app notifications go on."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    paused_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"email paused for member {self.member_id}"
