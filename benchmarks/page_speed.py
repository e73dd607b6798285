"""Page-speed benchmark: gunicorn (2 sync workers, DEBUG off) on PostgreSQL + Redis, driven by wrk.

    python -m benchmarks.page_speed            # build the data set if needed, then measure
    python -m benchmarks.page_speed --profile  # also profile the slowest page with pyinstrument
    python -m benchmarks.page_speed --only feed,notifications   # a few pages (and both ceilings)
    python -m benchmarks.page_speed --profile-pages feed,profile   # profile these, no wrk

Each page gets a 5 s warm-up and a 15 s measurement with `wrk -t1 -c8 --latency` on loopback.
Two ceilings are measured in the same run on the same server: a minimal view with a tiny
template (for anonymous pages) and the same view after the session and user lookup (for
member pages). Member pages are read as the bench member (logged in). The SQL queries of each
page are counted in-process (django's CaptureQueriesContext through the test Client, same
settings and database) on its second request, the one a warm cache serves. Results are printed
as a markdown table and written to benchmarks/out/page_speed.json.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PYTHON = sys.executable
DATABASE = os.environ.get("BENCH_DATABASE", "mybc_bench_pages")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
# BENCH_QUICK=1 tries the harness in seconds; recorded results use the full durations.
QUICK = os.environ.get("BENCH_QUICK") == "1"
WARMUP_SECONDS = 1 if QUICK else 5
MEASURE_SECONDS = 3 if QUICK else 15


@dataclass
class Result:
    page: str
    path: str
    viewer: str
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    ceiling_fraction: float = 0.0
    queries: int | None = None


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    return env


def _require_tools() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install -y wrk")
    if shutil.which("psql") is None:
        sys.exit("psql is not installed: the benchmark needs PostgreSQL on 127.0.0.1:5432")
    for host, port, name in (("127.0.0.1", 5432, "PostgreSQL"), ("127.0.0.1", 6379, "Redis")):
        with socket.socket() as probe:
            if probe.connect_ex((host, port)) != 0:
                sys.exit(f"{name} is not listening on {host}:{port}")


def _psql(sql: str, port: int = 5432) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-tAc", sql, "postgres"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _prepare() -> dict[str, Any]:
    if _psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'") != "1":
        _psql(f"CREATE DATABASE {DATABASE}")
    env = _env()
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    print("Building the data set (first run: a few minutes)...", flush=True)
    started = time.monotonic()
    built = subprocess.run(
        [PYTHON, "-m", "benchmarks.page_speed_data"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    targets: dict[str, Any] = json.loads(built.stdout.strip().splitlines()[-1])
    print(f"Data set ready in {time.monotonic() - started:.0f} s: {targets['counts']}", flush=True)
    return targets


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_server(port: int) -> subprocess.Popen[bytes]:
    subprocess.run(
        ["redis-cli", "-u", REDIS_URL, "flushdb"], capture_output=True, check=False
    )  # a cold, empty cache for every run
    return gunicorn_start(port, _env())


def gunicorn_start(
    port: int, env: dict[str, str], log: Path | None = None
) -> subprocess.Popen[bytes]:
    """gunicorn with 2 sync workers on loopback, in its own process group (stop it with
    gunicorn_stop); returns once it accepts connections. `log` takes its output."""
    output = log.open("ab") if log is not None else None
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "mybcteam.wsgi:application",
            "--workers=2",
            "--worker-class=sync",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=output,
        stderr=output,
    )
    if output is not None:
        output.close()  # gunicorn holds its own copy
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    gunicorn_stop(server)
    sys.exit("gunicorn did not start")


def gunicorn_stop(server: subprocess.Popen[bytes]) -> None:
    """Stop the gunicorn started by gunicorn_start (its own process group only)."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def _duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _wrk(url: str, cookie: str | None, seconds: int) -> dict[str, float]:
    command = ["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: .*", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50": _duration_ms(re.search(r"\s50%\s+(\S+)", output).group(1)),  # type: ignore[union-attr]
        "p99": _duration_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),  # type: ignore[union-attr]
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": 1 if errors else 0,
    }


