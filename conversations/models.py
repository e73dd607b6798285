"""Private conversations between two members, their messages and message requests.

A conversation holds exactly two members (`first` has the lower id, so a pair has one
conversation). Each member has her own `Participant` row: when she last read it, whether she
muted or left it. Message bodies are encrypted at rest (fields.EncryptedTextField). A member who
is not on the other's team starts with a `MessageRequest`; the recipient sees it (once its first
message passed review) and accepts or ignores it, and only an accepted request lets both write.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.edit_window import EditWindowMixin
from moderation.models import ModeratedContent

from .fields import EncryptedTextField

MESSAGE_MAX_LENGTH = 4000
DELETED_PLACEHOLDER = "This message was deleted."
ERASED_PLACEHOLDER = "This message was removed when its writer closed her account."


class Conversation(models.Model):
    first = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # The newest delivered message: orders the list; held messages do not move it.
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="conversation_one_per_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="conversation_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"Conversation #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:detail", args=[self.pk])

    def other_id(self, member_id: int) -> int:
        return self.second_id if member_id == self.first_id else self.first_id


class Participant(models.Model):
    """One member's side of a conversation."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_sides"
    )
    last_read_at = models.DateTimeField(null=True, blank=True)
    muted = models.BooleanField(default=False)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "member"], name="participant_one_per_member"
            )
        ]
        indexes = [models.Index(fields=["member", "left_at"], name="participant_member_idx")]

    def __str__(self) -> str:
        return f"Member #{self.member_id} in conversation #{self.conversation_id}"


class MessageRequest(models.Model):
    """A first message from someone who is not on the recipient's team."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        # Ignored silently: the sender keeps seeing "waiting", nobody is told.
        IGNORED = "ignored", "Ignored"

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="request"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_requests_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="message_requests_received",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["sender", "created_at"], name="msgrequest_sender_idx"),
            models.Index(fields=["recipient", "status"], name="msgrequest_recipient_idx"),
        ]

    def __str__(self) -> str:
        return f"Message request #{self.pk}"


class Message(EditWindowMixin, ModeratedContent):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="conversation_messages",
    )
    body = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # When it reached the other member (at once, or when a moderator approved it): a later
    # restore or dismissed report makes it visible again without a second email.
    delivered_at = models.DateTimeField(null=True, blank=True)
    # Set when its writer's account was erased: the placeholder says so.
    erased = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["conversation", "id"], name="message_conversation_idx"),
            models.Index(fields=["author", "created_at"], name="message_author_idx"),
        ]

    def __str__(self) -> str:
        return f"Message #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.deleted_at is not None or self.erased

    @property
    def placeholder(self) -> str:
        return ERASED_PLACEHOLDER if self.erased else DELETED_PLACEHOLDER


class MessagingSettings(models.Model):
    """Whether members outside her team may send her message requests (on unless she says)."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_settings"
    )
    requests_open = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"Messaging settings of member #{self.member_id}"
