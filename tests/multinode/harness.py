"""The processes of a small site on one machine, each on a loopback port chosen at run time.

A PostgreSQL primary and a streaming replica made from it with `pg_basebackup -R` (their own
clusters in a temporary directory, run as the postgres user when we are root, since initdb
refuses root), a Redis, web nodes (gunicorn serving the project's WSGI app), HAProxy in front
of them with health checks, and Celery workers. Every process is started in its own session and
stopped by its PID; `Site.close()` stops them all and removes the directory, even after a
failure.
"""

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[2]


def _pg_bin() -> Path:
    """MULTINODE_PG_BIN, or the newest of Debian's PostgreSQL server installs."""
    if os.environ.get("MULTINODE_PG_BIN"):
        return Path(os.environ["MULTINODE_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
DATABASE = "mybc_multinode"
# The site's windows in this test. The lag bound is a second above the default (2 s) so that a
# replica held 1.5 s behind stays in use on a loaded machine; the sticky window follows it.
REPLICA_MAX_LAG_SECONDS = 3.0
REPLICA_CHECK_SECONDS = 1.0
PAGE_CACHE_VERSION_SECONDS = 1.0
REPLICA_STICKY_SECONDS = 6.0
# docs/multinode.md: the longest a change committed on the primary may stay unseen by a request
# on another node (a replica read, a page or fragment cached under a content version).
VISIBILITY_WINDOW = REPLICA_MAX_LAG_SECONDS + REPLICA_CHECK_SECONDS + PAGE_CACHE_VERSION_SECONDS


def missing_tools() -> str | None:
    """Why the multi-node test cannot run here, or None."""
    for tool in ("initdb", "pg_ctl", "pg_basebackup"):
        if not (PG_BIN / tool).exists():
            return f"needs PostgreSQL's {tool} in {PG_BIN} (set MULTINODE_PG_BIN)"
    if not Path(HAPROXY).exists():
        return "needs HAProxy at /usr/sbin/haproxy: apt-get install haproxy"
    if not Path(REDIS_SERVER).exists():
        return "needs redis-server: apt-get install redis-server"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "run as root it needs a postgres user to own the clusters"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return check()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class Process:
    """A child in its own process group, logging to a file; stopped (and its children) by PID."""

    def __init__(self, name: str, argv: list[str], *, env: dict[str, str], log: Path) -> None:
        self.name, self.argv, self.env, self.log = name, argv, env, log
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the whole group at once: no graceful end, as when a machine dies."""
        if self.running():
            assert self.popen is not None
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def terminate(self) -> None:
        """Ask the group to end (SIGTERM) without waiting."""
        if self.running():
            assert self.popen is not None
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)

    def stop(self) -> None:
        if not self.running():
            return
        assert self.popen is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2500:]
        except OSError:
            return ""


class Postgres:
    """A throw-away cluster on loopback (trust authentication, fsync off)."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = port
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, tool: str, *args: str, timeout: float = 120) -> None:
        done = subprocess.run(
            [*self.as_user, str(PG_BIN / tool), *args],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"{tool} failed: {done.stderr.decode(errors='replace')[-2000:]}")

    def _own(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)

    def create_primary(self) -> None:
        self._own()
        # initdb's pg_hba.conf with -A trust already lets loopback connect for replication.
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def create_replica_of(self, primary: "Postgres") -> None:
        """A streaming standby: a base backup with -R (standby.signal and primary_conninfo)."""
        self._own()
        self._run(
            "pg_basebackup",
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres"),
            *("-D", str(self.data), "-R", "-X", "stream", "--no-sync", "-c", "fast"),
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c wal_level=replica -c max_wal_senders=4 -c hot_standby=on "
            "-c wal_receiver_status_interval=1"
        )
        log = str(self.directory / "server.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-w", "-t", "60", "-l", log, "-o", options, "start"
        )

    def pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self, *, immediate: bool = False) -> None:
        """Fast (SIGINT) or immediate (SIGQUIT) shutdown of this cluster's postmaster, by PID."""
        pid = self.pid()
        if pid is None or not _alive(pid):
            return
        os.kill(pid, signal.SIGQUIT if immediate else signal.SIGINT)
        if not wait_until(lambda: not _alive(pid), 30):
            os.kill(pid, signal.SIGKILL)
            wait_until(lambda: not _alive(pid), 10)

    def url(self, database: str = DATABASE) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def sql(self, query: str, params: Any = None, *, database: str = DATABASE) -> list[tuple]:
        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []


