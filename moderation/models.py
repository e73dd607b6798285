from django.db import models


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
