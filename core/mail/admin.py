from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from .models import OutboxMessage
from .services import outbox_dispatch


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["kind", "to_email", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state", "kind"]
    search_fields = ["to_email"]
    date_hierarchy = "created_at"
    # Staff see where and when, never what: a subject or body names a member beside her
    # posts, anonymous ones included (docs/security.md).
    exclude = ["subject", "body_text", "body_html"]
    readonly_fields = [
        f.name
        for f in OutboxMessage._meta.fields
        if f.name not in ("subject", "body_text", "body_html")
    ]
    actions = ["send_again"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Send again (queue failed messages)")
    def send_again(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        # Interrupted sends need no one: the sweeper sends them again once their lease lapses.
        retry = queryset.filter(state=OutboxMessage.State.FAILED)
        ids = list(retry.values_list("id", flat=True))
        retry.update(state=OutboxMessage.State.QUEUED, next_attempt_at=timezone.now())
        outbox_dispatch(message_ids=ids)
        self.message_user(request, f"{len(ids)} message(s) queued again.")
