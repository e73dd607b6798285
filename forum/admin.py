from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from moderation.admin_content import ModeratedContentAdminMixin

from .models import AnonymousReveal, Answer, Question


def _author(obj: Question | Answer) -> str:
    # Anonymous posts do not show their author here: the reveal view logs every look.
    if obj.is_anonymous:
        kind = "question" if isinstance(obj, Question) else "answer"
        url = reverse("forum:reveal", kwargs={"kind": kind, "pk": obj.pk})
        return format_html('A member (<a href="{}">reveal, logged</a>)', url)
    return obj.author.public_name


@admin.register(Question)
class QuestionAdmin(ModeratedContentAdminMixin, admin.ModelAdmin):
    list_display = ["title", "author_shown", "moderation_badge", "answer_count", "created_at"]
    list_filter = ["topics"]
    list_per_page = 50
    show_full_result_count = False
    search_fields = ["title"]
    exclude = ["author", "search_vector"]
    readonly_fields = ["author_shown", "answer_count", "hug_count", "body_html"]
    list_select_related = ["author"]

    @admin.display(description="author")
    def author_shown(self, obj: Question) -> str:
        return _author(obj)

    # Moderators hide or remove through the actions (logged, reversible); nothing is added
    # or deleted here.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Answer)
class AnswerAdmin(ModeratedContentAdminMixin, admin.ModelAdmin):
    list_display = ["id", "question", "author_shown", "moderation_badge", "created_at"]
    list_filter = ["question__topics"]
    list_per_page = 50
    show_full_result_count = False
    exclude = ["author", "search_vector", "question", "parent"]
    readonly_fields = ["author_shown", "hug_count", "body_html"]
    list_select_related = ["author", "question"]

    @admin.display(description="author")
    def author_shown(self, obj: Answer) -> str:
        return _author(obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AnonymousReveal)
class AnonymousRevealAdmin(admin.ModelAdmin):
    list_display = ["created_at", "moderator", "content_kind", "object_id", "reason"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
