"""Reads about members that other code reuses."""

from django.core.cache import cache

from .models import User


def member_count() -> int:
    """Active, non-erased members; cached for a minute because every home page shows it."""
    count = cache.get("accounts:member_count")
    if count is None:
        count = User.objects.filter(is_active=True, erased_at__isnull=True).count()
        cache.set("accounts:member_count", count, 60)
    return int(count)
