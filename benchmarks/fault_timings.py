"""Fault timings: what a sign-up probe, a Redis crash or hang and a PostgreSQL outage cost a member.

    .venv/bin/python -m benchmarks.fault_timings                 # all four parts
    .venv/bin/python -m benchmarks.fault_timings signup redis    # some of the parts (below)
    .venv/bin/python -m benchmarks.fault_timings --tries 5       # a quick try of the harness

Everything runs on loopback and belongs to this run: a redis-server on a free port, gunicorn
(2 sync workers, DEBUG off, the product's settings: Argon2 passwords, the fail-soft cache, the
database fallback for rate limits) on PostgreSQL (FAULT_BENCH_DATABASE on 127.0.0.1:5432,
created and migrated if absent) and, for the outage part, a second PostgreSQL cluster initdb'd
under a temporary directory on a free port, which is the one stopped. The shared servers are
never stopped or flushed. Every process started is stopped by its id at the end, also on failure.
The settings module is benchmarks.fault_settings: the product's, plus a bench-only header with
the time each request spent inside Redis calls (benchmarks.redis_wait). That time is what the
1 s bound is about; on a shared machine a request's total also holds the CPU it queued for.

Requests are plain HTTP (urllib, a cookie jar per visitor or member, CSRF tokens read from the
form pages, redirects not followed, so a POST is timed alone). Each visitor comes from its own
X-Forwarded-For address (TRUSTED_PROXY_COUNT=1, as behind the production proxy): allauth's
per-address limits still run on every request without refusing a benchmark that signs up 80
times a minute. The posting limits per member and hour are raised for the same reason.

1. signup: sign-up POSTs alternating between an address already registered (each probed once,
   as an attacker would) and a new one; both medians and their ratio.
2. redis: log-in, the question list as a member, a question page, posting an answer and the
   question list as a visitor, with Redis up, killed (SIGKILL), started again, hung (SIGSTOP) and
   thawed (SIGCONT). The bound: no request waits more than 1 s on Redis.
3. freshness: a question on the visitors' list is hidden (content_hide, in a separate
   `manage.py shell -c` process) while Redis is hung; Redis is thawed a few seconds later. When
   did a visitor last see the hidden title, counted from the hide's commit?
4. postgres: pages and /healthz while the second cluster is up, stopped and started again; how
   long until each answers 200 again by itself.

Results are printed as Markdown tables and written to benchmarks/out/fault_timings.json.
"""

import argparse
import http.cookiejar
import itertools
import json
import math
import os
import pwd
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .page_speed import OUT, PYTHON, ROOT, _free_port, _psql, gunicorn_start, gunicorn_stop, machine

DATABASE = os.environ.get("FAULT_BENCH_DATABASE", "mybc_bench_faults")
PG_BIN = os.environ.get("FAULT_BENCH_PG_BIN", "")
PARTS = ("signup", "redis", "freshness", "postgres")
SIGNUP_TRIES = 40  # per path
REDIS_TRIES = 30  # per phase and action
FRESHNESS_ROUNDS = 5
POSTGRES_TRIES = 30  # per state and page
# No single request of this benchmark may take longer; a slower one is recorded as status 0.
REQUEST_TIMEOUT = 15.0
# The freshness rounds keep Redis hung this long after the hide commits, then watch this long.
HUNG_AFTER_HIDE = 3.0
WATCH_AFTER_THAW = 8.0
RECOVERY_LIMIT = 60.0
REDIS_BOUND_MS = 1000.0
# Set by benchmarks.redis_wait (through benchmarks.fault_settings) on every response.
REDIS_MS_HEADER = "X-Bench-Redis-Ms"
CALM_503 = "We will be back in a moment"  # templates/503.html

MEMBER_EMAIL = "fault-member@bench.mybcteam.example"
MODERATOR_EMAIL = "fault-moderator@bench.mybcteam.example"
PASSWORD = "Calm-harbour-fault-bench-2026"
REGISTERED = "fault-registered-{}@bench.mybcteam.example"
REGISTERED_COUNT = 60
NEW_ADDRESS_PREFIX = "fault-new-"
TOPIC_SLUG = "fault-bench"