def _check(url: str, cookie: str | None) -> int:
    import urllib.request

    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except Exception as exc:
        return int(getattr(exc, "code", 0))


def pages_of(targets: dict[str, Any]) -> list[tuple[str, str | None, str]]:
    """(name, path, viewer) of every page measured, the two ceilings first."""
    return [
        ("ceiling (anonymous)", "/_bench/ceiling/", "anonymous"),
        ("ceiling (member)", "/_bench/ceiling-member/", "member"),
        ("home", "/", "anonymous"),
        ("article", targets["article"], "anonymous"),
        ("question list", "/questions/", "anonymous"),
        ("search", "/search/?q=trastuzumab", "anonymous"),
        ("question, 100 answers", targets["question"], "member"),
        ("article, 300 comments", targets["article"], "member"),
        ("question list (member)", "/questions/", "member"),
        ("member home", "/", "member"),
        ("home feed", targets.get("feed"), "member"),
        ("activities", targets.get("activities"), "member"),
        ("notifications", targets.get("notifications"), "member"),
        ("treatment", targets.get("treatment"), "member"),
        ("conversation, 500 messages", targets.get("conversation"), "member"),
        ("profile", targets.get("profile"), "member"),
        ("search (member)", "/search/?q=trastuzumab", "member"),
    ]


def _selected(
    pages: list[tuple[str, str | None, str]], only: list[str] | None
) -> list[tuple[str, str | None, str]]:
    if not only:
        return pages
    return [p for p in pages if p[0].startswith("ceiling") or any(w in p[0] for w in only)]


def measure(targets: dict[str, Any], only: list[str] | None = None) -> list[Result]:
    cookie = targets["session_cookie"]
    pages = _selected(pages_of(targets), only)
    port = _free_port()
    server = _start_server(port)
    results = []
    try:
        for name, path, viewer in pages:
            if not path:
                print(f"{name}: no page to measure (missing from the data set)")
                continue
            url = f"http://127.0.0.1:{port}{path}"
            page_cookie = cookie if viewer == "member" else None
            status = _check(url, page_cookie)
            if status != 200:
                print(f"{name}: {path} answered {status}; measuring anyway", flush=True)
            _wrk(url, page_cookie, WARMUP_SECONDS)
            run = _wrk(url, page_cookie, MEASURE_SECONDS)
            result = Result(
                name, path, viewer, run["rps"], run["p50"], run["p99"], int(run["non_2xx"])
            )
            print(
                f"{name:<28} {result.rps:>8.1f} req/s  p50 {result.p50_ms:6.1f} ms"
                f"  p99 {result.p99_ms:6.1f} ms  non-2xx {result.non_2xx}",
                flush=True,
            )
            results.append(result)
    finally:
        gunicorn_stop(server)
    ceilings = {r.viewer: r.rps for r in results if r.page.startswith("ceiling")}
    for result in results:
        if ceilings.get(result.viewer):
            result.ceiling_fraction = result.rps / ceilings[result.viewer]
    counts = count_queries([(r.path, r.viewer) for r in results], cookie)
    for result in results:
        result.queries = counts.get(f"{result.viewer} {result.path}")
    return results


def count_queries(pages: list[tuple[str, str]], cookie: str) -> dict[str, int]:
    """SQL queries of each page's second request, counted in-process through the test Client
    on the benchmark's settings and database (the first request fills the caches)."""
    code = f"""
import json
import django; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
clients = {{"anonymous": Client(), "member": Client()}}
name, _, value = {cookie!r}.partition("=")
clients["member"].cookies[name] = value
counts = {{}}
for path, viewer in {pages!r}:
    clients[viewer].get(path)
    with CaptureQueriesContext(connection) as queries:
        clients[viewer].get(path)
    counts[viewer + " " + path] = len(queries)
print(json.dumps(counts))
"""
    done = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, check=False
    )
    try:
        return dict(json.loads(done.stdout.strip().splitlines()[-1]))
    except (IndexError, ValueError):
        print(f"Counting queries failed: {done.stderr[-2000:]}", flush=True)
        return {}


