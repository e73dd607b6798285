"""Every member-written kind's posting form, for the double-submit specification.

A new kind (activity updates, messages, experiences) adds its entry here, and the same tests
hold it to one post per form.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.urls import reverse

from accounts.models import User
from articles.models import Comment
from forum.models import Answer, Question
from tests.articles.factories import ArticleFactory, CommentFactory
from tests.factories import TopicFactory, UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

KINDS = [
    "question",
    "answer",
    "answer_reply",
    "comment",
    "comment_reply",
    "update",
    "update_comment",
    "update_comment_reply",
    "experience",
]
KEY_RE = re.compile(r'name="idempotency_key" value="([^"]*)"')
FORM_RE = re.compile(r"<form\b[^>]*>.*?</form>", re.S)
# Where member-written posts are created (the forms that must carry a key).
POSTING_ACTION_RE = re.compile(
    r'action="(/questions/ask/|/questions/\d+/answer/|[^"]*/comments/new/'
    r'|/activities/post/|/activities/updates/\d+/comments/|/treatments/[^"/]+/my-experience/)"'
)


@dataclass(frozen=True)
class PostingKind:
    """One posting form: where it posts, a valid and a refused submission, the page showing it."""

    name: str
    url: str
    data: dict[str, Any]
    invalid: dict[str, Any]
    page: str
    model: type[Model]
    services_module: str  # where the view finds the create service (patched in race tests)
    service: str
    decide_module: str  # the module whose moderation_decide the service calls
    htmx: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    # One per member and thing (her experience of a treatment): sending it again edits it.
    upsert: bool = False

    def rows(self, author: User) -> int:
        return self.model._default_manager.filter(author=author, **self.filters).count()


def posting_kind(name: str) -> PostingKind:
    """The kind's form, with what it posts to created by someone else."""
    someone = UserFactory.create()
    topic = TopicFactory.create(name="HER2-positive", slug="her2-positive")
    if name == "question":
        data = {
            "title": "What helped your tiredness during TCHP?",
            "body": "Three cycles in and I sleep all afternoon.",
            "topics": [topic.pk],
            "suggestions_seen": "True",
        }
        return PostingKind(
            name=name,
            url=reverse("forum:ask"),
            data=data,
            invalid={**data, "title": "Tired?"},
            page=reverse("forum:ask"),
            model=Question,
            services_module="forum.services",
            service="question_create",
            decide_module="forum.services.posts",
        )
    if name in ("answer", "answer_reply"):
        question = QuestionFactory.create(author=someone, topics=[topic])
        parent = {}
        if name == "answer_reply":
            parent = {"parent": AnswerFactory.create(question=question, author=someone).pk}
        else:  # the page shares its answers only when there are some
            AnswerFactory.create(question=question, author=someone)
        return PostingKind(
            name=name,
            url=reverse("forum:answer_create", kwargs={"pk": question.pk}),
            data={"body": "Ginger tea and short walks helped me.", **parent},
            invalid={"body": "", **parent},
            page=question.get_absolute_url(),
            model=Answer,
            services_module="forum.services",
            service="answer_create",
            decide_module="forum.services.posts",
            filters={"parent__isnull": not parent},
        )
    if name.startswith("update"):
        return _activities_kind(name, someone)
    if name == "experience":
        return _experience_kind()
    article = ArticleFactory.create()
    parent = {}
    comment = CommentFactory.create(article=article, author=someone)
    if name == "comment_reply":
        parent = {"parent": comment.pk}
    return PostingKind(
        name=name,
        url=reverse("articles:comment_create", kwargs={"slug": article.slug}),
        data={"body": "The cold cap worked for me on this regimen.", **parent},
        invalid={"body": "", **parent},
        page=article.get_absolute_url(),
        model=Comment,
        services_module="articles.services",
        service="comment_create",
        decide_module="articles.services",
        htmx=True,
        filters={"parent__isnull": not parent},
    )


def _activities_kind(name: str, someone: User) -> PostingKind:
    from activities.models import Update, UpdateComment
    from tests.activities.factories import UpdateCommentFactory, UpdateFactory

    if name == "update":
        data = {"body": "Scan day done, results on Friday.", "tag": "scan_day", "audience": "team"}
        return PostingKind(
            name=name,
            url=reverse("activities:update_create"),
            data=data,
            invalid={**data, "body": ""},
            page=reverse("activities:feed"),
            model=Update,
            services_module="activities.services",
            service="update_create",
            decide_module="activities.services.updates",
        )
    update = UpdateFactory.create(author=someone)
    parent = {}
    if name == "update_comment_reply":
        parent = {"parent": UpdateCommentFactory.create(update=update, author=someone).pk}
    return PostingKind(
        name=name,
        url=reverse("activities:comment_create", kwargs={"pk": update.pk}),
        data={"body": "Thinking of you today.", **parent},
        invalid={"body": "", **parent},
        page=update.get_absolute_url(),
        model=UpdateComment,
        services_module="activities.services",
        service="update_comment_create",
        decide_module="activities.services.comments",
        filters={"parent__isnull": not parent},
    )


def _experience_kind() -> PostingKind:
    from catalogue.models import Treatment
    from treatments.models import Experience, SideEffect

    # Made if missing: transactional tests flush the rows the migrations seeded.
    Treatment.objects.get_or_create(
        slug="trastuzumab", defaults={"name": "Trastuzumab", "drug_class": "monoclonal_antibody"}
    )
    fatigue, _ = SideEffect.objects.get_or_create(slug="fatigue", defaults={"name": "Fatigue"})
    url = reverse("treatments:experience_edit", kwargs={"slug": "trastuzumab"})
    data = {
        "month": "2",
        "year": "2026",
        "going": "3",
        "tips": "Ginger biscuits before each infusion.",
        f"bother_{fatigue.pk}": "2",
        f"helped_{fatigue.pk}": "Short walks",
    }
    return PostingKind(
        name="experience",
        url=url,
        data=data,
        invalid={**data, "going": ""},
        page=url,
        model=Experience,
        services_module="treatments.experience_views",
        service="experience_save",
        decide_module="treatments.services.experiences",
        upsert=True,
    )


def keys_in(html: str) -> list[str]:
    return KEY_RE.findall(html)


def posting_forms(html: str) -> list[str]:
    """The forms in a page that create a post."""
    return [form for form in FORM_RE.findall(html) if POSTING_ACTION_RE.search(form)]
