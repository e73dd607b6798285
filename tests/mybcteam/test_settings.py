"""Production settings refuse to start unsafely and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_without_secret_key_fails_loudly():
    result = _manage("check", DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="mybcteam.example")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_without_allowed_hosts_fails_loudly():
    result = _manage("check", DJANGO_ENV="production", DJANGO_SECRET_KEY="x" * 60)

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_check_deploy_reports_no_issues():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="k3y-" + "a1b2c3d4e5" * 6,
        DJANGO_ALLOWED_HOSTS="mybcteam.example",
        MESSAGES_ENCRYPTION_KEYS="bWVzc2FnZXMta2V5LWZvci10ZXN0cy1vbmx5LTMyYiE=",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_development_default_needs_no_environment():
    result = _manage("check")

    assert result.returncode == 0, result.stderr


def test_replica_with_a_sticky_window_shorter_than_the_visibility_window_fails_loudly():
    replica = "postgres://postgres@127.0.0.1:5432/never_connected"
    result = _manage(
        "check",
        DATABASE_URL=replica,
        DATABASE_REPLICA_URL=replica,
        REPLICA_STICKY_SECONDS="3",  # under 2 s lag + 1 s check + 1 s version
    )

    assert result.returncode != 0
    assert "REPLICA_STICKY_SECONDS" in result.stderr


def test_replica_on_sqlite_fails_loudly():
    result = _manage(
        "check",
        DATABASE_URL="sqlite:///unused.sqlite3",
        DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:5432/never_connected",
    )

    assert result.returncode != 0
    assert "DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL" in result.stderr
