"""Measures inputs of the capacity model (docs/scaling.md, benchmarks/capacity_model.py).

Three parts, each printing a table and the JSON it is made from:

- `tables`: rows and bytes (heap, TOAST and indexes) per table of a filled database, such as the
  page-speed data set (`benchmarks/page_speed_data.py`).
- `redis`: the Redis memory of a member's session and of the cached pages and renderings, read
  with MEMORY USAGE after real requests through Django's test client. It empties the Redis
  database it is given first, so give it one of its own.
- `pages`: what a page costs per request, in-process through Django's test client: wall time,
  this process's CPU and the CPU of the PostgreSQL backend serving it (read from /proc, so the
  database must run on this machine).
- `wal`: WAL bytes per question, answer, update and private message, written through the real
  services (rules, outbox rows, job rows and all), from `pg_current_wal_lsn()` before and after.
  The LSN is the whole cluster's, so run it on a cluster nothing else writes to. First right
  after a CHECKPOINT (every first change to a page also logs the whole 8 kB page), then again
  (steady state: the pages are already logged).

    DJANGO_SETTINGS_MODULE=benchmarks.settings DATABASE_URL=postgres://... \\
    REDIS_URL=redis://127.0.0.1:6379/10 python -m benchmarks.capacity_inputs tables redis pages wal
"""

import json
import os
import sys
import uuid
from collections.abc import Callable
from typing import Any

# The posting rules would stop one member writing hundreds of posts an hour.
for _name in (
    "MODERATION_QUESTIONS_PER_HOUR",
    "MODERATION_REPLIES_PER_HOUR",
    "MESSAGES_PER_HOUR",
    "MESSAGES_PER_DAY",
):
    os.environ.setdefault(_name, "1000000")
os.environ.setdefault("MODERATION_NEW_MEMBER_HOURS", "0")
os.environ.setdefault("MODERATION_LINK_TRUST_POSTS", "0")

# Below this many rows, a table's fixed pages (at least one per index) say more than its rows.
MIN_ROWS = int(os.environ.get("CAPACITY_MIN_ROWS", "500"))
WAL_WRITES = int(os.environ.get("CAPACITY_WAL_WRITES", "100"))
PAGE_REQUESTS = 50
BODY = (
    "Fatigue hit me hardest in the second week of each cycle. Walking a little every day made "
    "the tiredness easier to bear, and my team answered every question I brought."
)


def measure_tables() -> list[dict[str, Any]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid)"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY 2 DESC"
        )
        sizes = cursor.fetchall()
        rows = []
        for name, total, heap in sizes:
            cursor.execute(f'SELECT count(*) FROM "{name}"')
            count = cursor.fetchone()[0]
            per_row = round(total / count) if count >= MIN_ROWS else None
            rows.append(
                {"table": name, "rows": count, "bytes": total, "heap": heap, "per_row": per_row}
            )
    return rows


def _memory(client: Any, pattern: str) -> list[int]:
    return [int(client.memory_usage(key) or 0) for key in client.scan_iter(match=pattern)]


def measure_redis() -> dict[str, Any]:
    import redis
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from benchmarks import page_speed_data

    store = redis.Redis.from_url(settings.REDIS_URL)
    store.flushdb()
    targets = page_speed_data.targets()
    visitor = Client()
    anonymous_pages = ["/", "/questions/", "/articles/", targets["article"], targets["question"]]
    for path in anonymous_pages:
        assert visitor.get(path).status_code == 200, path
    member = Client()
    member.force_login(User.objects.get(email=page_speed_data.BENCH_MEMBER_EMAIL))
    for path in (targets["article"], targets["question"], "/"):
        assert member.get(path).status_code == 200, path
    return {
        "session": _memory(store, "*sessions*"),
        "page_cache_entries": _memory(store, "*pagecache:page:*"),
        "comment_pages": _memory(store, "*thread*"),
        "answer_pages": _memory(store, "*answer*"),
        "all_keys": {key.decode(): int(store.memory_usage(key) or 0) for key in store.scan_iter()},
    }


