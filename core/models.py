from django.conf import settings
from django.db import models


class CacheFallbackEntry(models.Model):
    """The table behind the "fallback" cache (Django's database cache reads it by raw SQL).

    Holds only the keys that must work while Redis is down (log-in and sign-up rate limits);
    a migration creates it, so no deployment step can forget `createcachetable`.
    """

    cache_key = models.CharField(max_length=255, primary_key=True)
    value = models.TextField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "core_cache_fallback"
        verbose_name = "cache fallback entry"
        verbose_name_plural = "cache fallback entries"

    def __str__(self) -> str:
        return self.cache_key


class ContentVersion(models.Model):
    """A token for one kind of cached copy (core.content_versions): the newest row is current.

    A change adds a row in its own transaction instead of updating one: concurrent writers
    never queue on a row lock, and the new token becomes visible exactly when the change
    commits (and never, if it rolls back). Old rows are pruned by a periodic task.
    """

    name = models.CharField(max_length=40)
    token = models.CharField(max_length=32)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "content version"
        indexes = [models.Index(fields=["name", "-id"], name="content_version_newest_idx")]

    def __str__(self) -> str:
        return f"{self.name} {self.token}"


class PostingKey(models.Model):
    """An idempotency key a member's posting form carried, and the post it created.

    One table for every member-written kind (core.idempotency): the unique constraint on
    (author, key) is what lets exactly one of two simultaneous submits of the same form
    create a post. `object_id` is set in the same transaction as the post is created.
    """

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    # The model's label ("articles.comment"): a key answers only for the kind it created.
    kind = models.CharField(max_length=100)
    object_id = models.PositiveBigIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "posting key"
        constraints = [
            models.UniqueConstraint(fields=["author", "key"], name="posting_key_once_per_author")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.key})"
