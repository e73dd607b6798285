"""Treatment figures benchmark: the aggregate task over 100 000 experiences.

    .venv/bin/python -m benchmarks.figures_bench --experiences 100000

Uses its own PostgreSQL database (FIGURES_BENCH_DATABASE_URL, default mybc_bench_figures; it is
dropped and created, then migrated). Members, profiles, experiences and their side effects go
in with bulk inserts; then the beat task's body (every treatment, every cohort) runs in this
process, three times, as a worker would run it. Goal: under a minute for 100 000 experiences.
"""

import argparse
import os
import platform
import random
import resource
import sys
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

DB_URL = os.environ.get(
    "FIGURES_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mybc_bench_figures"
)
BATCH = 5_000
RUNS = 3
# Experiences per member on average: a regimen is often two or three catalogue treatments.
PER_MEMBER = 2.5


def _setup_django() -> None:
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mybcteam.settings")
    import django

    django.setup()


def _recreate_database() -> None:
    import psycopg

    base, name = DB_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _pick(rng: random.Random, values: list[str], shared_share: float) -> tuple[str, str]:
    """A fact and its visibility: most members fill it in, some show it to members."""
    value = rng.choice(values)
    return value, "members" if rng.random() < shared_share else "me"


def _fill_members(count: int, rng: random.Random) -> list[int]:
    from accounts.models import Profile, User

    joined = datetime(2025, 1, 1, tzinfo=UTC)
    ids: list[int] = []
    for start in range(0, count, BATCH):
        users = User.objects.bulk_create(
            User(
                email=f"bench{i}@example.com",
                display_name=f"Bench {i}",
                handle=f"bench-{i}",
                password="!",
                date_joined=joined,
            )
            for i in range(start, min(start + BATCH, count))
        )
        ids.extend(u.pk for u in users)
        profiles = []
        for user in users:
            her2, her2_vis = _pick(rng, ["positive", "low", "negative", "unknown", ""], 0.6)
            hr, hr_vis = _pick(rng, ["positive", "negative", "unknown", ""], 0.5)
            stage, stage_vis = _pick(rng, ["0", "1", "2", "3", "4", "unknown", ""], 0.4)
            profiles.append(
                Profile(
                    user=user,
                    her2_status=her2,
                    her2_status_visibility=her2_vis,
                    hormone_status=hr,
                    hormone_status_visibility=hr_vis,
                    stage=stage,
                    stage_visibility=stage_vis,
                    treatments_visibility="members" if rng.random() < 0.5 else "me",
                )
            )
        Profile.objects.bulk_create(profiles)
    return ids


def _fill_experiences(target: int, member_ids: list[int], rng: random.Random) -> None:
    from accounts.models import Profile
    from catalogue.models import Treatment
    from treatments.models import Experience, ExperienceSideEffect, SideEffect

    treatments = list(Treatment.objects.values_list("pk", flat=True))
    # A few flagship treatments take most experiences, as on the real site.
    weights = [1.0 / (rank + 1) for rank in range(len(treatments))]
    effects = list(SideEffect.objects.values_list("pk", flat=True))
    profile_of = dict(Profile.objects.values_list("user_id", "pk"))
    started = date(2024, 6, 1)
    made = 0
    pending: list[Any] = []
    listed: list[Any] = []
    through = Profile.past_treatments.through
    for member_id in member_ids:
        if made >= target:
            break
        count = min(target - made, rng.choice([1, 2, 2, 3, 3, 4]))
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(rng.choices(treatments, weights)[0])
        for treatment_id in chosen:
            pending.append(
                Experience(
                    author_id=member_id,
                    treatment_id=treatment_id,
                    started_on=started + timedelta(days=31 * rng.randrange(18)),
                    still_on=rng.random() < 0.4,
                    going=rng.randint(1, 5),
                    tips="Short walks and ginger tea.",
                    tips_html="<p>Short walks and ginger tea.</p>",
                    moderation_state="visible" if rng.random() < 0.97 else "pending",
                )
            )
            listed.append(through(profile_id=profile_of[member_id], treatment_id=treatment_id))
        made += count
        if len(pending) >= BATCH:
            _flush(pending, effects, rng, Experience, ExperienceSideEffect)
            through.objects.bulk_create(listed, ignore_conflicts=True)
            pending, listed = [], []
    _flush(pending, effects, rng, Experience, ExperienceSideEffect)
    through.objects.bulk_create(listed, ignore_conflicts=True)


def _flush(
    pending: list[Any], effects: list[int], rng: random.Random, model: Any, row: Any
) -> None:
    if not pending:
        return
    saved = model.objects.bulk_create(pending)
    row.objects.bulk_create(
        row(experience_id=e.pk, side_effect_id=effect, bother=rng.randint(1, 3))
        for e in saved
        for effect in rng.sample(effects, rng.randint(0, 5))
    )


def run(experiences: int) -> dict[str, Any]:
    _recreate_database()
    _setup_django()
    from django.core.management import call_command
    from django.db import connection

    from treatments.models import Experience, ExperienceSideEffect, TreatmentFigures
    from treatments.tasks import treatment_figures_refresh_all

    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    fill_started = time.perf_counter()
    members = _fill_members(int(experiences / PER_MEMBER) + 1000, rng)
    _fill_experiences(experiences, members, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    fill_seconds = time.perf_counter() - fill_started
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        stored = treatment_figures_refresh_all()
        timings.append(time.perf_counter() - started)
    return {
        "experiences": Experience.objects.count(),
        "side_effect_rows": ExperienceSideEffect.objects.count(),
        "members": len(members),
        "fill_seconds": fill_seconds,
        "timings": timings,
        "stored_rows": stored,
        "figure_rows": TreatmentFigures.objects.count(),
        "load": os.getloadavg(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "server": server,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experiences", type=int, default=100_000)
    args = parser.parse_args()
    result = run(args.experiences)
    out = sys.stdout
    out.write(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, PostgreSQL {result['server']}, ")
    out.write(f"{result['cpus']} CPUs, Python {result['python']}\n")
    out.write(
        f"{result['experiences']} experiences ({result['side_effect_rows']} side-effect rows) "
        f"from {result['members']} members; filled in {result['fill_seconds']:.0f} s\n"
    )
    runs = ", ".join(f"{t:.1f} s" for t in result["timings"])
    out.write(f"figures task (all treatments, all cohorts): {runs}\n")
    out.write(f"rows stored: {result['stored_rows']}; peak RSS {result['peak_rss_mb']:.0f} MB; ")
    load = result["load"]
    out.write(f"load average after: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}\n")


if __name__ == "__main__":
    main()
