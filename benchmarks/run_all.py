"""`make bench`: every benchmark of the project, one after the other.

    python -m benchmarks.run_all                      # all of them
    python -m benchmarks.run_all page_speed forum     # some of them (names below)

Each benchmark keeps its own defaults (see its module docstring) and its own database.
"""

import importlib
import sys
import time

BENCHMARKS = {
    "page_speed": "benchmarks.page_speed",
    "forum": "benchmarks.forum_bench",
    "newsletter": "benchmarks.newsletter_bench",
    "faults": "benchmarks.fault_timings",
    "feed": "benchmarks.feed_bench",
    "messages": "benchmarks.messages_bench",
}


def main() -> None:
    chosen = sys.argv[1:] or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"unknown benchmark(s) {unknown}; choose from {list(BENCHMARKS)}")
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        started = time.monotonic()
        module = importlib.import_module(BENCHMARKS[name])
        sys.argv = [BENCHMARKS[name]]  # each benchmark parses its own (empty) arguments
        module.main()
        print(f"=== {name}: {time.monotonic() - started:.0f} s ===", flush=True)


if __name__ == "__main__":
    main()
