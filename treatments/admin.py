"""Editors keep the treatment guides, the side-effect catalogue and suggested questions here.

Members' care-team lists have no admin on purpose: they are private to their owner.
"""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from core.admin_filters import ReviewDueFilter
from moderation.admin_content import ModeratedContentAdminMixin

from .models import (
    Experience,
    ExperienceSideEffect,
    GuideReference,
    SideEffect,
    SuggestedQuestion,
    TreatmentGuide,
)
from .selectors.pages import treatment_page
from .services.guides import guide_render
from .structured_data import treatment_json_ld


class GuideReferenceInline(admin.TabularInline):
    model = GuideReference
    extra = 1
    fields = ["position", "citation", "url"]
    ordering = ["position", "id"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(TreatmentGuide)
class TreatmentGuideAdmin(admin.ModelAdmin):
    list_display = ["treatment", "status", "review_status", "updated_at", "preview_link"]
    list_select_related = ["treatment"]
    list_filter = [ReviewDueFilter, "status", "treatment__drug_class"]
    search_fields = ["treatment__name", "treatment__brand_names", "summary"]
    autocomplete_fields = ["treatment"]
    filter_horizontal = ["topics"]
    inlines = [GuideReferenceInline]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["treatment", "summary", "status", "topics"]}),
        (
            "Medical review",
            {"fields": ["reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due"]},
        ),
        ("History", {"fields": ["updated_at"]}),
    ]

    @admin.display(description="Review", ordering="next_review_due")
    def review_status(self, obj: TreatmentGuide) -> str:
        if obj.next_review_due is None:
            return "No date"
        if obj.review_is_past_due:
            return format_html("<strong>Past due</strong> ({})", obj.next_review_due)
        return str(obj.next_review_due)

    @admin.display(description="Preview")
    def preview_link(self, obj: TreatmentGuide) -> str:
        url = reverse("admin:treatments_treatmentguide_preview", args=[obj.pk])
        return format_html('<a href="{}">Preview</a>', url)

    def save_model(
        self, request: HttpRequest, obj: TreatmentGuide, form: Any, change: bool
    ) -> None:
        # The one rendering path (services.guides.guide_render): once per save, sanitised.
        guide_render(guide=obj)
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "<int:pk>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="treatments_treatmentguide_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The treatment page as readers will see it with this guide, drafts included."""
        if not self.has_view_permission(request):
            raise Http404
        guide = TreatmentGuide.objects.select_related("treatment").filter(pk=pk).first()
        if guide is None:
            raise Http404
        treatment = guide.treatment
        page = treatment_page(treatment=treatment, viewer=request.user)
        # The editor's own guide, whatever its state: the preview is what she is checking.
        page.guide = guide
        page.references = list(guide.references.all())
        context = {
            "treatment": treatment,
            "page": page,
            "guide": guide,
            "is_member": False,
            "preview": True,
            "json_ld": treatment_json_ld(
                treatment=treatment, guide=guide, references=page.references
            ),
            "canonical_url": "",
        }
        return render(request, "treatments/treatment_detail.html", context)


@admin.register(SideEffect)
class SideEffectAdmin(admin.ModelAdmin):
    """The side effects members can pick in their experience; retire one by unticking active."""

    list_display = ["name", "position", "active"]
    list_editable = ["position", "active"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request: HttpRequest, obj: SideEffect | None = None) -> bool:
        # Members' experiences point at these rows; retiring keeps what they wrote intact.
        return False


@admin.register(SuggestedQuestion)
class SuggestedQuestionAdmin(admin.ModelAdmin):
    """Questions members can add to their care-team list from a treatment page (or, with no
    treatment, from their list page)."""

    list_display = ["text", "treatment", "position", "active"]
    list_editable = ["position", "active"]
    list_filter = ["active", "treatment"]
    list_select_related = ["treatment"]
    search_fields = ["text"]
    autocomplete_fields = ["treatment"]


# --- Members' experiences, for moderators (they act through the moderation actions, logged) ---


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
