"""The welcome flow's steps and state, and the topics that fit a member's profile.

The flow is never required: no middleware sends anyone to it. Sign-up lands on it once
(ACCOUNT_SIGNUP_REDIRECT_URL); afterwards only the member home's prompt offers it, until she
finishes or puts it aside. Every step can be skipped; the step reached is kept on the user,
so /accounts/welcome/ resumes there.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from catalogue.models import Topic, Treatment

from .models import Profile, User


@dataclass(frozen=True)
class WelcomeStep:
    slug: str
    title: str


STEPS: tuple[WelcomeStep, ...] = (
    WelcomeStep("role", "About you"),
    WelcomeStep("health", "What you share"),
    WelcomeStep("review", "Your first posts"),
    WelcomeStep("next", "Where to start"),
)
STEP_SLUGS = tuple(step.slug for step in STEPS)

CAREGIVER_ROLES = frozenset({Profile.Role.PARTNER, Profile.Role.FAMILY, Profile.Role.FRIEND})

# Topic slugs to try, best first, for each part of a profile. Editors own the topic catalogue,
# so several spellings are listed; the first that exists wins, and a missing one costs nothing.
GUIDE_TOPICS: dict[str, tuple[str, ...]] = {
    "caregiver": ("caregivers", "caregiving", "emotional-support"),
    "metastatic": ("metastatic-breast-cancer", "metastatic-care", "metastatic"),
    "her2_positive": ("her2-positive", "her2-positive-breast-cancer"),
    "her2_low": ("her2-low", "her2-positive"),
    "triple_negative": ("triple-negative", "triple-negative-breast-cancer"),
    "hormone_positive": ("hormone-receptor-positive", "hr-positive", "hormone-therapy"),
    "any": ("diagnosis", "treatment-decisions"),
}


def step_index(slug: str) -> int:
    return STEP_SLUGS.index(slug)


def step_after(slug: str) -> str | None:
    index = step_index(slug) + 1
    return STEP_SLUGS[index] if index < len(STEP_SLUGS) else None


def step_before(slug: str) -> str | None:
    index = step_index(slug) - 1
    return STEP_SLUGS[index] if index >= 0 else None


def welcome_resume_step(*, user: User) -> str:
    """The step to show on /accounts/welcome/: where she left off, else the first."""
    return user.welcome_step if user.welcome_step in STEP_SLUGS else STEP_SLUGS[0]


def welcome_pending(*, user: User) -> bool:
    """Whether the member home should offer the welcome flow."""
    return user.welcome_done_at is None


def welcome_step_reach(*, user: User, step: str) -> None:
    """Remember that she reached `step` (a write only when it moves forward)."""
    if step not in STEP_SLUGS:
        raise ValueError(f"No welcome step {step!r}.")
    current = user.welcome_step if user.welcome_step in STEP_SLUGS else None
    if current is not None and step_index(current) >= step_index(step):
        return
    user.welcome_step = step
    user.save(update_fields=["welcome_step"])


def welcome_finish(*, user: User) -> None:
    """Finished or put aside: the home page stops offering it. Idempotent."""
    if user.welcome_done_at is not None:
        return
    user.welcome_done_at = timezone.now()
    user.save(update_fields=["welcome_done_at"])


def guide_keys_for(profile: Profile) -> list[str]:
    """Which parts of GUIDE_TOPICS fit this profile, most specific first (her own view)."""
    keys: list[str] = []
    if profile.role in CAREGIVER_ROLES:
        keys.append("caregiver")
    if (
        profile.diagnosis_type == Profile.DiagnosisType.METASTATIC
        or profile.stage == Profile.Stage.STAGE_4
    ):
        keys.append("metastatic")
    her2, hormone = profile.her2_status, profile.hormone_status
    if her2 == Profile.HER2Status.POSITIVE:
        keys.append("her2_positive")
    elif her2 == Profile.HER2Status.LOW:
        keys.append("her2_low")
    if her2 == Profile.HER2Status.NEGATIVE and hormone == Profile.HormoneStatus.NEGATIVE:
        keys.append("triple_negative")
    elif hormone == Profile.HormoneStatus.POSITIVE:
        keys.append("hormone_positive")
    keys.append("any")
    return keys


def topics_for_profile(profile: Profile) -> list[Topic]:
    """The existing topics that fit her profile, best first; one query."""
    slugs = [slug for key in guide_keys_for(profile) for slug in GUIDE_TOPICS[key]]
    found = {topic.slug: topic for topic in Topic.objects.filter(slug__in=slugs)}
    ordered: list[Topic] = []
    for slug in slugs:
        topic = found.get(slug)
        if topic is not None and topic not in ordered:
            ordered.append(topic)
    return ordered


def members_like_me_query(profile: Profile) -> str:
    """Directory filters for "members like me", from her own answers (the directory itself
    only matches what other members share with members)."""
    parts = []
    if profile.role:
        parts.append(f"role={profile.role}")
    if profile.her2_status and profile.her2_status != Profile.HER2Status.UNKNOWN:
        parts.append(f"her2_status={profile.her2_status}")
    return "&".join(parts)


@dataclass(frozen=True)
class MemberInterests:
    """What the member home reads her topics from: her profile's topics and treatments."""

    profile: Profile
    topics: list[Topic]
    treatment_ids: list[int]


def member_interests(*, user: User) -> MemberInterests:
    """Her profile, the topics it points to and her treatments; three queries."""
    profile, _ = Profile.objects.get_or_create(user=user)
    topics = [t for t in topics_for_profile(profile) if t.slug not in GUIDE_TOPICS["any"]]
    treatment_ids = list(
        Treatment.objects.filter(Q(current_profiles=profile) | Q(past_profiles=profile))
        .order_by()
        .values_list("id", flat=True)
        .distinct()
    )
    return MemberInterests(profile=profile, topics=topics, treatment_ids=treatment_ids)