class Site:
    """Everything, started in order by `start()` and stopped by `close()`."""

    def __init__(self, *, smtp_port: int, web_nodes: int = 2, workers: int = 2) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="mybc-multinode-"))
        os.chmod(self.directory, 0o755)  # the postgres user reaches its clusters inside
        self.logs = self.directory / "logs"
        self.logs.mkdir()
        self.primary = Postgres(self.directory / "primary", free_port())
        self.replica = Postgres(self.directory / "replica", free_port())
        self.redis_port = free_port()
        self.web_ports = [free_port() for _ in range(web_nodes)]
        self.lb_port = free_port()
        self.smtp_port = smtp_port
        self.worker_count = workers
        self.processes: dict[str, Process] = {}

    # --- the replica's replay ------------------------------------------------------------

    def replica_apply_delay(self, seconds: float) -> None:
        """Make the replica apply each commit `seconds` after it was made (0: at once)."""
        delay = f"{int(seconds * 1000)}ms"
        self.replica.sql(f"ALTER SYSTEM SET recovery_min_apply_delay = '{delay}'")
        self.replica.sql("SELECT pg_reload_conf()")

    def replica_caught_up(self) -> bool:
        position = self.primary.sql("SELECT pg_current_wal_lsn()::text")[0][0]
        try:
            return bool(
                self.replica.sql("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [position])[0][0]
            )
        except psycopg.OperationalError:
            return False

    # --- the environment every Django process of the site shares -----------------------------

    def env(self) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
        return keep | {
            "DATABASE_URL": self.primary.url(),
            "DATABASE_REPLICA_URL": self.replica.url(),
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_SECRET_KEY": "multinode-test-key-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_LOG_LEVEL": "WARNING",
            "SITE_URL": f"http://127.0.0.1:{self.lb_port}",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "EMAIL_USE_TLS": "0",
            "EMAIL_TIMEOUT": "5",
            "STAFF_REQUIRE_2FA": "0",
            "MODERATION_NEW_MEMBER_HOURS": "0",
            "MODERATION_LINK_TRUST_POSTS": "0",
            "MODERATION_QUESTIONS_PER_HOUR": "100000",
            "MODERATION_REPLIES_PER_HOUR": "100000",
            "MODERATION_DUPLICATE_MINUTES": "0",
            "TRUSTED_PROXY_COUNT": "1",
            "REPLICA_MAX_LAG_SECONDS": str(REPLICA_MAX_LAG_SECONDS),
            "REPLICA_CHECK_SECONDS": str(REPLICA_CHECK_SECONDS),
            "REPLICA_STICKY_SECONDS": str(REPLICA_STICKY_SECONDS),
            "PAGE_CACHE_VERSION_SECONDS": str(PAGE_CACHE_VERSION_SECONDS),
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str, timeout: float = 240) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def call(self, expression: str) -> str:
        """The last line printed by `tests.multinode.seed.<expression>` in a Django process."""
        code = f"import tests.multinode.seed as s; print(s.{expression})"
        return self.manage("shell", "-c", code).strip().splitlines()[-1]

    # --- start and stop ----------------------------------------------------------------------

    def start(self) -> None:
        self.primary.create_primary()
        self.primary.start()
        self.primary.sql(f"CREATE DATABASE {DATABASE}", database="postgres")
        self.manage("migrate", "--noinput", "-v0", timeout=300)
        self.replica.create_replica_of(self.primary)
        self.replica.start()
        self._start_redis()
        for index in range(len(self.web_ports)):
            self.web_start(index)
        for index in range(self.worker_count):
            self._start_worker(index)
        self._start_haproxy()
        for index in range(len(self.web_ports)):
            self.web_wait(index)
        assert wait_until(self.balancer_sees_all_nodes, 20), self.processes["haproxy"].tail()

    def _spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> Process:
        process = Process(name, argv, env=env or self.env(), log=self.logs / f"{name}.log")
        self.processes[name] = process
        process.start()
        return process

    def _start_redis(self) -> None:
        self._spawn(
            "redis",
            [
                REDIS_SERVER,
                *("--port", str(self.redis_port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
            ],
        )

        def answers() -> bool:
            try:
                with socket.create_connection(("127.0.0.1", self.redis_port), timeout=0.5) as c:
                    c.sendall(b"PING\r\n")
                    return c.recv(16).startswith(b"+PONG")
            except OSError:
                return False

        assert wait_until(answers, 10), "redis-server did not start"

    def web_start(self, index: int) -> None:
        self._spawn(
            f"web{index}",
            [
                *(sys.executable, "-m", "gunicorn", "mybcteam.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.web_ports[index]}", "--workers", "2"),
                *("--timeout", "30", "--graceful-timeout", "3", "--log-level", "warning"),
            ],
        )

    def web_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.web_ports[index]}"

    def web_wait(self, index: int) -> None:
        def healthy() -> bool:
            try:
                with urllib.request.urlopen(self.web_url(index) + "/healthz", timeout=5) as reply:
                    return reply.status == 200
            except (OSError, urllib.error.URLError):
                return False

        process = self.processes[f"web{index}"]
        assert wait_until(healthy, 60, step=0.3), f"web node {index}:\n{process.tail()}"

    def web_kill(self, index: int) -> None:
        self.processes[f"web{index}"].kill()

    def _start_worker(self, index: int) -> None:
        self._spawn(
            f"worker{index}",
            [
                *(sys.executable, "-m", "celery", "-A", "mybcteam", "worker"),
                *("--loglevel=INFO", "--concurrency=1", "--without-gossip", "--without-mingle"),
                *("--without-heartbeat", "--hostname", f"multinode{index}@localhost"),
            ],
        )

    def workers_ready(self) -> bool:
        return all(
            b"ready." in (self.logs / f"worker{i}.log").read_bytes()
            for i in range(self.worker_count)
        )

    def _start_haproxy(self) -> None:
        servers = "\n".join(
            f"    server web{i} 127.0.0.1:{port} check inter 300 fall 2 rise 2"
            for i, port in enumerate(self.web_ports)
        )
        config = self.directory / "haproxy.cfg"
        config.write_text(
            HAPROXY_CONFIG.format(lb_port=self.lb_port, stats=self.directory / "haproxy.sock")
            + servers
            + "\n"
        )
        self._spawn("haproxy", [HAPROXY, "-f", str(config), "-db"])

    def balancer_sees_all_nodes(self) -> bool:
        return self.balancer_up_nodes() == len(self.web_ports)

    def balancer_up_nodes(self) -> int:
        """How many web nodes HAProxy's health checks find up (its stats socket)."""
        try:
            with socket.socket(socket.AF_UNIX) as conn:
                conn.settimeout(2)
                conn.connect(str(self.directory / "haproxy.sock"))
                conn.sendall(b"show stat\n")
                text = b""
                while chunk := conn.recv(65536):
                    text += chunk
        except OSError:
            return 0
        rows = [line.split(",") for line in text.decode().splitlines() if line.startswith("nodes,")]
        return sum(1 for row in rows if row[1].startswith("web") and row[17] == "UP")

    def close(self) -> None:
        # All at once: each process's graceful end runs while the others' do.
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            process.stop()
        self.replica.stop(immediate=True)
        self.primary.stop(immediate=True)
        shutil.rmtree(self.directory, ignore_errors=True)


# Retries: a request refused by a node, or cut off by a node that died while it was being
# answered, is sent again to the other one. Only safe methods are replayed (GET, HEAD): HAProxy
# does not know that the site's posting forms carry an idempotency key.
HAPROXY_CONFIG = """\
global
    maxconn 512
    stats socket {stats} mode 600 level admin

defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    retries 3
    option redispatch
    option http-server-close

frontend site
    bind 127.0.0.1:{lb_port}
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    acl replayable method GET HEAD
    retry-on conn-failure empty-response response-timeout
    http-request disable-l7-retry unless replayable
"""
