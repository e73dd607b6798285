"""docker-compose.yml and its `scale` profile, read by the real parsers (docs/scaling.md).

`docker-compose config` (Debian's docker-compose, no daemon needed) checks the file; version 1
prints every service with its `profiles` key whatever profile is asked for, so which services
an `up` starts is read from that key, as compose itself decides it. `haproxy -c` checks the
balancer's configuration, and a copy pointed at loopback runs for real against two tiny web
nodes.
"""

import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HAPROXY_CFG = ROOT / "deploy" / "haproxy" / "haproxy.cfg"
TODAYS_SERVICES = {"web", "worker", "beat", "postgres", "redis", "mailpit"}
SCALE_SERVICES = {"replication-setup", "postgres-replica", "web2", "lb"}
COMPOSE = shutil.which("docker-compose")
HAPROXY = shutil.which("haproxy")
needs_compose = pytest.mark.skipif(
    COMPOSE is None, reason="needs docker-compose (Debian package docker-compose)"
)
needs_haproxy = pytest.mark.skipif(HAPROXY is None, reason="needs haproxy (Debian package haproxy)")


def _compose_config(tmp_path: Path, *args: str, **env: str) -> dict[str, Any]:
    assert COMPOSE is not None
    # An empty env file, so a developer's own .env cannot change what is checked.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    clean |= {"DJANGO_SECRET_KEY": "check-only", "MESSAGES_ENCRYPTION_KEYS": "check-only"} | env
    result = subprocess.run(
        [COMPOSE, "--env-file", str(env_file), *args, "config"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    config: dict[str, Any] = yaml.safe_load(result.stdout)
    return config


def _started(config: dict[str, Any], profile: str | None) -> set[str]:
    """The services `up` starts: those without profiles, plus those in the given profile."""
    return {
        name
        for name, service in config["services"].items()
        if not service.get("profiles") or profile in service["profiles"]
    }


@needs_compose
def test_compose_default_starts_todays_services_only(tmp_path):
    config = _compose_config(tmp_path)

    assert _started(config, profile=None) == TODAYS_SERVICES


@needs_compose
def test_compose_scale_profile_adds_the_replica_a_second_web_node_and_the_balancer(tmp_path):
    config = _compose_config(tmp_path, "--profile", "scale")

    assert _started(config, profile="scale") == TODAYS_SERVICES | SCALE_SERVICES
    services = config["services"]
    assert services["postgres-replica"]["image"] == "postgres:15"
    assert services["postgres-replica"]["depends_on"]["replication-setup"] == {
        "condition": "service_completed_successfully"
    }
    assert services["lb"]["ports"] == [{"published": 8080, "target": 8080}]
    assert "ports" not in services["web2"]
    assert services["web2"]["depends_on"]["web"] == {"condition": "service_healthy"}
    # The second node never migrates: `web` does, before web2 starts.
    assert "migrate" not in services["web2"]["command"]
    assert services["web2"]["healthcheck"] == services["web"]["healthcheck"]


@needs_compose
def test_compose_web_nodes_get_the_replica_only_in_the_profile_or_when_asked(tmp_path):
    services = _compose_config(tmp_path)["services"]
    # A key without a value is passed only when set, so the default `web` runs as before.
    assert services["web"]["environment"]["DATABASE_REPLICA_URL"] is None
    assert services["web"]["environment"]["TRUSTED_PROXY_COUNT"] is None
    assert "DATABASE_REPLICA_URL" not in services["worker"]["environment"]
    replica = "postgres://mybcteam:mybcteam@postgres-replica:5432/mybcteam"
    assert services["web2"]["environment"]["DATABASE_REPLICA_URL"] == replica
    assert services["web2"]["environment"]["TRUSTED_PROXY_COUNT"] == "1"

    asked = _compose_config(tmp_path, DATABASE_REPLICA_URL=replica, REPLICA_STICKY_SECONDS="7")
    web = asked["services"]["web"]["environment"]
    assert web["DATABASE_REPLICA_URL"] == replica
    assert web["REPLICA_STICKY_SECONDS"] == "7"
    assert asked["services"]["web2"]["environment"]["REPLICA_STICKY_SECONDS"] == "7"


@needs_compose
def test_compose_balancer_config_names_the_profiles_web_nodes(tmp_path):
    services = _compose_config(tmp_path, "--profile", "scale")["services"]
    servers = [line.split() for line in HAPROXY_CFG.read_text().splitlines()]
    addresses = {words[2] for words in servers if words and words[0] == "server"}

    assert addresses == {"web:8000", "web2:8000"}
    assert {address.split(":")[0] for address in addresses} <= set(services)
    mounted = services["lb"]["volumes"][0]
    assert mounted.startswith(f"{HAPROXY_CFG}:/usr/local/etc/haproxy/haproxy.cfg")


def _haproxy_check(path: Path) -> subprocess.CompletedProcess[str]:
    assert HAPROXY is not None
    return subprocess.run(
        [HAPROXY, "-c", "-f", str(path)],
        env={"PATH": os.environ["PATH"], "HEALTHCHECK_HOST": "localhost"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if "[WARNING]" in line]


def _loopback_copy(tmp_path: Path, ports: tuple[int, int], listen: int) -> Path:
    """The balancer's config with the compose names replaced by loopback ports."""
    text = HAPROXY_CFG.read_text()
    text = text.replace("web2:8000", f"127.0.0.1:{ports[1]}").replace(
        "web:8000", f"127.0.0.1:{ports[0]}"
    )
    text = text.replace("bind :8080", f"bind 127.0.0.1:{listen}")
    text = text.replace("inter 2s", "inter 100ms")
    copy = tmp_path / "haproxy.cfg"
    copy.write_text(text)
    return copy


@needs_haproxy
def test_haproxy_config_is_valid_and_only_warns_about_compose_names(tmp_path):
    # Outside compose the names web and web2 do not resolve; `init-addr none` makes that a
    # warning (the server waits for DNS) rather than an error.
    result = _haproxy_check(HAPROXY_CFG)

    assert result.returncode == 0, result.stderr
    assert "Configuration file is valid" in result.stdout
    warnings = _warnings(result.stderr)
    assert warnings
    assert all("could not resolve address 'web" in line for line in warnings), warnings

    resolved = _haproxy_check(_loopback_copy(tmp_path, (18001, 18002), 18000))
    assert resolved.returncode == 0, resolved.stderr
    assert _warnings(resolved.stderr) == []


class _Node(http.server.BaseHTTPRequestHandler):
    name = ""
    healthy = True

    def do_GET(self) -> None:
        if self.path == "/healthz" and not self.healthy:
            self.send_response(503)
            body = b"degraded"
        else:
            self.send_response(200)
            body = self.name.encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def two_nodes() -> Iterator[list[http.server.ThreadingHTTPServer]]:
    # A handler class each, so each node's health can be turned off on its own.
    servers = [
        http.server.ThreadingHTTPServer(("127.0.0.1", 0), type("Node", (_Node,), {"name": name}))
        for name in ("web", "web2")
    ]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield servers
    for server in servers:
        server.shutdown()
        server.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def _answers(url: str, count: int) -> list[tuple[int, str]]:
    return [_get(url) for _ in range(count)]


@needs_haproxy
def test_haproxy_round_robins_and_serves_unchecked_when_every_health_check_fails(
    tmp_path, two_nodes
):
    listen = _free_port()
    ports = (two_nodes[0].server_address[1], two_nodes[1].server_address[1])
    config = _loopback_copy(tmp_path, ports, listen)
    assert HAPROXY is not None
    balancer = subprocess.Popen(
        [HAPROXY, "-db", "-f", str(config)],
        env={"PATH": os.environ["PATH"], "HEALTHCHECK_HOST": "localhost"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{listen}/"
    try:
        assert _eventually(lambda: _get_or_none(url) is not None), "the balancer did not start"
        # Round robin: both nodes answer, in turn.
        assert {body for _, body in _answers(url, 6)} == {"web", "web2"}

        # One node fails its check: once the balancer has seen it, everything goes to the other.
        _set_healthy(two_nodes[0], False)
        assert _eventually(lambda: _answers(url, 6) == [(200, "web2")] * 6)

        # Both fail (Redis away fails /healthz everywhere): served by both unchecked, not
        # refused. Until the balancer sees web2 fail, web2 alone answers; then both again.
        _set_healthy(two_nodes[1], False)
        assert _eventually(lambda: _both_answer(_answers(url, 6)))
    finally:
        balancer.terminate()
        balancer.wait(timeout=10)


def _eventually(check: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def _both_answer(answers: list[tuple[int, str]]) -> bool:
    return {status for status, _ in answers} == {200} and {body for _, body in answers} == {
        "web",
        "web2",
    }


def _get_or_none(url: str) -> tuple[int, str] | None:
    try:
        return _get(url)
    except OSError:
        return None


def _set_healthy(node: http.server.ThreadingHTTPServer, healthy: bool) -> None:
    node.RequestHandlerClass.healthy = healthy  # type: ignore[attr-defined]
