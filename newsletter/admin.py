from functools import partial

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from . import services
from .models import Consent, Delivery, Issue, Send, Subscriber


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    can_delete = False
    readonly_fields = ["given_at", "source_page", "wording_version", "confirmed_at"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "state",
        "digest_enabled",
        "newsletter_enabled",
        "discreet",
        "paused_until",
        "created_at",
    ]
    list_filter = ["state", "digest_enabled", "newsletter_enabled", "discreet"]
    search_fields = ["email"]
    raw_id_fields = ["member"]
    filter_horizontal = ["topics"]
    readonly_fields = [
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "bounced_at",
        "last_digest_at",
        "created_at",
    ]
    inlines = [ConsentInline]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "segment_topic", "created_at", "send_state"]
    actions = ["send_test_to_myself", "send_to_subscribers"]

    @admin.display(description="Sent?")
    def send_state(self, obj: Issue) -> str:
        send = Send.objects.filter(issue=obj).order_by("-created_at").first()
        return send.get_state_display() if send else "Draft"

    @admin.action(description="Send a test to myself")
    def send_test_to_myself(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        for issue in queryset:
            services.issue_send_test(issue=issue, to=request.user.email)  # type: ignore[union-attr]
        self.message_user(request, f"Test email(s) sent to {request.user.email}.")  # type: ignore[union-attr]

    @admin.action(description="Send to subscribers (all, or the issue's topic segment)")
    def send_to_subscribers(self, request: HttpRequest, queryset: QuerySet[Issue]) -> None:
        from .tasks import newsletter_fan_out

        for issue in queryset:
            try:
                send = services.send_create_issue(issue=issue)
            except ValueError as exc:
                self.message_user(request, f"{issue}: {exc}", level=messages.WARNING)
                continue
            transaction.on_commit(partial(newsletter_fan_out.delay, send.id))
            self.message_user(request, f"{issue}: sending started; follow it under Sends.")


@admin.register(Send)
class SendAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "state", "progress", "created_at", "finished_at"]
    list_filter = ["kind", "state"]
    readonly_fields = [
        "kind",
        "issue",
        "state",
        "since",
        "chunk_count",
        "created_at",
        "finished_at",
        "progress",
    ]
    actions = ["pause", "resume", "cancel"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Queued / sent / failed")
    def progress(self, obj: Send) -> str:
        counts = services.send_progress(send_id=obj.id)
        queued = counts["queued"] + counts["sending"]
        return format_html(
            "{} queued · {} sent · {} failed · {} skipped · {} cancelled",
            queued,
            counts["sent"],
            counts["failed"],
            counts["skipped"],
            counts["cancelled"],
        )

    @admin.action(description="Pause sending")
    def pause(self, request: HttpRequest, queryset: QuerySet[Send]) -> None:
        paused = sum(services.send_pause(send_id=s.id) for s in queryset)
        self.message_user(request, f"{paused} send(s) paused.")

    @admin.action(description="Resume sending")
    def resume(self, request: HttpRequest, queryset: QuerySet[Send]) -> None:
        resumed = sum(services.send_resume(send_id=s.id) for s in queryset)
        self.message_user(request, f"{resumed} send(s) resumed.")

    @admin.action(description="Cancel (mail already sent stays sent)")
    def cancel(self, request: HttpRequest, queryset: QuerySet[Send]) -> None:
        for send in queryset:
            services.send_cancel(send_id=send.id)
        self.message_user(request, "Cancelled.")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["id", "send", "subscriber", "state", "attempts", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subscriber__email"]
    list_select_related = ["send", "subscriber"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
