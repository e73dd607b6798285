"""Where a member's page spends its time, in process: CPU ms per request and queries.

    DATABASE_URL=postgres://… REDIS_URL=redis://… DJANGO_SETTINGS_MODULE=benchmarks.settings \
        python -m benchmarks.member_pages_profile [--profile PATH]

Uses the page-speed data set (benchmarks/page_speed_data.py, built by benchmarks.page_speed)
and its bench member. For each member page: one warm-up request (fills the shared caches as
the first reader would), then the CPU time (`process_time`) of 50 more and the queries of one.
With --profile, pyinstrument's tree for that page over 50 requests.
"""

import argparse
import time
from typing import Any

import django


def _pages() -> list[tuple[str, str]]:
    from benchmarks import page_speed_data

    found = page_speed_data.targets()
    return [
        ("ceiling (member)", "/_bench/ceiling-member/"),
        ("article as member", found["article"]),
        ("question as member", found["question"]),
        ("question list as member", "/questions/"),
    ]


def _client() -> Any:
    from django.test import Client

    from accounts.models import User
    from benchmarks.page_speed_data import BENCH_MEMBER_EMAIL

    client = Client()
    client.force_login(User.objects.get(email=BENCH_MEMBER_EMAIL))
    return client


def measure(requests: int = 50) -> None:
    from django.db import connection

    client = _client()
    for name, path in _pages():
        assert client.get(path).status_code == 200, path
        queries: list[str] = []

        def count(run: Any, sql: str, *args: Any, queries: list[str] = queries) -> Any:
            queries.append(sql)
            return run(sql, *args)

        # Counted by a wrapper: the request's own reset_queries empties Django's query log.
        with connection.execute_wrapper(count):
            size = len(client.get(path).content)
        started = time.process_time()
        for _ in range(requests):
            client.get(path)
        cpu_ms = (time.process_time() - started) * 1000 / requests
        print(f"{name:<26} {cpu_ms:6.2f} ms CPU  {len(queries):3d} queries  {size // 1024} KB")


def profile(path: str, requests: int = 50) -> None:
    from pyinstrument import Profiler

    client = _client()
    client.get(path)
    profiler = Profiler(interval=0.0002)
    profiler.start()
    for _ in range(requests):
        client.get(path)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", metavar="PATH", help="profile this page with pyinstrument")
    args = parser.parse_args()
    django.setup()
    if args.profile:
        profile(args.profile)
    else:
        measure()


if __name__ == "__main__":
    main()
