"""Forum benchmark: list (first and deep page), question page and search at growing sizes.

    .venv/bin/python -m benchmarks.forum_bench --sizes 1000,100000,1000000

Uses its own PostgreSQL database (FORUM_BENCH_DATABASE_URL, default mybc_bench_forum; it is
dropped and created). Questions and answers (5 per question on average) go in with COPY in
batches of 50 000 rows; the search triggers fill the tsvectors during COPY; the GIN and trigram
indexes are dropped before each load and rebuilt after it, as one would for a bulk import.
Requests go through Django's test client in-process (URL routing, views, templates, SQL), so
the figures are server time without the network. Each measurement is 60 requests after 5
warm-up requests; p50 and p95 in milliseconds.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

DB_URL = os.environ.get(
    "FORUM_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mybc_bench_forum"
)
BATCH = 50_000
REQUESTS = 60
WARMUP = 5

DOMAIN = [
    "herceptin",
    "trastuzumab",
    "pertuzumab",
    "phesgo",
    "tchp",
    "chemo",
    "chemotherapy",
    "radiation",
    "tamoxifen",
    "anastrozole",
    "neratinib",
    "enhertu",
    "kadcyla",
    "fatigue",
    "nausea",
    "neuropathy",
    "hair",
    "scan",
    "scanxiety",
    "lumpectomy",
    "mastectomy",
    "reconstruction",
    "lymphoedema",
    "biopsy",
    "stage",
    "grade",
    "her2",
    "hormone",
    "oncologist",
    "nurse",
    "infusion",
    "port",
    "cannula",
    "heart",
    "echo",
    "breathless",
    "sleep",
    "appetite",
    "work",
    "children",
    "partner",
    "anxiety",
    "diet",
    "exercise",
    "walking",
    "yoga",
    "insurance",
    "trial",
    "recurrence",
    "metastatic",
    "dcis",
    "pathology",
    "results",
    "waiting",
    "wig",
    "eyebrows",
    "mouth",
    "sores",
    "diarrhoea",
    "constipation",
    "flushes",
    "joints",
    "bones",
]
OPENERS = [
    "How did you cope with",
    "Has anyone had",
    "What helped with",
    "Is it normal to have",
    "When did you stop",
    "Who else had",
    "How long did",
    "What should I know about",
]


def _pseudo_words(n: int, rng: random.Random) -> list[str]:
    syll = ["ka", "lo", "mi", "ren", "sto", "va", "qui", "zen", "tor", "bel", "nor", "pha"]
    return ["".join(rng.choice(syll) for _ in range(3)) + str(i % 97) for i in range(n)]


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")
    import django

    django.setup()


def _recreate_database() -> None:
    import psycopg

    base, name = DB_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


# As the migrations create them (forum/0002, 0003, 0009: the full-text ones without a pending
# list), so a bulk load measures the indexes the site runs with.
SEARCH_INDEXES = {
    "forum_question_search_gin": (
        "ON forum_question USING gin (search_vector) WITH (fastupdate = off)"
    ),
    "forum_question_title_fts": (
        "ON forum_question USING gin (to_tsvector('english'::regconfig, COALESCE(title, ''))) "
        "WITH (fastupdate = off)"
    ),
    "forum_question_title_trgm": "ON forum_question USING gin (title gin_trgm_ops)",
    "forum_answer_search_gin": "ON forum_answer USING gin (search_vector) WITH (fastupdate = off)",
}


def _copy(cursor: Any, table: str, columns: list[str], rows: Any) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


class Filler:
    def __init__(self) -> None:
        self.rng = random.Random(2026)
        self.rare = _pseudo_words(20_000, self.rng)
        self.questions = 0
        self.start = datetime(2024, 1, 1, tzinfo=UTC)

    def _text(self, words: int) -> str:
        rng = self.rng
        return " ".join(
            rng.choice(DOMAIN) if rng.random() < 0.35 else rng.choice(self.rare)
            for _ in range(words)
        )

    def fill_to(self, target: int, user_ids: list[int], topic_ids: list[int]) -> float:
        """Add questions (and ~5 answers each) until there are `target`; returns seconds."""
        from django.db import connection

        began = time.perf_counter()
        with connection.cursor() as cursor:
            for name in SEARCH_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
            raw = cursor.cursor  # psycopg cursor, for COPY
            while self.questions < target:
                n = min(BATCH, target - self.questions)
                cursor.execute("SELECT coalesce(max(id), 0) FROM forum_question")
                first_id = cursor.fetchone()[0] + 1
                q_rows, t_rows, a_rows = [], [], []
                for i in range(n):
                    qid = first_id + i
                    at = self.start + timedelta(seconds=(self.questions + i) * 30)
                    title = f"{self.rng.choice(OPENERS)} {self._text(5)}?"
                    answers = self.rng.choice([0, 2, 4, 5, 6, 8, 10])
                    q_rows.append(
                        (
                            qid,
                            title,
                            f"q{qid}",
                            self._text(25),
                            "",
                            self.rng.choice(user_ids),
                            False,
                            answers,
                            self.rng.randint(0, 9),
                            at + timedelta(hours=answers),
                            at,
                            "visible",
                            "",
                        )
                    )
                    t_rows.append((qid, self.rng.choice(topic_ids)))
                    for k in range(answers):
                        a_rows.append(
                            (
                                qid,
                                self.rng.choice(user_ids),
                                self._text(20),
                                "",
                                False,
                                False,
                                0,
                                at + timedelta(hours=k + 1),
                                "visible",
                                "",
                            )
                        )
                _copy(
                    raw,
                    "forum_question",
                    [
                        "id",
                        "title",
                        "slug",
                        "body",
                        "body_html",
                        "author_id",
                        "is_anonymous",
                        "answer_count",
                        "hug_count",
                        "last_activity_at",
                        "created_at",
                        "moderation_state",
                        "moderation_reason",
                    ],
                    q_rows,
                )
                _copy(raw, "forum_question_topics", ["question_id", "topic_id"], t_rows)
                _copy(
                    raw,
                    "forum_answer",
                    [
                        "question_id",
                        "author_id",
                        "body",
                        "body_html",
                        "is_anonymous",
                        "is_helpful",
                        "hug_count",
                        "created_at",
                        "moderation_state",
                        "moderation_reason",
                    ],
                    a_rows,
                )
                self.questions += n
                print(f"  .. {self.questions} questions", file=sys.stderr)
            cursor.execute(
                "SELECT setval('forum_question_id_seq', (SELECT max(id) FROM forum_question))"
            )
            for name, spec in SEARCH_INDEXES.items():
                cursor.execute("SET maintenance_work_mem = '512MB'")
                cursor.execute(f"CREATE INDEX {name} {spec}")
            cursor.execute(
                "ANALYZE forum_question; ANALYZE forum_answer; ANALYZE forum_question_topics"
            )
        return time.perf_counter() - began


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _measure(client: Any, urls: list[str]) -> tuple[float, float]:
    for url in urls[:WARMUP]:
        client.get(url)
    samples = []
    for url in urls[WARMUP:]:
        began = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return _percentiles(samples)


def _deep_cursor(rng: random.Random) -> str:
    from django.db import connection

    from forum.selectors import _encode_cursor

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM forum_question")
        total = cursor.fetchone()[0]
        offset = int(total * rng.uniform(0.8, 0.95))
        cursor.execute(
            "SELECT last_activity_at, id FROM forum_question WHERE moderation_state='visible' "
            "ORDER BY last_activity_at DESC, id DESC OFFSET %s LIMIT 1",
            [offset],
        )
        at, pk = cursor.fetchone()
    return _encode_cursor(at.isoformat(), pk)


def run(sizes: list[int], measure_only: bool = False) -> list[dict[str, Any]]:
    if not measure_only:
        _recreate_database()
    _setup_django()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from accounts.models import User
    from catalogue.models import Topic

    setup_test_environment()
    from django.conf import settings

    # Bench users never log in with a password: skip the deliberately slow hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    if measure_only:
        # An already filled database (e.g. after a code change): migrate, then measure.
        users = list(User.objects.filter(email__startswith="bench").order_by("pk"))
        return [_measure_size(sizes[-1], 0.0, users, random.Random(7))]
    users = [
        User.objects.create_user(f"bench{i}@example.com", "x", display_name=f"Bench {i}")
        for i in range(200)
    ]
    topics = [
        Topic.objects.get_or_create(slug=f"bench-{i}", defaults={"name": f"Bench topic {i}"})[0]
        for i in range(12)
    ]
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    filler = Filler()
    rng = random.Random(7)
    results = []
    for size in sizes:
        load = filler.fill_to(size, [u.pk for u in users], [t.pk for t in topics])
        results.append(_measure_size(size, load, users, rng))
    return results


def _measure_size(size: int, load: float, users: list[Any], rng: random.Random) -> dict[str, Any]:
    from django.test import Client

    client = Client()
    member = Client()
    member.force_login(users[0])
    n = REQUESTS + WARMUP
    ids = [rng.randint(1, size) for _ in range(n)]
    words = [f"{rng.choice(DOMAIN)}+{rng.choice(DOMAIN)}" for _ in range(n)]
    vocabulary = Filler().rare
    rare = [f"{rng.choice(DOMAIN)}+{rng.choice(vocabulary)}" for _ in range(n)]
    row = {
        "size": size,
        "load_s": load,
        "list_first": _measure(client, ["/questions/"] * n),
        "list_deep": _measure(client, [f"/questions/?after={_deep_cursor(rng)}" for _ in range(n)]),
        "question": _measure(member, [f"/questions/{i}/q{i}/" for i in ids]),
        "search_member": _measure(member, [f"/search/?q={w}" for w in words]),
        "search_member_rare": _measure(member, [f"/search/?q={w}" for w in rare]),
        "search_anonymous": _measure(client, [f"/search/?q={w}" for w in words]),
    }
    print(_format_row(row), flush=True)
    return row


KEYS = (
    "list_first",
    "list_deep",
    "question",
    "search_member",
    "search_member_rare",
    "search_anonymous",
)


def _format_row(row: dict[str, Any]) -> str:
    cells = [f"{row['size']:>9,}", f"{row['load_s']:>7.0f}"]
    for key in KEYS:
        p50, p95 = row[key]
        cells.append(f"{p50:.1f} / {p95:.1f}")
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument(
        "--measure-only", action="store_true", help="measure an already filled database"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        "| questions | load s | list first p50/p95 ms | list deep | question page | "
        "search, common words (member) | search, one rare word (member) | "
        "search (anonymous) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    run(sizes, measure_only=args.measure_only)


if __name__ == "__main__":
    main()
