"""Editors write articles here; Markdown is rendered once, on save, through the service."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from core.admin_filters import ReviewDueFilter
from moderation.admin_content import ModeratedContentAdminMixin

from .models import Article, ArticleReference, ArticleSuggestedQuestion, Comment
from .page_cache import article_parts_render
from .services import article_render


class ArticleReferenceInline(admin.TabularInline):
    model = ArticleReference
    extra = 1
    fields = ["position", "citation", "url"]
    ordering = ["position", "id"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class ArticleSuggestedQuestionInline(admin.TabularInline):
    """Questions readers can add to their care-team list from the article, in this order."""

    model = ArticleSuggestedQuestion
    extra = 1
    fields = ["position", "text"]
    ordering = ["position", "id"]
    verbose_name = "suggested question for the care team"
    verbose_name_plural = "suggested questions for the care team"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status",
        "published_at",
        "review_status",
        "comment_count",
        "preview_link",
    ]
    list_filter = [ReviewDueFilter, "status", "topics"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics", "treatments", "related_articles"]
    date_hierarchy = "published_at"
    inlines = [ArticleReferenceInline, ArticleSuggestedQuestionInline]
    readonly_fields = ["comment_count", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "key_points", "body_markdown"]}),
        ("Publishing", {"fields": ["status", "published_at", "revised_at", "author"]}),
        (
            "Medical review",
            {"fields": ["reviewer_name", "reviewer_credentials", "reviewed_on", "next_review_due"]},
        ),
        ("Disclosure", {"fields": ["sponsor_disclosure"]}),
        ("Links", {"fields": ["topics", "treatments", "related_articles"]}),
        ("Comments", {"fields": ["comment_count", "updated_at"]}),
    ]

    @admin.display(description="Review", ordering="next_review_due")
    def review_status(self, obj: Article) -> str:
        if obj.next_review_due is None:
            return "No date"
        if obj.review_is_past_due:
            return format_html("<strong>Past due</strong> ({})", obj.next_review_due)
        return str(obj.next_review_due)

    @admin.display(description="Preview")
    def preview_link(self, obj: Article) -> str:
        url = reverse("admin:articles_article_preview", args=[obj.pk])
        return format_html('<a href="{}">Preview</a>', url)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Authors are staff; listing every member would be slow and show editors who joined.
        if db_field.name == "author":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", str(request.user.pk))
        return initial

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # The one rendering path (articles.services.article_render): once per save, sanitised.
        article_render(article=obj)
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list[URLPattern]:
        preview = path(
            "<int:pk>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name="articles_article_preview",
        )
        return [preview, *super().get_urls()]

    def preview_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The article exactly as readers will see it, drafts included (editors only)."""
        if not self.has_view_permission(request):
            raise Http404
        article = Article.objects.select_related("author").filter(pk=pk).first()
        if article is None:
            raise Http404
        context = {
            "article": article,
            "parts": article_parts_render(article=article, preview=True),
            "preview": True,
        }
        return render(request, "articles/article_detail.html", context)


@admin.register(Comment)
class CommentAdmin(ModeratedContentAdminMixin, admin.ModelAdmin):
    """Moderators read comments here and act through the moderation actions (logged)."""

    list_display = ["__str__", "moderation_badge", "author", "created_at"]
    list_select_related = ["author"]
    search_fields = ["body", "author__display_name"]
    list_filter = ["created_at", "article__topics"]
    readonly_fields = [
        "id",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "article",
        "author",
        "parent",
        "body",
        "body_html",
        "is_edited",
        "edited_at",
        "created_at",
        "hug_count",
        "reply_notified",
        "search_vector",
    ]
    date_hierarchy = "created_at"
    list_per_page = 50
    show_full_result_count = False

    # Hiding and restoring go through the actions, so nothing is added or deleted here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Comment | None = None) -> bool:
        return False
