"""Moderators read updates and their comments here and act through the moderation actions
(logged). Teams, requests and blocks have no admin: they are personal, and moderators meet
them only through a report."""

from django.contrib import admin
from django.http import HttpRequest

from moderation.admin_content import ModeratedContentAdminMixin

from .models import Update, UpdateComment


class _ModeratedAdmin(ModeratedContentAdminMixin, admin.ModelAdmin):
    list_select_related = ["author"]
    search_fields = ["body", "author__display_name"]
    date_hierarchy = "created_at"
    list_per_page = 50
    show_full_result_count = False

    # Hiding and restoring go through the actions, so nothing is added or deleted here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Update)
class UpdateAdmin(_ModeratedAdmin):
    list_display = ["__str__", "moderation_badge", "author", "audience", "tag", "created_at"]
    list_filter = ["created_at", "audience", "tag"]
    readonly_fields = [
        "id",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "author",
        "body",
        "body_html",
        "tag",
        "audience",
        "created_at",
        "edited_at",
        "hug_count",
        "comment_count",
        "search_vector",
    ]


@admin.register(UpdateComment)
class UpdateCommentAdmin(_ModeratedAdmin):
    list_display = ["__str__", "moderation_badge", "author", "created_at"]
    list_filter = ["created_at"]
    readonly_fields = [
        "id",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "update",
        "author",
        "parent",
        "body",
        "body_html",
        "created_at",
        "edited_at",
        "notified",
        "search_vector",
    ]
