from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Topic, Treatment
from core.edit_window import EditWindowMixin
from moderation.models import ModeratedContent

COMMENT_MAX_LENGTH = 5000


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"


class Article(models.Model):
    """An educational article, written by editors in the admin and rendered once on save."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(
        max_length=400, help_text="One or two sentences, shown in lists, feeds and search results."
    )
    key_points = models.TextField(
        help_text="Three to five short, plain-language points, one per line."
    )
    body_markdown = models.TextField(
        help_text="Markdown. Use ## and ### headings: they make the table of contents."
    )
    body_html = models.TextField(blank=True, editable=False)
    toc = models.JSONField(default=list, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_written",
    )
    reviewer_name = models.CharField("medical reviewer", max_length=120, blank=True)
    reviewer_credentials = models.CharField(
        max_length=120, blank=True, help_text="For example: MD, board-certified oncologist."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    sponsor_disclosure = models.TextField(
        blank=True, help_text="Who funded this article, if any partner did. Shown plainly."
    )
    status = models.CharField(
        max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Scheduled and published articles appear from this time."
    )
    revised_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown as 'Updated' when the article was revised."
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="articles")
    treatments = models.ManyToManyField(Treatment, blank=True, related_name="articles")
    related_articles = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        help_text="Chosen 'Read more' links; when empty, articles sharing a topic are shown.",
    )
    # Visible comments and replies only, kept current by the comment services.
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published_idx"),
            models.Index(fields=["next_review_due"], name="article_review_due_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @property
    def key_point_list(self) -> list[str]:
        return [line.strip(" -*\t") for line in self.key_points.splitlines() if line.strip(" -*\t")]

    @property
    def is_public(self) -> bool:
        return (
            self.status in (ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED)
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def review_is_past_due(self) -> bool:
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()


class ArticleReference(models.Model):
    """One source of an article, in the order the editor gave."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(default=0)
    citation = models.CharField(max_length=500)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["article", "position", "id"]
        indexes = [models.Index(fields=["article", "position"], name="article_reference_order_idx")]

    def __str__(self) -> str:
        return self.citation


class Comment(EditWindowMixin, ModeratedContent):
    """A member's comment on an article, or a reply to one (one level deep)."""

    # Served by the composite indexes below, so no separate single-column ones.
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="article_comments",
        db_index=False,
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        db_index=False,
    )
    body = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    body_html = models.TextField(blank=True, editable=False)
    is_edited = models.BooleanField(default=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    hug_count = models.PositiveIntegerField(default=0)
    # Set once when the parent's author has been emailed about this reply: never twice.
    reply_notified = models.BooleanField(default=False, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The thread page: an article's top-level comments in order.
            models.Index(
                fields=["article", "created_at", "id"],
                condition=models.Q(parent__isnull=True),
                name="comment_top_level_idx",
            ),
            models.Index(fields=["article", "moderation_state"], name="comment_count_idx"),
            models.Index(fields=["parent", "created_at"], name="comment_replies_idx"),
            models.Index(fields=["author", "created_at"], name="comment_author_idx"),
        ]

    def __str__(self) -> str:
        return f"Comment #{self.pk} on {self.article_id}"

    def get_absolute_url(self) -> str:
        # The comment's own address: it redirects to the thread page that shows it (a comment
        # may be on page 2 or later), so emails, search and admin links never land short.
        return reverse("articles:comment", kwargs={"slug": self.article.slug, "pk": self.pk})


class CommentHug(models.Model):
    """One member's hug on one comment; the unique constraint makes a double submit count once."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="hugs")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_hugs"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "member"], name="comment_hug_once")
        ]
        indexes = [models.Index(fields=["member", "comment"], name="comment_hug_member_idx")]

    def __str__(self) -> str:
        return f"Hug on {self.comment_id}"


class ArticleSuggestedQuestion(models.Model):
    """A question editors offer readers for their care-team list, shown under the article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="suggested_questions"
    )
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["article", "position", "id"]

    def __str__(self) -> str:
        return self.text