# --- Inside Django: called through `manage.py shell -c` in a process of their own -------------


def seed_data() -> None:
    """The member, a moderator, registered addresses and a fresh question to answer (JSON)."""
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from accounts.models import Profile, User
    from catalogue.models import Topic
    from forum.services import question_create
    from moderation.roles import moderators_group_sync

    # Old enough that the new-member review does not hold the benchmark's posts.
    joined = timezone.now() - timedelta(days=60)
    member = _seed_user(MEMBER_EMAIL, "Fault bench member", joined)
    moderator = _seed_user(MODERATOR_EMAIL, "Fault bench moderator", joined)
    moderator.is_staff = True
    moderator.save(update_fields=["is_staff"])
    moderator.groups.add(moderators_group_sync())
    hashed = make_password(PASSWORD)  # one Argon2 hash shared by the registered addresses
    for i in range(REGISTERED_COUNT):
        email = REGISTERED.format(i)
        if not User.objects.filter(email=email).exists():
            user = User.objects.create(
                email=email,
                display_name=f"Fault registered {i}",
                handle=f"fault-registered-{i}",
                password=hashed,
                date_joined=joined,
            )
            Profile.objects.create(user=user)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    topic, _ = Topic.objects.get_or_create(slug=TOPIC_SLUG, defaults={"name": "Fault bench"})
    question = question_create(
        author=member,
        title=f"Fault bench question {uuid.uuid4().hex[:8]}",
        body="Answers are posted here while Redis is up, down and hung.",
        topics=[topic],
    )
    member.refresh_from_db()
    print(
        json.dumps(
            {
                "hasher": settings.PASSWORD_HASHERS[0],
                "member_hash": member.password.split("$", 1)[0],
                "question": question.get_absolute_url(),
                "answer": f"/questions/{question.pk}/answer/",
                "registered": [REGISTERED.format(i) for i in range(REGISTERED_COUNT)],
            }
        )
    )


def _seed_user(email: str, name: str, joined: datetime) -> Any:
    from allauth.account.models import EmailAddress

    from accounts.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, PASSWORD, display_name=name, date_joined=joined)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def freshness_question_create(title: str) -> None:
    """A visible question at the top of the visitors' list; prints its id."""
    from accounts.models import User
    from catalogue.models import Topic
    from forum.services import question_create

    question = question_create(
        author=User.objects.get(email=MEMBER_EMAIL),
        title=title,
        body="This question is hidden by a moderator while Redis is hung.",
        topics=[Topic.objects.get(slug=TOPIC_SLUG)],
    )
    print(question.pk)


def freshness_question_hide(pk: int) -> None:
    """Hide the question as a moderator would; prints the wall-clock time of the commit."""
    from accounts.models import User
    from forum.models import Question
    from moderation.services import content_hide

    content_hide(
        item=Question.objects.get(pk=pk),
        moderator=User.objects.get(email=MODERATOR_EMAIL),
        reason="Fault bench: hidden while Redis is hung.",
    )  # atomic: it has committed when it returns
    print(repr(time.time()))


def signup_hash_algorithms() -> None:
    """How the passwords of the accounts the sign-up part created are hashed (JSON)."""
    from accounts.models import User

    hashes = User.objects.filter(email__startswith=NEW_ADDRESS_PREFIX).values_list(
        "password", flat=True
    )
    print(json.dumps(Counter(h.split("$", 1)[0] for h in hashes)))


# --- Processes -----------------------------------------------------------------------------------


def _env(database_url: str, redis_url: str, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "benchmarks.fault_settings",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_LOG_LEVEL": "ERROR",
        "TRUSTED_PROXY_COUNT": "1",
        "MODERATION_QUESTIONS_PER_HOUR": "100000",
        "MODERATION_REPLIES_PER_HOUR": "100000",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
    }
    return env


def _django(env: dict[str, str], call: str) -> str:
    """Run `benchmarks.fault_timings.<call>` in a `manage.py shell -c` process; its last line."""
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", f"import benchmarks.fault_timings as b; b.{call}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{call} failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1]


def _migrate(env: dict[str, str]) -> None:
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )


