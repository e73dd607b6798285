from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.edit_window import EditWindowMixin
from moderation.models import ModeratedContent


class Question(EditWindowMixin, ModeratedContent):
    """A member's question. Title, topics, counts and dates are public; the rest is members-only."""

    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=160, allow_unicode=False)
    body = models.TextField(max_length=10000, blank=True)
    body_html = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_questions"
    )
    is_anonymous = models.BooleanField(default=False)
    topics = models.ManyToManyField("catalogue.Topic", related_name="questions")
    treatments = models.ManyToManyField("catalogue.Treatment", blank=True, related_name="questions")
    answer_count = models.PositiveIntegerField(default=0)
    hug_count = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Kept current by a PostgreSQL trigger (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["moderation_state", "-last_activity_at", "-id"], name="forum_q_activity_idx"
            ),
            models.Index(
                fields=["moderation_state", "answer_count", "-created_at", "-id"],
                name="forum_q_unanswered_idx",
            ),
            models.Index(fields=["author", "-created_at"], name="forum_q_author_idx"),
            # Newest visible questions first, walked in order: the "My team" feed's question
            # source (forum/team_feed.py) with a large team (benchmarks/RESULTS.md, Home feed).
            models.Index(
                fields=["moderation_state", "created_at", "id"], name="forum_q_state_created_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:question", kwargs={"pk": self.pk, "slug": self.slug or "q"})


class Answer(EditWindowMixin, ModeratedContent):
    """An answer to a question, or a reply (one level deep) to an answer."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_answers"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(max_length=10000)
    body_html = models.TextField(blank=True)
    is_anonymous = models.BooleanField(default=False)
    is_helpful = models.BooleanField(default=False)
    hug_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Set once the followers' emails are queued: a sweep retries answers still without it,
    # so a broker outage delays these emails but never loses them.
    followers_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["question", "created_at", "id"], name="forum_a_question_idx"),
            models.Index(
                fields=["created_at"],
                name="forum_a_unnotified_idx",
                condition=models.Q(followers_notified_at__isnull=True),
            ),
            models.Index(fields=["author", "-created_at"], name="forum_a_author_idx"),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk} to question {self.question_id}"

    def get_absolute_url(self) -> str:
        # The answer's own address: it redirects to the page of answers that shows it (an
        # answer may be on page 2 or later), so emails and search results never land short.
        return reverse("forum:answer", kwargs={"question_pk": self.question_id, "pk": self.pk})


class QuestionHug(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="hugs")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "question"], name="forum_qhug_once")
        ]

    def __str__(self) -> str:
        return f"Hug on question {self.question_id}"


class AnswerHug(models.Model):
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="hugs")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "answer"], name="forum_ahug_once")]

    def __str__(self) -> str:
        return f"Hug on answer {self.answer_id}"


class QuestionFollow(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_follows"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "question"], name="forum_follow_once")
        ]

    def __str__(self) -> str:
        return f"Follow of question {self.question_id}"


class FollowFrequency(models.TextChoices):
    """How often the follow page offers to hear of new answers: each maps to a channel of the
    notifications' "New answers on questions you follow" line, where the choice is kept."""

    IMMEDIATE = "immediate", "As each answer arrives"
    DAILY = "daily", "Once a day, in one email"
    NEVER = "never", "Never by email (I will check the bell)"


class AnswerNotification(models.Model):
    """One member told about one answer (a follower, the question's author or the parent's):
    the unique row makes it happen at most once."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "answer"], name="forum_notify_once")
        ]
        indexes = [models.Index(fields=["sent_at", "follower"], name="forum_notify_pending_idx")]

    def __str__(self) -> str:
        return f"Notification of answer {self.answer_id}"


class AnonymousReveal(models.Model):
    """A moderator looked behind "A member": who, at what, when and why (kept for audit)."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    content_kind = models.CharField(max_length=10)  # "question" or "answer"
    object_id = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Reveal of {self.content_kind} {self.object_id}"
