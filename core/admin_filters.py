"""Admin list filters more than one app's editors use."""

from datetime import timedelta
from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone


class ReviewDueFilter(admin.SimpleListFilter):
    """Lets editors list what is past its medical review date or coming up (`next_review_due`)."""

    title = "medical review"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("past_due", "Past due"),
            ("due_soon", "Due within 30 days"),
            ("none", "No date set"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        today = timezone.localdate()
        if self.value() == "past_due":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "due_soon":
            return queryset.filter(
                next_review_due__gte=today, next_review_due__lte=today + timedelta(days=30)
            )
        if self.value() == "none":
            return queryset.filter(next_review_due__isnull=True)
        return queryset
