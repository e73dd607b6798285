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
