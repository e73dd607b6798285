"""The realistic data set of the page-speed benchmark, written in bulk into its own database.

10 000 members, 200 published articles (the flagship with 300 comments), 50 000 questions
(one with 100 answers) on top of the demo content, and the bench member's own world (her
team, feed, notifications, a conversation, a treatment's experiences:
benchmarks/page_speed_member_data.py). Rows go in with bulk_create in batches of
2 000 (one INSERT each; PostgreSQL's search triggers run per row). Running it again on a
database that already holds the set changes nothing.

Run through `python -m benchmarks.page_speed` (it sets the database); this module expects
DJANGO_SETTINGS_MODULE=benchmarks.settings and DATABASE_URL pointing at mybc_bench_pages.
"""

import importlib
import os
import random
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from benchmarks import page_speed_member_data

# BENCH_SCALE=0.05 makes a small set for trying the harness; results need the full set.
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
MEMBERS = max(10, int(10_000 * SCALE))
ARTICLES = max(2, int(200 * SCALE))
FLAGSHIP_COMMENTS = 300
QUESTIONS = max(10, int(50_000 * SCALE))
BUSY_QUESTION_ANSWERS = 100
BATCH = 2_000
BENCH_MEMBER_EMAIL = "bench-member@bench.mybcteam.example"
BUSY_QUESTION_TITLE = "How did you cope with the first months of trastuzumab? (bench)"

_SENTENCES = [
    "The first infusion took longer than I expected, but the nurses were kind.",
    "My oncologist explained why HER2-positive cancer responds so well to targeted drugs.",
    "Fatigue hit me hardest in the second week of each cycle.",
    "I kept a notebook of questions for every appointment and it helped a lot.",
    "Cold caps saved some of my hair; it was worth asking about.",
    "My heart scans every three months were all normal, which was a relief.",
    "Walking a little every day made the tiredness easier to bear.",
    "Ask your team about a port; my veins were grateful.",
]


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(_SENTENCES) for _ in range(sentences))


def _rendered(text: str) -> str:
    from core.markdown import render_member_markdown

    return render_member_markdown(text)


def generate() -> dict[str, Any]:
    """Build the data set if it is not there yet; return what the benchmark needs to visit."""
    from accounts.models import User

    call_command("seed_demo", verbosity=0)
    if not User.objects.filter(email=BENCH_MEMBER_EMAIL).exists():
        with transaction.atomic():
            _generate_all(random.Random(2026))
    with transaction.atomic():
        _busy_answers(random.Random(2027))
    page_speed_member_data.build(bench_email=BENCH_MEMBER_EMAIL, rng=random.Random(2028))
    # Fresh planner statistics, as autovacuum would give a live site: without them
    # PostgreSQL plans joins for a few hundred rows instead of 50 000.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return targets()


def _generate_all(rng: random.Random) -> None:
    from allauth.account.models import EmailAddress

    from accounts.models import Profile, User

    now = timezone.now()
    password = make_password("bench-pass-2026")
    users = [
        User(
            email=BENCH_MEMBER_EMAIL if i == 0 else f"bench{i}@bench.mybcteam.example",
            display_name=f"Bench member {i}",
            handle=f"bench-member-{i}",
            password=password,
            date_joined=now - timedelta(days=rng.randint(1, 900)),
        )
        for i in range(MEMBERS)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(email__endswith="@bench.mybcteam.example").order_by("pk"))
    Profile.objects.bulk_create(
        [Profile(user=u, bio=_text(rng, 1)) for u in users], batch_size=BATCH
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=BATCH,
    )
    _articles(rng, users, now)
    _questions(rng, users, now)


def _articles(rng: random.Random, users: list[Any], now: Any) -> None:
    article_model = apps.get_model("articles", "Article")
    comment_model = apps.get_model("articles", "Comment")
    flagship = _flagship()
    if flagship is None:
        return
    existing = article_model.objects.count()
    copies = []
    for i in range(max(0, ARTICLES - existing)):
        copy = article_model.objects.get(pk=flagship.pk)
        copy.pk = None
        copy.id = None
        copy.title = f"{flagship.title[:150]} (bench copy {i})"
        copy.slug = slugify(f"bench-{i}-{flagship.slug}")[:200]
        copy.published_at = now - timedelta(days=i + 1)
        copy.comment_count = 0
        copies.append(copy)
    article_model.objects.bulk_create(copies, batch_size=BATCH)
    topics = list(flagship.topics.all())
    if topics:
        through = article_model.topics.through
        new = article_model.objects.filter(slug__startswith="bench-")
        through.objects.bulk_create(
            [through(article_id=a.pk, topic_id=t.pk) for a in new for t in topics],
            batch_size=BATCH,
        )
    missing = FLAGSHIP_COMMENTS - comment_model.objects.filter(article=flagship).count()
    bodies = [_text(rng, rng.randint(1, 4)) for _ in range(20)]
    rendered = {body: _rendered(body) for body in bodies}
    comments = []
    for i in range(max(0, missing)):
        body = rng.choice(bodies)
        comments.append(
            comment_model(
                article=flagship,
                author=rng.choice(users),
                body=body,
                body_html=rendered[body],
                created_at=now - timedelta(minutes=missing - i),
            )
        )
    comment_model.objects.bulk_create(comments, batch_size=BATCH)
    visible = comment_model.objects.filter(article=flagship, moderation_state="visible").count()
    article_model.objects.filter(pk=flagship.pk).update(comment_count=visible)


