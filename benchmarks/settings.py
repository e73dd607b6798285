"""Bench-only settings: the product's settings plus two ceiling views, DEBUG off.

Used only by `make bench` (benchmarks/page_speed.py); the ceiling routes are not product routes.
"""

from mybcteam.settings import *  # noqa: F403
from mybcteam.settings import BASE_DIR, TEMPLATES

DEBUG = False
ROOT_URLCONF = "benchmarks.urls"
TEMPLATES[0]["DIRS"] = [BASE_DIR / "templates", BASE_DIR / "benchmarks" / "templates"]
