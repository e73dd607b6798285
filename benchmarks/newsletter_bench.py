"""Newsletter throughput: N confirmed subscribers, a personalised digest, Celery pool processes.

    .venv/bin/python -m benchmarks.newsletter_bench --subscribers 100000 --sink smtp-sink

Uses its own PostgreSQL database (BENCH_DB, default mybc_bench_newsletter, created and
migrated if absent), Redis db 4 as broker and result backend (BENCH_REDIS; flushed: only
that db), one Celery worker (`--concurrency`, 2 pool processes by default), and an SMTP
sink on loopback: `--sink smtp-sink` runs Postfix's smtp-sink (C, about 0.13 ms of CPU a
message here, against 0.84 ms for aiosmtpd), `--sink aiosmtpd` (the default) the
pure-Python one of the integration tests, in this process.
Reports emails per second end to end (from the fan-out task being queued to the last
message accepted by the sink), the best 10 s, CPU per email of the worker processes, the
sink and the PostgreSQL backends of the benchmark's database, and the peak resident memory
of every worker process, sampled every 0.2 s.
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = os.environ.get("BENCH_DB", "mybc_bench_newsletter")
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


class PostfixSink:
    """Postfix's smtp-sink on a free loopback port; counts what it accepted from its `-c` line."""

    def __init__(self) -> None:
        from tests.integration.smtp_sink import free_port

        self.port = free_port()
        self.count = 0
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "PostfixSink":
        binary = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
        # -c: a "sess=… quit=… mesg=N" line after every message; -u: it refuses to run as root.
        user = ["-u", "postfix"] if os.geteuid() == 0 else []
        # Its stdout is a pipe: stdbuf (which execs it, same PID) keeps the counter unbuffered.
        unbuffered = ["stdbuf", "-o0"] if shutil.which("stdbuf") else []
        self.process = subprocess.Popen(
            [*unbuffered, binary, "-c", *user, f"127.0.0.1:{self.port}", "1000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._read_counter, daemon=True).start()
        time.sleep(0.3)
        return self

    def _read_counter(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        buffer = b""
        while chunk := os.read(self.process.stdout.fileno(), 65536):
            *lines, buffer = (buffer + chunk).split(b"\r")
            for line in reversed(lines):
                if b"mesg=" in line:
                    self.count = int(line.rsplit(b"mesg=", 1)[1].split()[0])
                    break

    def cpu_seconds(self) -> float:
        return _cpu_seconds(self.process.pid) if self.process is not None else 0.0

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


class AiosmtpdSink:
    """The pure-Python sink of the integration tests, in this process (its CPU is ours)."""

    def __init__(self) -> None:
        from tests.integration.smtp_sink import SmtpSink

        self.sink = SmtpSink(keep_data=False)
        self.port = self.sink.port

    @property
    def count(self) -> int:
        return self.sink.handler.count

    def cpu_seconds(self) -> float:
        return time.process_time()

    def __enter__(self) -> "AiosmtpdSink":
        self.sink.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sink.__exit__(*exc)


def _postgres_backends(cursor: object) -> list[int]:
    """PIDs of the server processes serving the benchmark's database (the workers' sessions)."""
    cursor.execute(  # type: ignore[attr-defined]
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        [DB_NAME],
    )
    return [row[0] for row in cursor.fetchall()]  # type: ignore[attr-defined]


def _best_window(timeline: list[tuple[float, int]], *, seconds: float) -> float:
    """The most emails accepted in any `seconds`-long stretch of the samples, per second."""
    best = 0
    j = 0
    for i in range(len(timeline)):
        while timeline[i][0] - timeline[j][0] > seconds:
            j += 1
        if timeline[i][0] - timeline[j][0] >= seconds * 0.95:
            best = max(best, timeline[i][1] - timeline[j][1])
    return best / seconds


def _profile_chunks(*, sink: object, chunks: int, env: dict[str, str]) -> None:
    """Fan a digest out (its chunk tasks are flushed from Redis) and send chunks here, profiled.

    cProfile with a CPU clock (time.process_time): where the worker's CPU goes, not its
    waits (on this shared machine, waits are mostly other people's processes).
    """
    import cProfile
    import pstats

    import redis
    from django.conf import settings

    from newsletter import services

    settings.EMAIL_BACKEND = env["DJANGO_EMAIL_BACKEND"]
    settings.EMAIL_HOST = env["EMAIL_HOST"]
    settings.EMAIL_PORT = int(env["EMAIL_PORT"])
    settings.EMAIL_USE_TLS = False
    send = services.send_create_digest()
    services.send_fan_out(send_id=send.id)
    redis.Redis.from_url(REDIS).flushdb()
    services.chunk_send(send_id=send.id, chunk=0)  # warm caches: templates, questions
    profiler = cProfile.Profile(time.process_time)
    started = time.monotonic()
    cpu = time.process_time()
    profiler.enable()
    for chunk in range(1, chunks + 1):
        services.chunk_send(send_id=send.id, chunk=chunk)
    profiler.disable()
    elapsed = time.monotonic() - started
    cpu = time.process_time() - cpu
    emails = chunks * services.CHUNK_SIZE
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    print(
        f"{emails} emails in {elapsed:.2f} s in one process: {emails / elapsed:.0f}/s, "
        f"{1000 * cpu / emails:.2f} ms CPU per email (profiled)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--sink", choices=["aiosmtpd", "smtp-sink"], default="aiosmtpd")
    parser.add_argument("--concurrency", type=int, default=2, help="worker pool processes")
    parser.add_argument(
        "--profile-chunks",
        type=int,
        default=0,
        help="no worker: send this many chunks in this process under pyinstrument, print it",
    )
    args = parser.parse_args()

    _ensure_database()
    import django
    import psycopg

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
    sink_class = PostfixSink if args.sink == "smtp-sink" else AiosmtpdSink
    with sink_class() as sink:
        env = {
            **os.environ,
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(sink.port),
            "EMAIL_USE_TLS": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        if args.profile_chunks:
            _profile_chunks(sink=sink, chunks=args.profile_chunks, env=env)
            return
        worker = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "celery"),
                "-A",
                "mybcteam",
                "worker",
                "--loglevel=WARNING",
                f"--concurrency={args.concurrency}",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        peak: dict[int, int] = {}
        pg_cpu: dict[int, tuple[float, float]] = {}  # backend pid: (first seen, last seen)
        timeline: list[tuple[float, int]] = []
        stop = threading.Event()
        watch = psycopg.connect(f"{PG}/{DB_NAME}", autocommit=True)

        def sample() -> None:
            # Walking /proc for the worker's processes costs this (benchmark) process real
            # CPU on a busy machine: once every 2 s; their RSS every 0.2 s.
            ticks = 0
            pids: list[int] = []
            while not stop.is_set():
                if ticks % 10 == 0:
                    pids = _group_pids(worker.pid)
                for pid in pids:
                    peak[pid] = max(peak.get(pid, 0), _rss_kb(pid))
                timeline.append((time.monotonic(), sink.count))
                if ticks % 5 == 0:
                    with watch.cursor() as cursor:
                        for pid in _postgres_backends(cursor):
                            now_cpu = _cpu_seconds(pid)
                            first = pg_cpu.get(pid, (now_cpu, now_cpu))[0]
                            pg_cpu[pid] = (first, now_cpu)
                ticks += 1
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            time.sleep(6)  # worker start-up (Django + Celery import) is not part of the figure
            send = services.send_create_digest()
            cpu_before = sum(_cpu_seconds(pid) for pid in _group_pids(worker.pid))
            sink_cpu_before = sink.cpu_seconds()
            started = time.monotonic()
            newsletter_fan_out.delay(send.id)
            last_report = started
            while time.monotonic() - started < args.timeout:
                if sink.count >= n:
                    break
                if time.monotonic() - last_report > 10:
                    last_report = time.monotonic()
                    elapsed = last_report - started
                    print(f"  {elapsed:6.1f}s  {sink.count} accepted", flush=True)
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            accepted = sink.count
            worker_cpu = sum(_cpu_seconds(pid) for pid in _group_pids(worker.pid)) - cpu_before
            sink_cpu = sink.cpu_seconds() - sink_cpu_before
            load = os.getloadavg()
        finally:
            stop.set()
            sampler.join(timeout=5)
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
            watch.close()
    # Backends alive before the send count only what they spent after it started (roughly:
    # the first sample is within a second of the start).
    postgres_cpu = sum(last - first for first, last in pg_cpu.values())
    best = _best_window(timeline, seconds=10.0)
    states = dict(
        Delivery.objects.filter(send_id=send.id)
        .values_list("state")
        .annotate(models_count=django.db.models.Count("id"))
    )
    send.refresh_from_db()
    print()
    print(f"subscribers:          {n}")
    print(f"accepted by the sink: {accepted} in {elapsed:.1f} s")
    print(f"emails per second:    {accepted / elapsed:.0f} (best 10 s: {best:.0f}/s)")
    print(f"delivery states:      {states}; send {send.state}")
    print(
        f"worker CPU per email: {1000 * worker_cpu / max(accepted, 1):.2f} ms (all pool processes)"
    )
    print(f"sink CPU per email:   {1000 * sink_cpu / max(accepted, 1):.3f} ms ({args.sink})")
    print(
        f"PostgreSQL CPU/email: {1000 * postgres_cpu / max(accepted, 1):.3f} ms "
        f"(backends of {DB_NAME})"
    )
    print(f"load average (1/5/15 min) at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    rss = sorted(peak.items())
    print("peak RSS per worker process (MB): " + ", ".join(f"{kb / 1024:.0f}" for _, kb in rss))
    celery_app.close()


if __name__ == "__main__":
    main()
