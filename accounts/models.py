from functools import cache

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.urls import reverse
from django.utils import timezone

HANDLE_PLACEHOLDER = "handle"


@cache
def _profile_url_prefix() -> str:
    return reverse("members:profile", kwargs={"handle": HANDLE_PLACEHOLDER}).removesuffix(
        f"{HANDLE_PLACEHOLDER}/"
    )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if not extra.get("handle"):
            from .handles import handle_for

            user.handle = handle_for(str(extra.get("display_name") or "member"))
        user.set_password(password)
        user.save(using=self._db)
        Profile.objects.create(user=user)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member. Email is the login; the display name is a pseudonym, never a real name."""

    email = models.EmailField(max_length=254, unique=True)
    display_name = models.CharField(max_length=40)
    # The URL handle (/members/<handle>/), derived from the display name at sign-up.
    handle = models.SlugField(max_length=50, unique=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    prefers_larger_text = models.BooleanField(default=False)
    # Emails about members' activity then carry no site name, no health word and no excerpt,
    # for people who share an inbox or a screen.
    discreet_email = models.BooleanField(
        default=False, help_text="Keep emails discreet: a neutral sender and subject."
    )
    # The bell's number: unread notifications, kept by notifications' services, so the header
    # reads it from the row the request already loaded (no query per page).
    notifications_unread = models.PositiveIntegerField(default=0)
    # Set when the member erased their account: the row stays so their posts can say
    # "Former member", but everything personal is gone.
    erased_at = models.DateTimeField(null=True, blank=True)
    # The welcome flow (accounts/welcome.py): the step reached, so it resumes there, and when
    # it was finished or put aside. Never required: nothing checks these except its prompt.
    welcome_step = models.CharField(max_length=20, blank=True, default="")
    welcome_done_at = models.DateTimeField(null=True, blank=True)
    # "New since your last visit" on the member home (accounts/visits.py): when she was last
    # seen there, written at most once per few minutes, and where her previous visit ended.
    last_seen_at = models.DateTimeField(null=True, blank=True)
    previous_visit_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.public_name

    def get_absolute_url(self) -> str:
        # Called for every author link on a page (up to 100 per thread page): one reverse()
        # per process, then plain concatenation. A handle is a slug, so nothing to quote.
        return f"{_profile_url_prefix()}{self.handle}/"

    @property
    def public_name(self) -> str:
        return "Former member" if self.erased_at else self.display_name


class Visibility(models.TextChoices):
    MEMBERS = "members", "Members"
    ONLY_ME = "me", "Only me"


class TeamCountVisibility(models.TextChoices):
    MEMBERS = "members", "Members"
    TEAM = "team", "My team"
    ONLY_ME = "me", "Only me"


def _visibility(default: str) -> models.CharField:
    return models.CharField(max_length=8, choices=Visibility.choices, default=default)


class Profile(models.Model):
    """What a member chooses to share; each field carries its own visibility."""

    class Role(models.TextChoices):
        LIVING_WITH = "living_with", "Living with breast cancer"
        PARTNER = "partner", "Partner or spouse"
        FAMILY = "family", "Family member"
        FRIEND = "friend", "Friend"

    class DiagnosisType(models.TextChoices):
        INVASIVE_DUCTAL = "idc", "Invasive ductal carcinoma"
        INVASIVE_LOBULAR = "ilc", "Invasive lobular carcinoma"
        DCIS = "dcis", "Ductal carcinoma in situ (DCIS)"
        INFLAMMATORY = "inflammatory", "Inflammatory breast cancer"
        METASTATIC = "metastatic", "Metastatic breast cancer"
        OTHER = "other", "Other or not sure"

    class HER2Status(models.TextChoices):
        POSITIVE = "positive", "HER2-positive"
        LOW = "low", "HER2-low"
        NEGATIVE = "negative", "HER2-negative"
        UNKNOWN = "unknown", "Not sure"

    class HormoneStatus(models.TextChoices):
        POSITIVE = "positive", "Hormone receptor-positive (ER+ and/or PR+)"
        NEGATIVE = "negative", "Hormone receptor-negative (ER- and PR-)"
        UNKNOWN = "unknown", "Not sure"

    class Stage(models.TextChoices):
        STAGE_0 = "0", "Stage 0"
        STAGE_1 = "1", "Stage I"
        STAGE_2 = "2", "Stage II"
        STAGE_3 = "3", "Stage III"
        STAGE_4 = "4", "Stage IV"
        UNKNOWN = "unknown", "Not sure"

    class AgeRange(models.TextChoices):
        UNDER_30 = "under30", "Under 30"
        THIRTIES = "30s", "30-39"
        FORTIES = "40s", "40-49"
        FIFTIES = "50s", "50-59"
        SIXTIES = "60s", "60-69"
        SEVENTY_PLUS = "70plus", "70 or older"

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")

    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    role_visibility = _visibility(Visibility.MEMBERS)
    bio = models.TextField(max_length=1000, blank=True)
    bio_visibility = _visibility(Visibility.MEMBERS)
    bad_day_answer = models.CharField(
        max_length=300, blank=True, help_text="When I'm having a bad day, ..."
    )
    bad_day_answer_visibility = _visibility(Visibility.MEMBERS)

    # Health details (GDPR art. 9): stored only with HealthDataConsent; default "only me".
    diagnosis_type = models.CharField(max_length=20, choices=DiagnosisType.choices, blank=True)
    diagnosis_type_visibility = _visibility(Visibility.ONLY_ME)
    year_diagnosed = models.PositiveSmallIntegerField(null=True, blank=True)
    year_diagnosed_visibility = _visibility(Visibility.ONLY_ME)
    her2_status = models.CharField(max_length=10, choices=HER2Status.choices, blank=True)
    her2_status_visibility = _visibility(Visibility.ONLY_ME)
    hormone_status = models.CharField(max_length=10, choices=HormoneStatus.choices, blank=True)
    hormone_status_visibility = _visibility(Visibility.ONLY_ME)
    stage = models.CharField(max_length=10, choices=Stage.choices, blank=True)
    stage_visibility = _visibility(Visibility.ONLY_ME)
    current_treatments = models.ManyToManyField(
        "catalogue.Treatment", blank=True, related_name="current_profiles"
    )
    past_treatments = models.ManyToManyField(
        "catalogue.Treatment", blank=True, related_name="past_profiles"
    )
    treatments_visibility = _visibility(Visibility.ONLY_ME)
    age_range = models.CharField(max_length=10, choices=AgeRange.choices, blank=True)
    age_range_visibility = _visibility(Visibility.ONLY_ME)
    region = models.CharField(max_length=80, blank=True)
    region_visibility = _visibility(Visibility.ONLY_ME)

    # The Activities page: her recent questions and answers (never anonymous ones) if she wants.
    show_posts_on_activities = models.BooleanField(
        default=False,
        help_text="Show my recent questions and answers on my Activities page.",
    )
    team_count_visibility = models.CharField(
        max_length=8, choices=TeamCountVisibility.choices, default=TeamCountVisibility.MEMBERS
    )
    # The profile photo (accounts/photos.py, photo_store.py): its files are named by this
    # random key in the "photos" storage, so no name can be guessed; empty without a photo.
    photo_key = models.CharField(max_length=32, blank=True, default="", db_index=True)
    photo_visibility = _visibility(Visibility.MEMBERS)
    photo_updated_at = models.DateTimeField(null=True, blank=True)
    # Set through moderation (accounts/photo_moderation.py): other members see initials.
    photo_hidden = models.BooleanField(default=False)

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["role", "role_visibility"], name="profile_role_idx"),
            models.Index(fields=["her2_status", "her2_status_visibility"], name="profile_her2_idx"),
            models.Index(fields=["stage", "stage_visibility"], name="profile_stage_idx"),
        ]

    def __str__(self) -> str:
        return f"Profile of {self.user.public_name}"


class HealthDataConsent(models.Model):
    """Explicit consent to store health details, recorded apart from the details themselves."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="health_consents")
    wording_version = models.CharField(max_length=20)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"Health-data consent {self.wording_version} ({self.given_at:%Y-%m-%d})"


class Block(models.Model):
    """She blocked him: neither sees the other's posts; he is never told."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="block_not_self"
            ),
        ]
        # Both directions hide everything, so both columns lead an index.
        indexes = [models.Index(fields=["blocked", "blocker"], name="block_blocked_idx")]

    def __str__(self) -> str:
        return f"Block #{self.pk}"
