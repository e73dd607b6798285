"""Newsletter throughput: N confirmed subscribers, a personalised digest, 2 worker processes.

    .venv/bin/python -m benchmarks.newsletter_bench --subscribers 100000

Uses its own PostgreSQL database (mybc_bench_newsletter, created and migrated if absent),
Redis db 4 as broker and result backend (flushed: only db 4), one Celery worker with two
pool processes, and an aiosmtpd sink on loopback in this process. Reports emails per second
end to end (from the fan-out task being queued to the last message accepted by the sink)
and the peak resident memory of every worker process, sampled every 0.2 s.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "mybc_bench_newsletter"
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/4")
os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"
os.environ["REDIS_URL"] = REDIS
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")


def _ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[2]) == pgid:
            pids.append(int(entry.name))
    return pids


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()

    _ensure_database()
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)

    from articles.models import Article, ArticleStatus
    from catalogue.models import Topic
    from mybcteam.celery import app as celery_app
    from newsletter import services
    from newsletter.models import Delivery, Subscriber
    from newsletter.tasks import newsletter_fan_out
    from tests.integration.smtp_sink import SmtpSink

    n = args.subscribers
    print(f"preparing {n} confirmed subscribers ...", flush=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE newsletter_delivery, newsletter_send, newsletter_consent, "
            "newsletter_subscriber_topics, newsletter_subscriber RESTART IDENTITY CASCADE"
        )
    topics = [
        Topic.objects.get_or_create(slug=f"bench-topic-{i}", defaults={"name": f"Bench topic {i}"})[
            0
        ]
        for i in range(6)
    ]
    Article.objects.filter(slug__startswith="bench-article-").delete()
    now = timezone.now()
    for i in range(12):
        article = Article.objects.create(
            title=f"Bench article {i}: what to ask at your next appointment",
            slug=f"bench-article-{i}",
            summary="A short summary that appears in the digest under the title.",
            key_points="One\nTwo\nThree",
            body_markdown="Body",
            status=ArticleStatus.PUBLISHED,
            published_at=now - timedelta(hours=i + 1),
        )
        article.topics.set([topics[i % len(topics)]])
    rng = random.Random(7)
    batch = 10_000
    for start in range(0, n, batch):
        Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"bench{i}@example.org", state="confirmed", confirmed_at=now)
                for i in range(start, min(n, start + batch))
            ]
        )
    through = Subscriber.topics.through
    ids = list(Subscriber.objects.values_list("id", flat=True))
    links = []
    for sub_id in ids:
        for topic in rng.sample(topics, rng.randint(0, 2)):  # 0 topics = everything
            links.append(through(subscriber_id=sub_id, topic_id=topic.id))
    through.objects.bulk_create(links, batch_size=20_000)
    connection.close()

    redis.Redis.from_url(REDIS).flushdb()
    with SmtpSink(keep_data=False) as sink:
        env = {
            **os.environ,
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_USE_TLS": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        worker = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "celery"),
                "-A",
                "mybcteam",
                "worker",
                "--loglevel=WARNING",
                "--concurrency=2",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        peak: dict[int, int] = {}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                for pid in _group_pids(worker.pid):
                    peak[pid] = max(peak.get(pid, 0), _rss_kb(pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            time.sleep(6)  # worker start-up (Django + Celery import) is not part of the figure
            send = services.send_create_digest()
            cpu_before = sum(_cpu_seconds(pid) for pid in _group_pids(worker.pid))
            bench_cpu_before = time.process_time()
            started = time.monotonic()
            newsletter_fan_out.delay(send.id)
            last_report = started
            while time.monotonic() - started < args.timeout:
                if sink.handler.count >= n:
                    break
                if time.monotonic() - last_report > 10:
                    last_report = time.monotonic()
                    elapsed = last_report - started
                    print(f"  {elapsed:6.1f}s  {sink.handler.count} accepted", flush=True)
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            accepted = sink.handler.count
            worker_cpu = sum(_cpu_seconds(pid) for pid in _group_pids(worker.pid)) - cpu_before
            bench_cpu = time.process_time() - bench_cpu_before
            load = os.getloadavg()
        finally:
            stop.set()
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
    states = dict(
        Delivery.objects.filter(send_id=send.id)
        .values_list("state")
        .annotate(models_count=django.db.models.Count("id"))
    )
    send.refresh_from_db()
    print()
    print(f"subscribers:          {n}")
    print(f"accepted by the sink: {accepted} in {elapsed:.1f} s")
    print(f"emails per second:    {accepted / elapsed:.0f}")
    print(f"delivery states:      {states}; send {send.state}")
    print(
        f"worker CPU per email: {1000 * worker_cpu / max(accepted, 1):.2f} ms (all pool processes)"
    )
    print(f"sink CPU per email:   {1000 * bench_cpu / max(accepted, 1):.2f} ms (aiosmtpd sink)")
    print(f"load average (1/5/15 min) at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    rss = sorted(peak.items())
    print("peak RSS per worker process (MB): " + ", ".join(f"{kb / 1024:.0f}" for _, kb in rss))
    celery_app.close()


if __name__ == "__main__":
    main()
