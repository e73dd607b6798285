"""Sending a private message: p50, p95 and p99 of the POST a member makes, on PostgreSQL.

    .venv/bin/python -m benchmarks.messages_bench                 # 10 000 earlier messages
    .venv/bin/python -m benchmarks.messages_bench --history 100   # quicker

Uses its own PostgreSQL database (MESSAGES_BENCH_DATABASE_URL, default mybc_messages_bench;
dropped and created) and a Redis database as the Celery broker (MESSAGES_BENCH_REDIS_URL,
default db 14; only its `celery` queue key is deleted afterwards), both on loopback, so the
new-message email is queued as in production rather than sent in the request.

Two team mates share a conversation holding `--history` earlier messages. Each request is
the no-JavaScript send: POST /messages/<id>/ with a fresh idempotency key through Django's
test client in-process (middleware, session, CSRF-exempt client, the rules, the encryption,
the outbox row, the broker hand-off, the redirect), so the figures are server time without
the network. Senders alternate so both sides' limits and emails are exercised; the rate
limits are raised for the run. 20 warm-up requests, then `--requests` measured (default 500);
milliseconds.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from typing import Any

DB_URL = os.environ.get(
    "MESSAGES_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mybc_messages_bench"
)
REDIS_URL = os.environ.get("MESSAGES_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
WARMUP = 20


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = DB_URL
    os.environ["REDIS_URL"] = REDIS_URL
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    os.environ["MESSAGES_PER_HOUR"] = "1000000"
    os.environ["MESSAGES_PER_DAY"] = "1000000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")
    import django

    django.setup()


def _recreate_database() -> None:
    import psycopg

    base, name = DB_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _world(history: int) -> tuple[Any, Any, Any]:
    from datetime import timedelta

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from accounts.models import User
    from activities.models import TeamLink
    from conversations.models import Conversation, Message, Participant

    joined = timezone.now() - timedelta(days=90)
    members = []
    for name in ("Ana Bench", "Bea Bench"):
        member = User.objects.create_user(
            email=f"{name.split()[0].lower()}@bench.example",
            password="bench-password-1",
            display_name=name,
            handle=name.split()[0].lower(),
            date_joined=joined,
        )
        EmailAddress.objects.create(user=member, email=member.email, primary=True, verified=True)
        members.append(member)
    ana, bea = members
    TeamLink.objects.bulk_create([TeamLink(member=ana, mate=bea), TeamLink(member=bea, mate=ana)])
    low, high = sorted(members, key=lambda member: member.pk)
    conversation = Conversation.objects.create(first=low, second=high)
    for member in members:
        Participant.objects.create(conversation=conversation, member=member)
    Message.objects.bulk_create(
        [
            Message(
                conversation=conversation,
                author=members[number % 2],
                body=f"Earlier message number {number}, about the week and the scan.",
                created_at=joined + timedelta(minutes=number),
            )
            for number in range(history)
        ],
        batch_size=2000,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=timezone.now())
    return ana, bea, conversation


def _measure(clients: list[Any], url: str, count: int) -> list[float]:
    timings = []
    for number in range(count):
        client = clients[number % 2]
        body = f"Thinking of you today ({number}). How was the appointment?"
        started = time.perf_counter()
        response = client.post(url, {"body": body, "idempotency_key": str(uuid.uuid4())})
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            sys.exit(f"send answered {response.status_code}: {response.content[:300]!r}")
    return timings


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    _recreate_database()
    _setup_django()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    ana, bea, conversation = _world(args.history)
    clients = []
    for member in (ana, bea):
        client = Client()
        client.force_login(member)
        clients.append(client)
    url = conversation.get_absolute_url()
    # Each side's first message in the conversation is checked; the history already has both.
    _measure(clients, url, WARMUP)
    timings = _measure(clients, url, args.requests)
    print(
        f"send, {args.history} earlier messages, {args.requests} requests: "
        f"p50 {statistics.median(timings):.1f} ms, p95 {_percentile(timings, 0.95):.1f} ms, "
        f"p99 {_percentile(timings, 0.99):.1f} ms, max {max(timings):.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    import redis

    redis.Redis.from_url(REDIS_URL).delete("celery")


if __name__ == "__main__":
    main()