def _wait_until(check: Callable[[], bool], limit: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


class RedisServer:
    """A redis-server of this run's own, on loopback, without persistence."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if not _wait_until(self.answers, 10):
            sys.exit("redis-server did not start")

    def crash(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def hang(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def _pg_bin() -> Path:
    if PG_BIN:
        return Path(PG_BIN)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        sys.exit("initdb not found: set FAULT_BENCH_PG_BIN to PostgreSQL's bin directory")
    return found[-1].parent


class PostgresCluster:
    """A throw-away PostgreSQL cluster on loopback (trust auth, fsync off), stopped by its PID."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = port
        # initdb refuses to run as root: then the cluster belongs to the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_user, str(_pg_bin() / tool), *args],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def create(self) -> None:
        if self.as_user:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "server.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", log, "-o", options, "start"
        )

    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        """A fast shutdown (SIGINT to this cluster's postmaster): sessions end, connects fail."""
        pid = self.pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGINT)
        if not _wait_until(lambda: not _alive(pid), 30):
            os.kill(pid, signal.SIGQUIT)
            _wait_until(lambda: not _alive(pid), 10)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- HTTP ----------------------------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    ms: float
    body: str
    headers: dict[str, str]

    @property
    def redis_ms(self) -> float:
        """Time the server spent inside Redis calls for this request (benchmarks.redis_wait)."""
        return float(self.headers.get(REDIS_MS_HEADER, 0.0))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 302 itself is the answer we time


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_addresses = itertools.count(1)


