"""Treatment pages: editors' guides, members' experiences and figures, care-team questions.

Editors write a `TreatmentGuide` per catalogue treatment and keep the `SideEffect` catalogue.
Members write one `Experience` per treatment (moderated like every post) with the side effects
they had; a Celery task turns the shared ones into `TreatmentFigures`, so a page never counts
experiences per request. `CareQuestion` is a member's private list for her next appointment.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Topic, Treatment
from moderation.models import ModeratedContent

TIPS_MAX_LENGTH = 2000
HELPED_MAX_LENGTH = 300
CARE_QUESTION_MAX_LENGTH = 500


class GuideStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class TreatmentGuide(models.Model):
    """The editor-written, medically reviewed summary shown on a treatment's page."""

    treatment = models.OneToOneField(Treatment, on_delete=models.CASCADE, related_name="guide")
    # The treatment's names as search matches them ("Trastuzumab (Herceptin)"), kept by the
    # guide services from the catalogue, so search needs no join to match a name.
    title = models.CharField(max_length=330, blank=True, editable=False)
    summary = models.TextField(
        help_text="Markdown. Plain words: what it is, how it is given, what to expect."
    )
    summary_html = models.TextField(blank=True, editable=False)
    reviewer_name = models.CharField("medical reviewer", max_length=120, blank=True)
    reviewer_credentials = models.CharField(
        max_length=120, blank=True, help_text="For example: MD, board-certified oncologist."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=GuideStatus.choices, default=GuideStatus.DRAFT)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="treatment_guides", help_text="Where search files it."
    )
    updated_at = models.DateTimeField(auto_now=True)
    # Kept current by a PostgreSQL trigger (migration 0003); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["treatment__name"]
        indexes = [models.Index(fields=["next_review_due"], name="guide_review_due_idx")]

    def __str__(self) -> str:
        return f"Guide: {self.treatment.name}"

    def get_absolute_url(self) -> str:
        return reverse("treatments:detail", kwargs={"slug": self.treatment.slug})

    @property
    def is_published(self) -> bool:
        return self.status == GuideStatus.PUBLISHED

    @property
    def review_is_past_due(self) -> bool:
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()


class GuideReference(models.Model):
    """One source of a guide, in the order the editor gave."""

    guide = models.ForeignKey(TreatmentGuide, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(default=0)
    citation = models.CharField(max_length=500)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["guide", "position", "id"]
        indexes = [models.Index(fields=["guide", "position"], name="guide_reference_order_idx")]

    def __str__(self) -> str:
        return self.citation


class SideEffect(models.Model):
    """The editors' catalogue of side effects members can pick from."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Inactive ones are no longer offered.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Going(models.IntegerChoices):
    VERY_HARD = 1, "Very hard"
    HARD = 2, "Hard"
    MIXED = 3, "Mixed"
    FAIRLY_WELL = 4, "Fairly well"
    WELL = 5, "Well"


class Bother(models.IntegerChoices):
    A_LITTLE = 1, "A little"
    QUITE_A_BIT = 2, "Quite a bit"
    A_LOT = 3, "A lot"


class Experience(ModeratedContent):
    """One member's experience of one treatment, which she edits as treatment goes on."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="treatment_experiences"
    )
    treatment = models.ForeignKey(
        Treatment, on_delete=models.CASCADE, related_name="experiences", db_index=False
    )
    # Month and year only: always stored as the 1st of the month.
    started_on = models.DateField()
    still_on = models.BooleanField(default=False)
    going = models.PositiveSmallIntegerField(choices=Going.choices)
    tips = models.TextField(
        max_length=TIPS_MAX_LENGTH, blank=True, validators=[MaxLengthValidator(TIPS_MAX_LENGTH)]
    )
    tips_html = models.TextField(blank=True, editable=False)
    side_effects = models.ManyToManyField(
        SideEffect, through="ExperienceSideEffect", related_name="experiences"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "treatment"], name="experience_one_per_treatment"
            )
        ]
        indexes = [
            models.Index(
                fields=["treatment", "moderation_state", "-updated_at"],
                name="experience_treatment_idx",
            )
        ]

    def __str__(self) -> str:
        return f"Experience #{self.pk} of {self.treatment_id}"


class ExperienceSideEffect(models.Model):
    """A side effect within one experience: how much it bothered her and what helped."""

    experience = models.ForeignKey(
        Experience, on_delete=models.CASCADE, related_name="side_effect_rows"
    )
    side_effect = models.ForeignKey(
        SideEffect, on_delete=models.PROTECT, related_name="experience_rows"
    )
    bother = models.PositiveSmallIntegerField(choices=Bother.choices)
    helped = models.CharField("what helped", max_length=HELPED_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["experience", "side_effect__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["experience", "side_effect"], name="experience_side_effect_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.side_effect_id} in experience {self.experience_id}"


class TreatmentFigures(models.Model):
    """Stored aggregates for one treatment and cohort, written only by the figures task."""

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="figures")
    # "all", or the facts that define it, e.g. "her2=positive|hr=|stage=2".
    cohort = models.CharField(max_length=120, default="all")
    figures = models.JSONField(default=dict)
    member_count = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "treatment figures"
        constraints = [
            models.UniqueConstraint(fields=["treatment", "cohort"], name="figures_once_per_cohort")
        ]

    def __str__(self) -> str:
        return f"Figures for {self.treatment_id} ({self.cohort})"


class CareQuestion(models.Model):
    """One question on a member's private list for her care team. Only she ever sees it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_questions"
    )
    text = models.TextField(
        max_length=CARE_QUESTION_MAX_LENGTH,
        validators=[MaxLengthValidator(CARE_QUESTION_MAX_LENGTH)],
    )
    answered = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)
    # Where she added it from (an article or a treatment page), if not written by herself.
    source_label = models.CharField(max_length=200, blank=True)
    source_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["owner", "position", "id"]
        indexes = [models.Index(fields=["owner", "position"], name="care_question_order_idx")]

    def __str__(self) -> str:
        return f"Care question #{self.pk}"


class SuggestedQuestion(models.Model):
    """A question editors suggest for the care-team list; on a treatment page or on the list."""

    text = models.CharField(max_length=CARE_QUESTION_MAX_LENGTH)
    treatment = models.ForeignKey(
        Treatment,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suggested_questions",
        help_text="Leave empty for a general question offered on everyone's list page.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["treatment", "position", "id"]

    def __str__(self) -> str:
        return self.text
