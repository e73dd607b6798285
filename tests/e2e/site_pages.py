"""The main pages of the site, shared by the accessibility and valid-HTML checks.

Each page is a path built from the demo world (`seed_demo`), so the checks see realistic
content: the flagship article with its comments, a question with answers, a full profile.
A page whose route does not exist yet is skipped with the reason, never silently dropped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.urls import Resolver404, resolve
from django.utils import timezone

from accounts.models import User

DEMO_MEMBER_EMAIL = "hopefulheron@demo.mybcteam.example"


def _model(label: str) -> Any:
    """A model of an app that may not have landed yet, or None."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


@dataclass
class World:
    """The demo objects pages are built from; any of them may be None before its app lands."""

    member: User
    article: Any
    topic: Any
    question: Any
    subscriber_token: str | None


def world_seed() -> World:
    """Run the idempotent demo seed and pick the objects the main pages show."""
    call_command("seed_demo", stdout=_Null())
    member = User.objects.get(email=DEMO_MEMBER_EMAIL)
    article = topic = question = None
    if (article_model := _model("articles.Article")) is not None:
        article = _flagship(article_model)
    if (topic_model := _model("catalogue.Topic")) is not None:
        topic = topic_model.objects.order_by("pk").first()
    if (question_model := _model("forum.Question")) is not None:
        question = _question_with_answers(question_model)
    return World(member, article, topic, question, _subscriber_token())


def flagship_slug() -> str:
    """The flagship article comes first in the articles app's demo content."""
    from articles.demo_content import ARTICLES

    return str(ARTICLES[0]["slug"])


def _flagship(article_model: Any) -> Any:
    return article_model.objects.get(slug=flagship_slug())


def _question_with_answers(question_model: Any) -> Any:
    questions = question_model.objects.order_by("pk")
    for related in ("answers", "answer_set"):
        try:
            found = questions.filter(**{f"{related}__isnull": False}).first()
        except Exception:
            continue
        if found is not None:
            return found
    return questions.first()


def _demo_update_path(world: "World") -> str | None:
    """The demo member's most commented update (the activities app's demo gives her several)."""
    update_model = _model("activities.Update")
    if update_model is None:
        return None
    update = update_model.objects.filter(author=world.member).order_by("-comment_count").first()
    return update.get_absolute_url() if update is not None else None


def _subscriber_token() -> str | None:
    """A confirmed newsletter reader (the demo has none), as the id the signed links carry."""
    subscriber_model = _model("newsletter.Subscriber")
    if subscriber_model is None:
        return None
    subscriber, _ = subscriber_model.objects.get_or_create(
        email="reader@demo.mybcteam.example",
        defaults={"state": "confirmed", "confirmed_at": timezone.now()},
    )
    return str(subscriber.pk)


def newsletter_link(world: "World", purpose: str) -> str | None:
    """The path of a signed newsletter link (confirm, unsubscribe, preferences)."""
    if world.subscriber_token is None:
        return None
    from newsletter.tokens import token_make

    token = token_make(subscriber_id=int(world.subscriber_token), purpose=purpose)
    return f"/newsletter/{purpose}/{token}/"


def _care_list(world: "World") -> str:
    """Her list with a few questions, one answered, so rows and all their buttons render."""
    care_question = _model("treatments.CareQuestion")
    if care_question is not None and not care_question.objects.filter(owner=world.member).exists():
        for position, text in enumerate(
            ("How long will I have Phesgo?", "Who do I call out of hours?", "Can I keep working?")
        ):
            care_question.objects.create(
                owner=world.member, text=text, position=position, answered=position == 2
            )
    return "/treatments/my-questions/"


def _conversation(world: "World") -> str:
    """A conversation of hers with a few messages (one with a link), so every part renders."""
    from conversations.models import Conversation, Message, Participant

    other = User.objects.exclude(pk=world.member.pk).filter(is_staff=False).order_by("pk").first()
    assert other is not None
    low, high = sorted((world.member, other), key=lambda member: member.pk)
    conversation, made = Conversation.objects.get_or_create(first=low, second=high)
    if made:
        for member in (low, high):
            Participant.objects.create(conversation=conversation, member=member)
        for author, text in (
            (other, "How are you feeling after yesterday?"),
            (world.member, "Tired, but better. This helped: https://example.org/fatigue"),
            (other, "So glad to hear it."),
        ):
            message = Message.objects.create(conversation=conversation, author=author, body=text)
        Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    return conversation.get_absolute_url()


class _Null:
    def write(self, *args: object) -> None:
        pass

    def flush(self) -> None:
        pass