class Browser:
    """One visitor or member: a cookie jar, and a client address of its own."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        n = next(_addresses)
        self.address = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"

    def get(self, path: str) -> Reply:
        return self._request(path, None)

    def post(self, path: str, data: dict[str, str]) -> Reply:
        return self._request(path, urllib.parse.urlencode(data).encode())

    def form_token(self, path: str) -> tuple[Reply, str]:
        """GET a form page and the CSRF token of its first form ("" if it has none)."""
        reply = self.get(path)
        found = _CSRF.search(reply.body)
        return reply, found.group(1) if found else ""

    def log_in(self, email: str) -> Reply:
        _, token = self.form_token("/accounts/login/")
        data = {"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD}
        return self.post("/accounts/login/", data)

    def _request(self, path: str, data: bytes | None) -> Reply:
        request = urllib.request.Request(
            self.base + path, data=data, headers={"X-Forwarded-For": self.address}
        )
        began = time.perf_counter()
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as exc:  # 3xx (not followed), 4xx, 5xx
            status, body, headers = exc.code, exc.read(), exc.headers
        except (OSError, urllib.error.URLError):  # refused, reset or timed out
            return Reply(0, (time.perf_counter() - began) * 1000, "", {})
        ms = (time.perf_counter() - began) * 1000
        return Reply(int(status), ms, body.decode(errors="replace"), dict(headers.items()))


# --- Figures -------------------------------------------------------------------------------------


def _stats(replies: list[Reply]) -> dict[str, Any]:
    ordered = sorted(r.ms for r in replies)
    if not ordered:
        return {"n": 0, "statuses": {}, "median": 0.0, "p90": 0.0, "max": 0.0, "redis_max": 0.0}
    waits = sorted(r.redis_ms for r in replies)
    return {
        "n": len(ordered),
        "statuses": dict(sorted(Counter(str(r.status) for r in replies).items())),
        "median": statistics.median(ordered),
        "p90": ordered[math.ceil(0.9 * len(ordered)) - 1],
        "max": ordered[-1],
        "redis_median": statistics.median(waits),
        "redis_max": waits[-1],
    }


def _statuses(stats: dict[str, Any]) -> str:
    return ", ".join(f"{code}: {count}" for code, count in stats["statuses"].items())


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} / {five:.1f}"


# --- 1. Sign-up timing ---------------------------------------------------------------------------


def measure_signup(base: str, env: dict[str, str], registered: list[str], tries: int) -> Any:
    load_before = _load()
    replies: dict[str, list[Reply]] = {"registered": [], "new": []}
    run = uuid.uuid4().hex[:8]
    addresses = iter(registered)
    for i in range(-2, tries):  # two warm-up pairs, not counted
        # Alternate which path goes first, so a drift in the machine's load hits both alike.
        order = ("registered", "new") if i % 2 else ("new", "registered")
        for path in order:
            if path == "registered":
                email = next(addresses)
            else:
                email = f"{NEW_ADDRESS_PREFIX}{run}-{i + 2}@bench.mybcteam.example"
            browser = Browser(base)
            _, token = browser.form_token("/accounts/signup/")
            reply = browser.post(
                "/accounts/signup/",
                {
                    "csrfmiddlewaretoken": token,
                    "email": email,
                    "password1": PASSWORD,
                    "password2": PASSWORD,
                    # Display names are unique: one taken would answer the form again (200).
                    "display_name": f"Fault signup {uuid.uuid4().hex[:12]}",
                },
            )
            if i >= 0:
                replies[path].append(reply)
    result: dict[str, Any] = {path: _stats(rs) for path, rs in replies.items()}
    result["ratio"] = result["new"]["median"] / result["registered"]["median"]
    result["new_account_hashes"] = json.loads(_django(env, "signup_hash_algorithms()"))
    result["load"] = f"{load_before} → {_load()}"
    return result


def signup_table(result: dict[str, Any]) -> str:
    lines = [
        "| sign-up with | tries | statuses | median ms | p90 ms | max ms |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for path, label in (("registered", "an address already registered"), ("new", "a new address")):
        s = result[path]
        lines.append(
            f"| {label} | {s['n']} | {_statuses(s)} | {s['median']:.0f} | {s['p90']:.0f} "
            f"| {s['max']:.0f} |"
        )
    lines.append("")
    lines.append(
        f"Ratio of the medians (new / registered): **{result['ratio']:.2f}**; passwords of the "
        f"accounts created: {result['new_account_hashes']}; load {result['load']}."
    )
    return "\n".join(lines)


# --- 2. Redis crashed, restarted, hung, thawed ---------------------------------------------------

ACTIONS = (
    "log-in (POST)",
    "question list, member",
    "question page, member",
    "answer (POST)",
    "question list, visitor",
)


def _member_round(base: str, targets: dict[str, Any], n: int, phase: str) -> dict[str, Reply]:
    member = Browser(base)
    replies = {"log-in (POST)": member.log_in(MEMBER_EMAIL)}
    if replies["log-in (POST)"].status == 302:  # else the member steps would run anonymous
        replies["question list, member"] = member.get("/questions/")
        page, token = member.form_token(targets["question"])
        replies["question page, member"] = page
        body = f"Fault bench answer, Redis {phase}, try {n}, {uuid.uuid4().hex[:8]}."
        replies["answer (POST)"] = member.post(
            targets["answer"], {"csrfmiddlewaretoken": token, "body": body}
        )
    replies["question list, visitor"] = Browser(base).get("/questions/")
    return replies


def _phase(base: str, targets: dict[str, Any], phase: str, tries: int) -> dict[str, Any]:
    collected: dict[str, list[Reply]] = {action: [] for action in ACTIONS}
    began = time.monotonic()
    for n in range(tries):
        for action, reply in _member_round(base, targets, n, phase).items():
            collected[action].append(reply)
    stats: dict[str, Any] = {action: _stats(replies) for action, replies in collected.items()}
    stats["seconds"] = time.monotonic() - began
    stats["load"] = _load()
    return stats


def measure_redis(base: str, redis: RedisServer, targets: dict[str, Any], tries: int) -> Any:
    _member_round(base, targets, -1, "warm-up")
    phases: dict[str, Any] = {"up": _phase(base, targets, "up", tries)}
    try:
        redis.crash()
        phases["killed (SIGKILL)"] = _phase(base, targets, "killed", tries)
        redis.start()
        phases["started again"] = _phase(base, targets, "started again", tries)
        redis.hang()
        phases["hung (SIGSTOP)"] = _phase(base, targets, "hung", tries)
        redis.thaw()
        phases["thawed (SIGCONT)"] = _phase(base, targets, "thawed", tries)
    finally:
        if redis.process is None or redis.process.poll() is not None:
            redis.start()
        else:
            redis.thaw()
    return phases


def redis_table(phases: dict[str, Any]) -> str:
    lines = [
        "| Redis | action | statuses | median ms | p90 ms | max ms "
        "| waiting on Redis, median / max ms |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for name, phase in phases.items():
        for action in ACTIONS:
            s = phase[action]
            mark = " **over 1 s**" if s["redis_max"] > REDIS_BOUND_MS else ""
            lines.append(
                f"| {name} | {action} | {_statuses(s)} | {s['median']:.0f} | {s['p90']:.0f} "
                f"| {s['max']:.0f} | {s['redis_median']:.0f} / {s['redis_max']:.0f}{mark} |"
            )
    worst = max(p[a]["redis_max"] for p in phases.values() for a in ACTIONS)
    lines.append("")
    lines.append(
        f"Longest any request waited on Redis: **{worst:.0f} ms** (bound "
        f"{REDIS_BOUND_MS:.0f} ms). Load (1 / 5 min) after each phase: "
        + "; ".join(f"{name} {phase['load']}" for name, phase in phases.items())
        + "."
    )
    return "\n".join(lines)


# --- 3. The page cache after a Redis stall -------------------------------------------------------


def _watch(
    base: str, title: str, stop: threading.Event, seen: list[tuple[float, bool, int]]
) -> None:
    """Visitors asking for the question list until told to stop: (answered at, title shown)."""
    deadline = time.time() + 120
    while not stop.is_set() and time.time() < deadline:
        reply = Browser(base).get("/questions/")
        seen.append((time.time(), title in reply.body, reply.status))
        time.sleep(0.02)


def _freshness_round(base: str, env: dict[str, str], redis: RedisServer, n: int) -> Any:
    title = f"Fault bench hidden while Redis hung {uuid.uuid4().hex[:10]} {n}"
    pk = int(_django(env, f"freshness_question_create({title!r})"))
    # Warm the cache: Redis and both workers' own copies hold the list with the title.
    shown = 0
    deadline = time.monotonic() + 20
    while shown < 6 and time.monotonic() < deadline:
        shown += title in Browser(base).get("/questions/").body
    stop = threading.Event()
    seen: list[tuple[float, bool, int]] = []
    watcher = threading.Thread(target=_watch, args=(base, title, stop, seen), daemon=True)
    watcher.start()
    try:
        redis.hang()
        committed = float(_django(env, f"freshness_question_hide({pk})"))
        time.sleep(max(0.0, committed + HUNG_AFTER_HIDE - time.time()))
        redis.thaw()
        thawed = time.time()
        time.sleep(max(0.0, thawed + WATCH_AFTER_THAW - time.time()))
    finally:
        redis.thaw()
        stop.set()
        watcher.join(timeout=REQUEST_TIMEOUT + 5)
    after = [(at, shown_, status) for at, shown_, status in seen if at > committed]
    last_shown = max((at for at, shown_, _ in after if shown_), default=committed)
    return {
        "warmed": shown,
        "requests_after_commit": len(after),
        "statuses_after_commit": dict(Counter(str(s) for _, _, s in after)),
        "last_shown_after_commit_s": last_shown - committed,
        "shown_after_thaw": sum(1 for at, shown_, _ in after if shown_ and at > thawed),
    }


def measure_freshness(base: str, env: dict[str, str], redis: RedisServer, rounds: int) -> Any:
    from_load = _load()
    results = [_freshness_round(base, env, redis, n) for n in range(rounds)]
    return {"rounds": results, "load": f"{from_load} → {_load()}"}


def freshness_table(result: dict[str, Any]) -> str:
    lines = [
        "| round | list requests after the commit | statuses | title last shown, s after commit "
        "| shown after the thaw |",
        "|---:|---:|---|---:|---:|",
    ]
    for n, r in enumerate(result["rounds"], 1):
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["statuses_after_commit"].items()))
        lines.append(
            f"| {n} | {r['requests_after_commit']} | {statuses} "
            f"| {r['last_shown_after_commit_s']:.2f} | {r['shown_after_thaw']} |"
        )
    worst = max(r["last_shown_after_commit_s"] for r in result["rounds"])
    lines.append("")
    lines.append(
        f"Longest a visitor saw the hidden question after the hide committed: **{worst:.2f} s** "
        f"(Redis hung from before the hide to {HUNG_AFTER_HIDE:.0f} s after it, then watched "
        f"{WATCH_AFTER_THAW:.0f} s more; load {result['load']})."
    )
    return "\n".join(lines)


# --- 4. PostgreSQL unreachable -------------------------------------------------------------------

DB_PAGES = (
    ("home, visitor", False, "/"),
    ("question list, visitor", False, "/questions/"),
    ("search, visitor", False, "/search/?q=herceptin"),
    ("question list, member", True, "/questions/"),
    ("/healthz", False, "/healthz"),
)


def _db_state(base: str, member: Browser, tries: int) -> dict[str, Any]:
    state: dict[str, Any] = {}
    for name, as_member, path in DB_PAGES:
        replies = [(member if as_member else Browser(base)).get(path) for _ in range(tries)]
        stats = _stats(replies)
        stats["retry_after"] = sorted({r.headers.get("Retry-After", "") for r in replies})
        stats["traceback"] = any("Traceback" in r.body for r in replies)
        stats["calm_503"] = sum(1 for r in replies if r.status == 503 and CALM_503 in r.body)
        state[name] = stats
    state["load"] = _load()
    return state


def _recovery(base: str, member: Browser, started: float) -> dict[str, float | None]:
    """Seconds from the cluster accepting connections again to each page's first 200."""
    pending = {name: (as_member, path) for name, as_member, path in DB_PAGES}
    back: dict[str, float | None] = dict.fromkeys(pending)
    while pending and time.monotonic() - started < RECOVERY_LIMIT:
        for name, (as_member, path) in list(pending.items()):
            if (member if as_member else Browser(base)).get(path).status == 200:
                back[name] = time.monotonic() - started
                del pending[name]
        time.sleep(0.05)
    return back


