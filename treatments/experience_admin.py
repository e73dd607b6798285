"""Moderators read members' experiences here and act through the moderation actions (logged).

Imported by treatments.admin, so Django's admin discovery finds it.
"""

from django.contrib import admin
from django.http import HttpRequest

from moderation.admin_content import ModeratedContentAdminMixin

from .models import Experience, ExperienceSideEffect


class ExperienceSideEffectInline(admin.TabularInline):
    model = ExperienceSideEffect
    fields = ("side_effect", "bother", "helped")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Experience)
class ExperienceAdmin(ModeratedContentAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "treatment", "moderation_badge", "author", "updated_at"]
    list_select_related = ["author", "treatment"]
    search_fields = ["tips", "author__display_name", "treatment__name"]
    list_filter = ["treatment__drug_class", "updated_at"]
    readonly_fields = [
        "id",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "author",
        "treatment",
        "started_on",
        "still_on",
        "going",
        "tips",
        "created_at",
        "updated_at",
    ]
    exclude = ["tips_html"]
    inlines = [ExperienceSideEffectInline]
    date_hierarchy = "updated_at"
    list_per_page = 50
    show_full_result_count = False

    # Hiding and restoring go through the actions; the author alone writes or removes it.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Experience | None = None) -> bool:
        return False
