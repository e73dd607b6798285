"""Demo subscribers and one newsletter issue draft for `manage.py seed_demo` (idempotent)."""

from django.utils import timezone

from accounts.models import User
from articles.models import Article
from catalogue.models import Topic

from .models import Consent, Issue, Subscriber
from .services import CONSENT_WORDING_VERSION

_VISITORS = [
    ("reader.one@example.org", False, []),
    ("reader.two@example.org", True, ["her2-positive"]),
    ("caregiver@example.org", False, ["surgery-and-radiation"]),
]

_ISSUE_SUBJECT = "What we learned together this month"
_ISSUE_INTRO = """Hello, and thank you for being here.

This month members compared notes on **getting through the first infusion** and on
the questions worth asking before a new treatment starts. Two articles below gather what
helped them most. As always, bring anything that applies to you to your care team.
"""


def _subscriber(email: str, *, discreet: bool, member: User | None = None) -> Subscriber:
    now = timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email,
        defaults={
            "state": Subscriber.State.CONFIRMED,
            "confirmed_at": now,
            "discreet": discreet,
            "member": member,
        },
    )
    if created:
        Consent.objects.create(
            subscriber=subscriber,
            source_page="/",
            wording_version=CONSENT_WORDING_VERSION,
            confirmed_at=now,
        )
    return subscriber


def seed() -> None:
    """A few confirmed subscribers (one a member, one discreet) and an unsent issue draft."""
    for email, discreet, topic_slugs in _VISITORS:
        subscriber = _subscriber(email, discreet=discreet)
        topics = list(Topic.objects.filter(slug__in=topic_slugs))
        if topics and not subscriber.topics.exists():
            subscriber.topics.set(topics)
    member = User.objects.filter(is_staff=False, erased_at__isnull=True).order_by("id").first()
    if member is not None and not Subscriber.objects.filter(member=member).exists():
        _subscriber(member.email.lower(), discreet=False, member=member)
    issue, created = Issue.objects.get_or_create(
        subject=_ISSUE_SUBJECT, defaults={"intro": _ISSUE_INTRO}
    )
    if created:
        issue.articles.set(Article.objects.filter(status="published").order_by("-published_at")[:2])