def table(results: list[Result]) -> str:
    lines = [
        "| page | viewer | req/s | of ceiling | p50 ms | p99 ms | non-2xx | queries |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        queries = "" if r.queries is None else str(r.queries)
        lines.append(
            f"| {r.page} | {r.viewer} | {r.rps:.0f} | {r.ceiling_fraction:.0%} "
            f"| {r.p50_ms:.1f} | {r.p99_ms:.1f} | {r.non_2xx} | {queries} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def profile(path: str, cookie: str | None, requests: int = 30) -> str:
    """pyinstrument over in-process requests to one page (same settings and database)."""
    code = f"""
import django; django.setup()
from django.test import Client
from pyinstrument import Profiler
client = Client()
cookie = {cookie!r}
if cookie:
    name, _, value = cookie.partition("=")
    client.cookies[name] = value
client.get({path!r})
profiler = Profiler(interval=0.0005)
profiler.start()
for _ in range({requests}):
    client.get({path!r})
profiler.stop()
print(profiler.output_text(unicode=False, color=False, show_all=False))
from django.db import connection
from django.test.utils import CaptureQueriesContext
with CaptureQueriesContext(connection) as queries:
    client.get({path!r})
print(f"{{len(queries)}} queries on a warm request:")
for query in queries:
    print(f"  {{query['time']}} s  {{query['sql'][:300]}}")
"""
    done = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, check=False
    )
    return done.stdout or done.stderr


def _words(text: str | None) -> list[str] | None:
    return [w.strip() for w in text.split(",") if w.strip()] if text else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="profile the slowest page")
    parser.add_argument("--only", help="measure only pages whose name has one of these words")
    parser.add_argument(
        "--profile-pages", help="profile the pages whose name has one of these words; no wrk"
    )
    args = parser.parse_args()
    _require_tools()
    targets = _prepare()
    OUT.mkdir(exist_ok=True)
    if args.profile_pages:
        for name, path, viewer in _selected(pages_of(targets), _words(args.profile_pages)):
            if name.startswith("ceiling") or not path:
                continue
            cookie = targets["session_cookie"] if viewer == "member" else None
            text = profile(path, cookie)
            slug = re.sub(r"\W+", "_", name).strip("_")
            (OUT / f"page_speed_profile_{slug}.txt").write_text(text)
            print(f"\nProfile of {name} ({path}), {viewer}:\n{text[:6000]}", flush=True)
        return
    load = os.getloadavg()
    results = measure(targets, _words(args.only))
    load_after = os.getloadavg()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    loads = f"load average {load[0]:.2f} before, {load_after[0]:.2f} after"
    report = {
        "date": stamp,
        "machine": machine(),
        "load": loads,
        "data": targets["counts"] | targets.get("member_counts", {}),
        "results": [asdict(r) for r in results],
    }
    (OUT / "page_speed.json").write_text(json.dumps(report, indent=2))
    print(f"\nPage speed, {stamp}, {machine()}, {loads}\n")
    print(table(results))
    pages = [r for r in results if not r.page.startswith("ceiling")]
    if args.profile and pages:
        # The slowest page for each kind of viewer, each profiled over in-process requests.
        for viewer in ("anonymous", "member"):
            mine = [r for r in pages if r.viewer == viewer]
            if not mine:
                continue
            slowest = min(mine, key=lambda r: r.rps)
            cookie = targets["session_cookie"] if viewer == "member" else None
            text = profile(slowest.path, cookie)
            (OUT / f"page_speed_profile_{viewer}.txt").write_text(text)
            print(f"\nProfile of the slowest {viewer} page, {slowest.page} ({slowest.path}):")
            print(text[:8000])


if __name__ == "__main__":
    main()
