from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import AnonymousReveal, Answer, Question


def _author(obj: Question | Answer) -> str:
    # Anonymous posts do not show their author here: the reveal view logs every look.
    if obj.is_anonymous:
        kind = "question" if isinstance(obj, Question) else "answer"
        url = reverse("forum:reveal", kwargs={"kind": kind, "pk": obj.pk})
        return format_html('A member (<a href="{}">reveal, logged</a>)', url)
    return obj.author.public_name


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "author_shown", "moderation_state", "answer_count", "created_at"]
    list_filter = ["moderation_state"]
    search_fields = ["title"]
    exclude = ["author", "search_vector"]
    readonly_fields = ["author_shown", "answer_count", "hug_count", "body_html"]
    list_select_related = ["author"]

    @admin.display(description="author")
    def author_shown(self, obj: Question) -> str:
        return _author(obj)


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["id", "question", "author_shown", "moderation_state", "created_at"]
    list_filter = ["moderation_state"]
    exclude = ["author", "search_vector", "question", "parent"]
    readonly_fields = ["author_shown", "hug_count", "body_html"]
    list_select_related = ["author", "question"]

    @admin.display(description="author")
    def author_shown(self, obj: Answer) -> str:
        return _author(obj)


@admin.register(AnonymousReveal)
class AnonymousRevealAdmin(admin.ModelAdmin):
    list_display = ["created_at", "moderator", "content_kind", "object_id", "reason"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