def _backend_cpu_seconds(pid: int) -> float:
    """CPU time of a PostgreSQL backend on this machine, from /proc (utime + stime)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _backend_pid() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def _cost(client: Any, path: str) -> dict[str, float]:
    """Per request: wall time, this process's CPU and the database backend's CPU, in ms."""
    import time

    for _ in range(5):
        assert client.get(path).status_code == 200, path
    pid = _backend_pid()
    wall, cpu, backend = time.perf_counter(), time.process_time(), _backend_cpu_seconds(pid)
    for _ in range(PAGE_REQUESTS):
        client.get(path)
    assert _backend_pid() == pid, "the connection changed during the measurement"
    return {
        "wall_ms": round((time.perf_counter() - wall) * 1000 / PAGE_REQUESTS, 2),
        "app_cpu_ms": round((time.process_time() - cpu) * 1000 / PAGE_REQUESTS, 2),
        "db_cpu_ms": round((_backend_cpu_seconds(pid) - backend) * 1000 / PAGE_REQUESTS, 2),
    }


def measure_pages() -> dict[str, dict[str, float]]:
    from django.test import Client

    from accounts.models import User
    from benchmarks import page_speed_data

    targets = page_speed_data.targets()
    member = Client()
    member.force_login(User.objects.get(email=page_speed_data.BENCH_MEMBER_EMAIL))
    costs = {
        f"member {path}": _cost(member, path)
        for path in (targets["question"], targets["article"], "/questions/", "/", "/notifications/")
    }
    costs["visitor /questions/ (page cache hit)"] = _cost(Client(), "/questions/")
    return costs


def _lsn() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
        return int(cursor.fetchone()[0])


def _checkpoint() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")


def _two_mates() -> tuple[Any, Any]:
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from accounts.models import User
    from activities.models import TeamLink

    suffix = uuid.uuid4().hex[:8]
    members = []
    for name in ("ana", "bea"):
        member = User.objects.create_user(
            email=f"{name}-{suffix}@capacity.example",
            password=None,
            display_name=f"{name.title()} Capacity",
            handle=f"{name}{suffix}",
            date_joined=timezone.now() - timedelta(days=90),
        )
        EmailAddress.objects.create(user=member, email=member.email, primary=True, verified=True)
        members.append(member)
    TeamLink.objects.bulk_create(
        [TeamLink(member=members[0], mate=members[1]), TeamLink(member=members[1], mate=members[0])]
    )
    return members[0], members[1]


def _writers() -> dict[str, Callable[[int], object]]:
    from activities.services.updates import update_create
    from catalogue.models import Topic
    from conversations.services import message_send
    from forum.services.posts import answer_create, question_create

    ana, bea = _two_mates()
    topic = Topic.objects.order_by("pk").first()
    assert topic is not None, "run seed_demo (or the page-speed data set) first"
    question = question_create(
        author=ana, title="Where does the week go? (capacity)", body=BODY, topics=[topic]
    )
    return {
        "question": lambda n: question_create(
            author=bea,
            title=f"Capacity question number {n}",
            body=f"Question {n}. {BODY}",
            topics=[topic],
        ),
        "answer": lambda n: answer_create(
            question=question, author=bea, body=f"Answer {n}. {BODY}"
        ),
        "update": lambda n: update_create(author=ana, body=f"Update {n}. {BODY}"),
        "message": lambda n: message_send(sender=ana, recipient=bea, body=f"Message {n}. {BODY}"),
    }


def measure_wal() -> dict[str, dict[str, float]]:
    writers = _writers()
    result: dict[str, dict[str, float]] = {}
    for kind, write in writers.items():
        result[kind] = {}
        for first, phase in ((0, "after_checkpoint"), (WAL_WRITES, "steady")):
            if phase == "after_checkpoint":
                _checkpoint()
            start = _lsn()
            for number in range(first, first + WAL_WRITES):  # every text new, as the rules ask
                write(number)
            result[kind][phase] = round((_lsn() - start) / WAL_WRITES)
    return result


def _print_tables(rows: list[dict[str, Any]]) -> None:
    print("| table | rows | total bytes | bytes per row |")
    print("|---|---:|---:|---:|")
    for row in rows:
        if row["per_row"] is not None:
            print(f"| {row['table']} | {row['rows']} | {row['bytes']} | {row['per_row']} |")


def main(parts: list[str]) -> None:
    import django

    django.setup()
    measures: dict[str, Callable[[], Any]] = {
        "tables": measure_tables,
        "redis": measure_redis,
        "pages": measure_pages,
        "wal": measure_wal,
    }
    measured = {part: measures[part]() for part in parts}  # in the order asked
    if "tables" in measured:
        _print_tables(measured["tables"])
    print(json.dumps(measured, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:] or ["tables", "redis"])
