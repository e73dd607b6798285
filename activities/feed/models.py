from django.db import models
from django.utils import timezone


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