@dataclass(frozen=True)
class SitePage:
    key: str
    path: Callable[[World], str | None]
    member: bool = False  # visit logged in as the demo member

    def url_or_reason(self, world: World) -> tuple[str | None, str]:
        """The page's path, or None and why it cannot be visited yet."""
        try:
            path = self.path(world)
        except AttributeError as exc:
            return None, f"{self.key}: its object is missing from the demo seed ({exc})"
        if path is None:
            return None, f"{self.key}: its object is missing from the demo seed"
        try:
            resolve(path.split("?", 1)[0])
        except Resolver404:
            return None, f"{self.key}: no route for {path} yet"
        return path, ""


MAIN_PAGES = [
    SitePage("home", lambda w: "/"),
    SitePage("home-member", lambda w: "/", member=True),
    SitePage("guidelines", lambda w: "/guidelines/"),
    SitePage("privacy", lambda w: "/privacy/"),
    SitePage("signup", lambda w: "/accounts/signup/"),
    SitePage("login", lambda w: "/accounts/login/"),
    SitePage("check-inbox", lambda w: "/accounts/confirm-email/"),
    SitePage("welcome-role", lambda w: "/accounts/welcome/role/", member=True),
    SitePage("welcome-health", lambda w: "/accounts/welcome/health/", member=True),
    SitePage("welcome-review", lambda w: "/accounts/welcome/review/", member=True),
    SitePage("welcome-next", lambda w: "/accounts/welcome/next/", member=True),
    SitePage("articles", lambda w: "/articles/"),
    SitePage("article", lambda w: w.article and w.article.get_absolute_url()),
    SitePage("article-member", lambda w: w.article and w.article.get_absolute_url(), member=True),
    SitePage("topic", lambda w: w.topic and f"/articles/topics/{w.topic.slug}/"),
    SitePage("questions", lambda w: "/questions/"),
    SitePage("question", lambda w: w.question and w.question.get_absolute_url()),
    SitePage(
        "question-member", lambda w: w.question and w.question.get_absolute_url(), member=True
    ),
    SitePage("ask", lambda w: "/questions/ask/", member=True),
    SitePage("treatments", lambda w: "/treatments/"),
    SitePage("treatment", lambda w: "/treatments/phesgo/"),
    SitePage("treatment-member", lambda w: "/treatments/phesgo/", member=True),
    SitePage("care-list", lambda w: _care_list(w), member=True),
    SitePage("care-print", lambda w: "/treatments/my-questions/print/", member=True),
    SitePage("experience-form", lambda w: "/treatments/tchp/my-experience/", member=True),
    SitePage("experiences", lambda w: "/treatments/trastuzumab/experiences/", member=True),
    SitePage("my-experiences", lambda w: "/treatments/my-experiences/", member=True),
    SitePage(
        "compare", lambda w: "/treatments/compare/?a=trastuzumab&b=phesgo&like=her2", member=True
    ),
    SitePage("search", lambda w: "/search/?q=trastuzumab"),
    SitePage("search-member", lambda w: "/search/?q=trastuzumab", member=True),
    SitePage("members", lambda w: "/members/", member=True),
    SitePage("profile", lambda w: w.member.get_absolute_url(), member=True),
    SitePage("settings", lambda w: "/accounts/settings/", member=True),
    SitePage("activities", lambda w: "/activities/", member=True),
    SitePage("activities-everyone", lambda w: "/activities/?tab=everyone", member=True),
    SitePage(
        "member-activities", lambda w: f"{w.member.get_absolute_url()}activities/", member=True
    ),
    SitePage("update", lambda w: _demo_update_path(w), member=True),
    SitePage("team", lambda w: "/team/", member=True),
    SitePage("messages", lambda w: (_conversation(w), "/messages/")[1], member=True),
    SitePage("conversation", lambda w: _conversation(w), member=True),
    SitePage("blocks", lambda w: "/accounts/settings/blocked/", member=True),
    SitePage("settings-health", lambda w: "/accounts/settings/?section=health", member=True),
    SitePage("notifications", lambda w: "/notifications/", member=True),
    SitePage(
        "settings-notifications",
        lambda w: "/accounts/settings/?section=notifications",
        member=True,
    ),
    SitePage("members-filtered", lambda w: "/members/?stage=2&her2_status=positive", member=True),
    SitePage("newsletter-subscribe", lambda w: "/newsletter/subscribe/"),
    SitePage("newsletter-preferences", lambda w: newsletter_link(w, "preferences")),
    SitePage("newsletter-unsubscribe", lambda w: newsletter_link(w, "unsubscribe")),
]
