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