def _questions(rng: random.Random, users: list[Any], now: Any) -> None:
    question_model = apps.get_model("forum", "Question")
    topic_model = apps.get_model("catalogue", "Topic")
    topics = list(topic_model.objects.all())
    bodies = [_text(rng, rng.randint(2, 6)) for _ in range(30)]
    rendered = {body: _rendered(body) for body in bodies}
    titles = [
        "Is it normal to feel {} after {}?",
        "How long did {} last for you during {}?",
        "Tips for managing {} while on {}?",
    ]
    feelings = ["tired", "nauseous", "anxious", "achy", "foggy", "numb fingers"]
    treatments = ["trastuzumab", "pertuzumab", "TCHP", "radiation", "tamoxifen", "Kadcyla"]
    start = question_model.objects.count()
    for offset in range(0, QUESTIONS, BATCH):
        batch = []
        for i in range(offset, min(offset + BATCH, QUESTIONS)):
            title = rng.choice(titles).format(rng.choice(feelings), rng.choice(treatments))
            title = BUSY_QUESTION_TITLE if i == 0 else f"{title} #{start + i}"
            body = rng.choice(bodies)
            when = now - timedelta(minutes=i * 7)
            batch.append(
                question_model(
                    title=title,
                    slug=slugify(title)[:160],
                    body=body,
                    body_html=rendered[body],
                    author=rng.choice(users),
                    answer_count=0,
                    created_at=when,
                    last_activity_at=now if i == 0 else when,
                )
            )
        created = question_model.objects.bulk_create(batch, batch_size=BATCH)
        if topics:
            through = question_model.topics.through
            through.objects.bulk_create(
                [through(question_id=q.pk, topic_id=rng.choice(topics).pk) for q in created],
                batch_size=BATCH,
            )


def _busy_answers(rng: random.Random) -> None:
    """Top the busy question up to BUSY_QUESTION_ANSWERS answers (older sets had 60)."""
    from accounts.models import User

    question_model = apps.get_model("forum", "Question")
    answer_model = apps.get_model("forum", "Answer")
    busy = question_model.objects.filter(title=BUSY_QUESTION_TITLE).first()
    if busy is None:
        return
    missing = BUSY_QUESTION_ANSWERS - answer_model.objects.filter(question=busy).count()
    if missing <= 0:
        return
    users = list(User.objects.filter(email__endswith="@bench.mybcteam.example")[:2000])
    bodies = [_text(rng, rng.randint(2, 6)) for _ in range(30)]
    rendered = {body: _rendered(body) for body in bodies}
    now = timezone.now()
    answer_model.objects.bulk_create(
        [
            answer_model(
                question=busy,
                author=rng.choice(users),
                body=(body := rng.choice(bodies)),
                body_html=rendered[body],
                created_at=now - timedelta(minutes=missing - i),
            )
            for i in range(missing)
        ]
    )
    visible = answer_model.objects.filter(question=busy, moderation_state="visible").count()
    question_model.objects.filter(pk=busy.pk).update(answer_count=visible)


def _flagship() -> Any:
    article_model = apps.get_model("articles", "Article")
    try:
        slug = importlib.import_module("articles.demo_content").ARTICLES[0]["slug"]
    except (ImportError, AttributeError, IndexError, KeyError):
        slug = None
    published = article_model.objects.filter(status="published")
    found = published.filter(slug=slug).first() if slug else None
    return found or published.order_by("published_at").first()


def targets() -> dict[str, Any]:
    """The URLs to measure and a member's session cookie for the member pages."""
    from django.test import Client

    from accounts.models import User

    question_model = apps.get_model("forum", "Question")
    flagship = _flagship()
    busy = question_model.objects.filter(title=BUSY_QUESTION_TITLE).first()
    client = Client()
    client.force_login(User.objects.get(email=BENCH_MEMBER_EMAIL))
    from django.conf import settings

    return page_speed_member_data.targets(bench_email=BENCH_MEMBER_EMAIL) | {
        "article": flagship.get_absolute_url() if flagship else None,
        "question": busy.get_absolute_url() if busy else None,
        "session_cookie": f"{settings.SESSION_COOKIE_NAME}="
        f"{client.cookies[settings.SESSION_COOKIE_NAME].value}",
        "counts": {
            "members": User.objects.count(),
            "articles": apps.get_model("articles", "Article").objects.count(),
            "flagship_comments": flagship.comments.count() if flagship else 0,
            "questions": question_model.objects.count(),
            "busy_question_answers": busy.answers.count() if busy else 0,
        },
    }


if __name__ == "__main__":
    import json

    import django

    django.setup()
    print(json.dumps(generate()))
