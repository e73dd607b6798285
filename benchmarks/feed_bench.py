"""Home feed: read p95 from 1 000 to 1 000 000 updates and teams of 5 and 5 000; fan-out time
of one update to a team of 5 000 with a real Celery worker and Redis.

    .venv/bin/python -m benchmarks.feed_bench                        # 1 000, 100 000, 1 000 000
    .venv/bin/python -m benchmarks.feed_bench --sizes 1000,20000 --fanout-runs 3   # quicker

Uses its own PostgreSQL database (FEED_BENCH_DATABASE_URL, default mybc_feed_bench; dropped and
created) and Redis database (FEED_BENCH_REDIS_URL, default db 13, as broker and feed store; only
keys under the bench's feed prefix are deleted, never the whole database), both on loopback.

Data: 5 100 members. Reader "big" has 5 000 team mates, reader "small" 5; updates by random
members (80 % for all members, 20 % team only; 97 % visible, 2 % pending, 1 % hidden), one
question per ten updates, timestamps spread over two years, loaded with COPY in batches of
50 000 (the search trigger is off during the load: the feed never reads the search column).
Reads call `activities.feed.feed_page` in-process (the selector a page calls: Redis, SQL,
visibility filtering, hug state; no template), 100 measured after 5 warm-up, the two
readers in turn; milliseconds.
Fan-out: the member with 5 000 mates posts through `update_create` (hook, job row, queue,
worker) while the 5 000 mates' feeds are built; the clock stops when every one of them holds
the update (polled every 20 ms in one pipelined round trip).
"""

