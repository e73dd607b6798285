"""Demo articles with topics, references and kind comment threads: `manage.py seed_demo`."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from accounts.models import User
from catalogue.demo import TOPICS, demo_topic
from catalogue.models import Topic, Treatment
from core.markdown import render_member_markdown
from moderation.services import content_after_create

from .demo_content import ARTICLES as HER2_ARTICLES
from .demo_content import REVIEWER, THREADS
from .demo_library_living import ARTICLES as LIVING_ARTICLES
from .demo_library_treatment import ARTICLES as TREATMENT_ARTICLES
from .models import (
    Article,
    ArticleReference,
    ArticleStatus,
    ArticleSuggestedQuestion,
    Comment,
    CommentHug,
)
from .services import article_comment_recount, article_save

# Questions readers can add to their care-team list from these articles (the treatments app's
# list; the form posts there).
SUGGESTED_QUESTIONS = {
    "her2-positive-breast-cancer-treatment-overview": [
        "Is my cancer HER2-positive, HER2-low or HER2-negative, and what does that mean for my "
        "treatment?",
        "Will I have treatment before surgery, and why?",
        "Which of my treatments could affect my heart, and how will it be checked?",
    ],
    "her2-monoclonal-antibodies-and-phesgo": [
        "Could I have Phesgo as an injection instead of infusions?",
        "Is the trastuzumab I get a biosimilar?",
    ],
    "her2-kinase-inhibitors": [
        "Would a HER2 tablet such as neratinib or tucatinib help me, and when?",
    ],
}

# The HER2 series first (the flagship opens the list), then the library's other shelves.
ARTICLES = [*HER2_ARTICLES, *TREATMENT_ARTICLES, *LIVING_ARTICLES]


def _member(name: str) -> User | None:
    return User.objects.filter(email=f"{name.lower()}@demo.mybcteam.example").first()


def _comment(
    article: Article, author: User, body: str, parent: Comment | None, when: datetime
) -> Comment:
    existing = Comment.objects.filter(article=article, author=author, body=body).first()
    if existing is not None:
        return existing
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        body=body,
        body_html=render_member_markdown(body),
        created_at=when,
    )
    content_after_create(item=comment, held_reason="")
    return comment


def _fingerprint(article: Article) -> tuple[object, ...]:
    return tuple(
        getattr(article, name)
        for name in (
            "title",
            "summary",
            "key_points",
            "body_markdown",
            "author_id",
            "reviewer_name",
            "reviewer_credentials",
            "reviewed_on",
            "next_review_due",
            "status",
            "published_at",
        )
    )


def seed() -> list[Article]:
    """Create or refresh the demo topics, articles and threads. Idempotent."""
    now = timezone.now()
    topic_slugs = {slug for data in ARTICLES for slug in data["topics"]}
    # In the catalogue's order, so the demo topics' ids do not depend on the articles' order.
    topics = {slug: demo_topic(slug) for slug, _, _ in TOPICS if slug in topic_slugs}
    editor = User.objects.filter(email="editor@demo.mybcteam.example").first()
    articles = [_article_seed(data, topics=topics, editor=editor, now=now) for data in ARTICLES]
    _threads_seed({article.slug: article for article in articles}, now=now)
    _suggested_questions_seed({article.slug: article for article in articles})
    for article in articles:
        article_comment_recount(article_id=article.pk)
    return articles


def _article_seed(
    data: dict[str, Any], *, topics: dict[str, Topic], editor: User | None, now: datetime
) -> Article:
    article = Article.objects.filter(slug=data["slug"]).first() or Article(slug=data["slug"])
    before = _fingerprint(article)
    article.title = data["title"]
    article.summary = data["summary"]
    article.key_points = data["key_points"]
    article.body_markdown = data["body"]
    article.author = editor
    article.reviewer_name, article.reviewer_credentials = data.get("reviewer", REVIEWER)
    article.status = ArticleStatus.PUBLISHED
    article.published_at = article.published_at or now - timedelta(days=data["days_ago"])
    article.reviewed_on = (article.published_at - timedelta(days=2)).date()
    # One article is due for review already, so editors' "past due" list shows something.
    review_days = 30 if data is HER2_ARTICLES[-1] else 365
    article.next_review_due = (article.published_at + timedelta(days=review_days)).date()
    if article.pk is None or _fingerprint(article) != before:
        article_save(article=article)  # unchanged demo articles keep their version and cache
    article.topics.set([topics[slug] for slug in data["topics"]])
    article.treatments.set(Treatment.objects.filter(slug__in=data["treatments"]))
    wanted = [(i, c, u) for i, (c, u) in enumerate(data["references"], start=1)]
    if list(article.references.values_list("position", "citation", "url")) != wanted:
        article.references.all().delete()
        ArticleReference.objects.bulk_create(
            ArticleReference(article=article, position=i, citation=citation, url=url)
            for i, citation, url in wanted
        )
    return article


def _threads_seed(by_slug: dict[str, Article], *, now: datetime) -> None:
    for index, (slug, author_name, body, replies, huggers) in enumerate(THREADS):
        author = _member(author_name)
        if author is None:
            continue  # accounts' demo members are missing: articles still seed without threads
        when = now - timedelta(days=2, hours=index * 3)
        comment = _comment(by_slug[slug], author, body, None, when)
        for offset, (reply_author_name, reply_body) in enumerate(replies, start=1):
            reply_author = _member(reply_author_name)
            if reply_author is not None:
                _comment(
                    by_slug[slug], reply_author, reply_body, comment, when + timedelta(hours=offset)
                )
        for hugger_name in huggers:
            hugger = _member(hugger_name)
            if hugger is not None:
                CommentHug.objects.get_or_create(comment=comment, member=hugger)
        comment.hug_count = comment.hugs.count()
        comment.save(update_fields=["hug_count"])


def _suggested_questions_seed(by_slug: dict[str, Article]) -> None:
    for slug, texts in SUGGESTED_QUESTIONS.items():
        article = by_slug.get(slug)
        if article is None:
            continue
        for position, text in enumerate(texts):
            ArticleSuggestedQuestion.objects.update_or_create(
                article=article, text=text, defaults={"position": position}
            )