def measure_postgres(stack: ExitStack, workdir: Path, redis: RedisServer, tries: int) -> Any:
    # Its own directory: the postgres user must reach it, and not the rest of the run's files.
    cluster = PostgresCluster(Path(tempfile.mkdtemp(prefix="fault-bench-pg-")), _free_port())
    stack.callback(cluster.remove)
    cluster.create()
    cluster.start()
    database = f"{DATABASE}_outage"
    _psql(f"CREATE DATABASE {database}", port=cluster.port)
    env = _env(f"postgres://postgres@127.0.0.1:{cluster.port}/{database}", redis.url(1), workdir)
    _migrate(env)
    _django(env, "seed_data()")
    port = _free_port()
    server = gunicorn_start(port, env, workdir / "gunicorn-outage.log")
    stack.callback(gunicorn_stop, server)
    base = f"http://127.0.0.1:{port}"
    member = Browser(base)
    if member.log_in(MEMBER_EMAIL).status != 302:
        sys.exit("the member could not log in on the outage server")
    result: dict[str, Any] = {"up": _db_state(base, member, tries)}
    down_at = time.monotonic()
    cluster.stop()
    result["stopped"] = _db_state(base, member, tries)
    result["stopped_for_s"] = time.monotonic() - down_at
    cluster.start()  # -w: returns once the cluster accepts connections
    result["recovery_s"] = _recovery(base, member, time.monotonic())
    result["started again"] = _db_state(base, member, max(5, tries // 3))
    return result


def postgres_table(result: dict[str, Any]) -> str:
    lines = [
        "| PostgreSQL | page | statuses | Retry-After | median ms | p90 ms | max ms |",
        "|---|---|---|---|---:|---:|---:|",
    ]
    for state in ("up", "stopped", "started again"):
        for name, _, _ in DB_PAGES:
            s = result[state][name]
            retry = ", ".join(v or "none" for v in s["retry_after"])
            trace = " (a traceback!)" if s["traceback"] else ""
            if s["calm_503"]:
                trace += f" ({s['calm_503']} the calm page)"
            lines.append(
                f"| {state} | {name} | {_statuses(s)}{trace} | {retry} | {s['median']:.0f} "
                f"| {s['p90']:.0f} | {s['max']:.0f} |"
            )
    lines.append("")
    back = ", ".join(
        f"{name} {'never' if s is None else f'{s:.2f} s'}"
        for name, s in result["recovery_s"].items()
    )
    lines.append(
        f"Stopped for {result['stopped_for_s']:.0f} s. Each page's first 200 after the cluster "
        f"accepted connections again, the pages polled in turn every 50 ms and nothing but "
        f"PostgreSQL restarted: {back}. Load: "
        + "; ".join(
            f"{state} {result[state]['load']}" for state in ("up", "stopped", "started again")
        )
        + "."
    )
    return "\n".join(lines)


# --- Main ----------------------------------------------------------------------------------------


def _require_tools() -> None:
    for tool in ("redis-server", "psql"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed")
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 5432)) != 0:
            sys.exit("PostgreSQL is not listening on 127.0.0.1:5432")


def _on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(f"stopped by signal {signum}")  # so every cleanup below runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", help=f"some of {', '.join(PARTS)} (default: all)")
    parser.add_argument("--tries", type=int, help="tries per measurement (default: per part)")
    args = parser.parse_args()
    parts = args.parts or list(PARTS)
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {unknown}; choose from {list(PARTS)}")
    _require_tools()
    signal.signal(signal.SIGTERM, _on_sigterm)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    report: dict[str, Any] = {"date": stamp, "machine": machine(), "load_at_start": _load()}
    tables: list[str] = []
    with ExitStack() as stack:
        workdir = Path(tempfile.mkdtemp(prefix="fault-bench-"))
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        redis = RedisServer(_free_port(), workdir)
        stack.callback(redis.stop)
        redis.start()
        if {"signup", "redis", "freshness"} & set(parts):
            env = _env(f"postgres://postgres@127.0.0.1:5432/{DATABASE}", redis.url(0), workdir)
            if _psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'") != "1":
                _psql(f"CREATE DATABASE {DATABASE}")
            _migrate(env)
            targets = json.loads(_django(env, "seed_data()"))
            report["hasher"] = targets["hasher"]
            if targets["member_hash"] != "argon2":
                sys.exit(f"the member's password is hashed with {targets['member_hash']}")
            port = _free_port()
            server = gunicorn_start(port, env, workdir / "gunicorn.log")
            stack.callback(gunicorn_stop, server)
            base = f"http://127.0.0.1:{port}"
            if "signup" in parts:
                print("Sign-up timing...", flush=True)
                tries = args.tries or SIGNUP_TRIES
                report["signup"] = measure_signup(base, env, targets["registered"], tries)
                tables.append("### Sign-up timing\n\n" + signup_table(report["signup"]))
                print(tables[-1], flush=True)
            if "redis" in parts:
                print("Redis faults...", flush=True)
                tries = args.tries or REDIS_TRIES
                report["redis"] = measure_redis(base, redis, targets, tries)
                tables.append("### Redis faults\n\n" + redis_table(report["redis"]))
                print(tables[-1], flush=True)
            if "freshness" in parts:
                print("Page cache after a Redis stall...", flush=True)
                time.sleep(6)  # past the outage pause any earlier part left in the workers
                rounds = min(args.tries or FRESHNESS_ROUNDS, FRESHNESS_ROUNDS)
                report["freshness"] = measure_freshness(base, env, redis, rounds)
                tables.append(
                    "### Page cache after a Redis stall\n\n" + freshness_table(report["freshness"])
                )
                print(tables[-1], flush=True)
        if "postgres" in parts:
            print("PostgreSQL outage...", flush=True)
            report["postgres"] = measure_postgres(
                stack, workdir, redis, args.tries or POSTGRES_TRIES
            )
            tables.append("### PostgreSQL unreachable\n\n" + postgres_table(report["postgres"]))
            print(tables[-1], flush=True)
    report["load_at_end"] = _load()
    OUT.mkdir(exist_ok=True)
    (OUT / "fault_timings.json").write_text(json.dumps(report, indent=2))
    print(
        f"\nFault timings, {stamp}, {machine()}, load {report['load_at_start']} at the start, "
        f"{report['load_at_end']} at the end\n"
    )
    print("\n\n".join(tables))


if __name__ == "__main__":
    main()