import argparse
import contextlib
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DB_URL = os.environ.get(
    "FEED_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mybc_feed_bench"
)
REDIS_URL = os.environ.get("FEED_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
KEY_PREFIX = "feedbench"
MEMBERS = 5_100
BIG_TEAM = 5_000
SMALL_TEAM = 5
BATCH = 50_000
REQUESTS = 100
WARMUP = 5
START = datetime(2024, 12, 1, tzinfo=UTC)
SPAN_SECONDS = 2 * 365 * 86_400


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = DB_URL
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["FEED_KEY_PREFIX"] = KEY_PREFIX
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")
    import django

    django.setup()


def _recreate_database() -> None:
    import psycopg

    base, name = DB_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _forget_feeds() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{KEY_PREFIX}:*", count=5000))
    for start in range(0, len(keys), 5000):
        client.delete(*keys[start : start + 5000])


def _copy(cursor: Any, table: str, columns: list[str], rows: Any) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _members() -> list[int]:
    """5 100 members, a verified address each; the big and the small reader's teams."""
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from activities.models import TeamLink

    joined = START - timedelta(days=60)
    users = User.objects.bulk_create(
        [
            User(email=f"bench{i}@example.com", display_name=f"Bench {i}", handle=f"bench-{i}",
                 date_joined=joined, password="!")
            for i in range(MEMBERS)
        ],
        batch_size=2000,
    )  # fmt: skip
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=2000,
    )
    ids = [u.pk for u in users]
    big, small = ids[0], ids[BIG_TEAM + 1]
    pairs = [(big, mate) for mate in ids[1 : BIG_TEAM + 1]]
    pairs += [(small, mate) for mate in ids[BIG_TEAM + 2 : BIG_TEAM + 2 + SMALL_TEAM]]
    links = [TeamLink(member_id=a, mate_id=b) for a, b in pairs]
    links += [TeamLink(member_id=b, mate_id=a) for a, b in pairs]
    TeamLink.objects.bulk_create(links, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return ids


UPDATE_COLUMNS = [
    "author_id", "body", "body_html", "tag", "audience", "created_at", "hug_count",
    "comment_count", "moderation_state", "moderation_reason",
]  # fmt: skip
QUESTION_COLUMNS = [
    "id", "title", "slug", "body", "body_html", "author_id", "is_anonymous", "answer_count",
    "hug_count", "last_activity_at", "created_at", "moderation_state", "moderation_reason",
]  # fmt: skip


class Filler:
    def __init__(self, member_ids: list[int]) -> None:
        self.rng = random.Random(2026)
        self.members = member_ids
        self.updates = 0
        self.questions = 0

    def _update_row(self, number: int) -> tuple[Any, ...]:
        rng = self.rng
        at = START + timedelta(seconds=rng.uniform(0, SPAN_SECONDS))
        state = rng.choices(["visible", "pending", "hidden"], [97, 2, 1])[0]
        audience = "members" if rng.random() < 0.8 else "team"
        body = f"Day {number}: a walk, some soup, an early night."
        return (rng.choice(self.members), body, "", "", audience, at, 0, 0, state, "")

    def _question_row(self, qid: int, at: datetime) -> tuple[Any, ...]:
        author, anonymous = self.rng.choice(self.members), self.rng.random() < 0.2
        title, body = f"How did you manage week {qid}?", "Any tips welcome."
        return (qid, title, f"q{qid}", body, "", author, anonymous, 0, 0, at, at, "visible", "")

    def fill_to(self, target: int) -> float:
        """Add updates (and a question per ten) until there are `target`; seconds taken."""
        from django.db import connection

        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE activities_update DISABLE TRIGGER USER")
            raw = cursor.cursor
            while self.updates < target:
                n = min(BATCH, target - self.updates)
                rows = [self._update_row(self.updates + i) for i in range(n)]
                questions = [
                    self._question_row(self.questions + k + 1, row[5])
                    for k, row in enumerate(rows[::10])
                ]
                _copy(raw, "activities_update", UPDATE_COLUMNS, rows)
                _copy(raw, "forum_question", QUESTION_COLUMNS, questions)
                self.updates += n
                self.questions += len(questions)
                print(f"  .. {self.updates} updates", file=sys.stderr, flush=True)
            cursor.execute("ALTER TABLE activities_update ENABLE TRIGGER USER")
            cursor.execute(
                "SELECT setval('forum_question_id_seq', (SELECT coalesce(max(id), 1) "
                "FROM forum_question))"
            )
            cursor.execute("ANALYZE")  # every table: the planner must know the sizes it joins
        return time.perf_counter() - began


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _timed_reads(calls: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """p50 and p95 of each call, the calls taken in turn, so that both readers meet the same
    moments of a shared machine's load and their ratio is fair."""
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for round_number in range(WARMUP + REQUESTS):
        for name, call in calls.items():
            began = time.perf_counter()
            call()
            if round_number >= WARMUP:
                samples[name].append((time.perf_counter() - began) * 1000)
    return {name: _percentiles(values) for name, values in samples.items()}


def _measure_reads(size: int, load: float, readers: dict[str, Any]) -> dict[str, Any]:
    from django.conf import settings

    from activities.feed import EVERYONE, TEAM, feed_page

    result: dict[str, Any] = {"size": size, "load_s": load}
    third_page: dict[str, str | None] = {}
    for name, reader in readers.items():
        rebuilds = []
        for _ in range(3):
            _forget_feeds()
            began = time.perf_counter()
            first = feed_page(viewer=reader, tab=TEAM)  # the feed is missing: rebuilt from SQL
            rebuilds.append((time.perf_counter() - began) * 1000)
        result[f"{name}_rebuild_ms"] = statistics.median(rebuilds)
        result[f"{name}_items"] = len(first.items)
        third_page[name] = feed_page(viewer=reader, tab=TEAM, before=first.next_cursor).next_cursor
    first_pages = _timed_reads(
        {name: (lambda r=reader: feed_page(viewer=r, tab=TEAM)) for name, reader in readers.items()}
    )
    later_pages = _timed_reads(
        {
            name: (lambda r=reader, c=third_page[name]: feed_page(viewer=r, tab=TEAM, before=c))
            for name, reader in readers.items()
        }
    )
    url = settings.REDIS_URL
    settings.REDIS_URL = ""  # the same pages from SQL (embedded default, Redis down)
    try:
        sql_pages = _timed_reads(
            {
                **{name: (lambda r=reader: feed_page(viewer=r, tab=TEAM))
                   for name, reader in readers.items()},
                "everyone": lambda: feed_page(viewer=readers["small"], tab=EVERYONE),
            }
        )  # fmt: skip
    finally:
        settings.REDIS_URL = url
    for name in readers:
        result[f"{name}_team"] = first_pages[name]
        result[f"{name}_team_p3"] = later_pages[name]
        result[f"{name}_team_sql"] = sql_pages[name]
    result["everyone"] = sql_pages["everyone"]
    return result


def _print_reads(rows: list[dict[str, Any]]) -> None:
    def cell(pair: tuple[float, float]) -> str:
        return f"{pair[0]:.1f} / {pair[1]:.1f}"

    print("\nupdates | team | items on page 1 | My team p1 (Redis) | My team p3 (Redis) | rebuild "
          "| My team (SQL) | Everyone (SQL)")  # fmt: skip
    for row in rows:
        for name, team in (("small", SMALL_TEAM), ("big", BIG_TEAM)):
            print(f"{row['size']:>9,} | {team:>5,} | {row[f'{name}_items']} | "
                  f"{cell(row[f'{name}_team'])} | "
                  f"{cell(row[f'{name}_team_p3'])} | {row[f'{name}_rebuild_ms']:.0f} ms | "
                  f"{cell(row[f'{name}_team_sql'])} | {cell(row['everyone'])}")  # fmt: skip
    for name in ("small", "big"):
        p95 = [row[f"{name}_team"][1] for row in rows]
        print(f"{name} team: p95 largest / smallest over sizes = {max(p95) / min(p95):.2f}")
    for row in rows:
        ratio = row["big_team"][1] / row["small_team"][1]
        print(f"{row['size']:,} updates: p95 team of 5 000 / team of 5 = {ratio:.2f}")


def _build_mates_feeds(mate_ids: list[int]) -> int:
    """The 5 000 mates' feeds, each full (FEED_CAP entries, the newest visible updates), as
    busy members' feeds are, written in pipelined batches; the bytes one feed takes in Redis."""
    import redis

    from activities.feed import store
    from activities.feed.store import Entry
    from activities.models import Update

    newest = [
        Entry.at(created_at=at, kind="u", id=pk)
        for pk, at in Update.objects.filter(moderation_state="visible")
        .order_by("-created_at", "-id")
        .values_list("id", "created_at")[: store.FEED_CAP]
    ]
    for start in range(0, len(mate_ids), 500):
        batch = mate_ids[start : start + 500]
        store.feed_build_start(member_ids=batch)
        for mate_id in batch:
            store.feed_build_finish(member_id=mate_id, entries=newest, complete=False)
    client = redis.Redis.from_url(REDIS_URL)
    return int(client.memory_usage(store.feed_key(mate_ids[0]), samples=0) or 0)


def _all_hold(client: Any, keys: list[str], member: str) -> int:
    pipe = client.pipeline(transaction=False)
    for key in keys:
        pipe.zscore(key, member)
    return sum(score is not None for score in pipe.execute())


def _start_worker(log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DJANGO_LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT)}
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "mybcteam", "worker", "--loglevel=INFO",
             "--concurrency=2", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--hostname", f"feed-bench-{os.getpid()}@localhost"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if b"ready." in log.read_bytes():
            return worker
        if worker.poll() is not None:
            break
        time.sleep(0.1)
    _stop(worker)
    raise SystemExit("the Celery worker did not start:\n" + log.read_text()[-3000:])


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def _fanout(member_ids: list[int], runs: int, timeout: float) -> dict[str, Any]:
    import redis
    from django.db import connection

    from accounts.models import User
    from activities.feed import store
    from activities.feed.store import Entry
    from activities.services.updates import update_create

    author = User.objects.get(pk=member_ids[0])
    mates = member_ids[1 : BIG_TEAM + 1]
    feed_bytes = _build_mates_feeds(mates)
    keys = [store.feed_key(mate) for mate in mates]
    client = redis.Redis.from_url(REDIS_URL)
    log = Path(os.environ.get("FEED_BENCH_LOG", "/tmp")) / f"feed-bench-worker-{os.getpid()}.log"
    connection.close()
    worker = _start_worker(log)
    times = []
    try:
        for run in range(runs):
            began = time.perf_counter()
            update = update_create(author=author, body=f"Bench round {run}: finished my last "
                                   f"radiation session at {time.time():.3f}.")  # fmt: skip
            member = Entry.at(created_at=update.created_at, kind="u", id=update.pk).member
            held = 0
            while time.perf_counter() - began < timeout:
                held = _all_hold(client, keys, member)
                if held == len(keys):
                    break
                time.sleep(0.02)
            elapsed = time.perf_counter() - began
            times.append(elapsed)
            print(f"  run {run + 1}: {held} of {len(keys)} feeds in {elapsed * 1000:.0f} ms",
                  flush=True)  # fmt: skip
            time.sleep(1)
    finally:
        _stop(worker)
    task_seconds = [
        float(s) for s in re.findall(rb"feed_job_run\[[^\]]+\] succeeded in ([0-9.]+)s",
                                     log.read_bytes())
    ]  # fmt: skip
    return {"times": times, "task_s": task_seconds, "feed_bytes": feed_bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--fanout-runs", type=int, default=5)
    parser.add_argument("--fanout-timeout", type=float, default=30.0)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    _recreate_database()
    _setup_django()
    from django.core.management import call_command

    from accounts.models import User

    call_command("migrate", verbosity=0)
    _forget_feeds()
    member_ids = _members()
    readers = {
        "small": User.objects.get(pk=member_ids[BIG_TEAM + 1]),
        "big": User.objects.get(pk=member_ids[0]),
    }
    filler = Filler(member_ids)
    rows = []
    print(f"load average at start: {os.getloadavg()}", flush=True)
    for size in sizes:
        load = filler.fill_to(size)
        print(f"{size:,} updates loaded in {load:.0f} s", flush=True)
        rows.append(_measure_reads(size, load, readers))
        _print_reads(rows)
    print(f"load average after reads: {os.getloadavg()}", flush=True)
    fan = _fanout(member_ids, args.fanout_runs, args.fanout_timeout)
    print(f"\nfan-out of one update to {BIG_TEAM:,} feeds, end to end (ms): "
          + ", ".join(f"{t * 1000:.0f}" for t in fan["times"]))  # fmt: skip
    if fan["task_s"]:
        print("  the task itself (worker log, ms): "
              + ", ".join(f"{t * 1000:.0f}" for t in fan["task_s"]))  # fmt: skip
    from activities.feed.store import FEED_CAP

    print(f"  one feed of {FEED_CAP} entries takes {fan['feed_bytes']} bytes in Redis")
    print(f"load average at end: {os.getloadavg()}", flush=True)
    with contextlib.suppress(Exception):
        _forget_feeds()


if __name__ == "__main__":
    main()
