"""Fixtures and skip rules every test package shares."""

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache

from core.member_pages import member_page_forget_local
from core.outage import redis_outage_forget
from core.page_cache import page_cache_forget_local
from mybcteam.celery import app as celery_app

from .factories import UserFactory
from .multinode.harness import missing_tools as multinode_missing_tools

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that need a real service skip with a visible reason where it is absent."""
    reasons = {
        "postgres": None if settings.USING_POSTGRES else "needs PostgreSQL: set DATABASE_URL",
        "redis": None if settings.REDIS_URL else "needs Redis: set REDIS_URL",
        "e2e": None
        if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)
        else f"needs Chromium at {CHROMIUM}: apt-get install chromium",
        "multinode": multinode_missing_tools()
        or (
            None
            if settings.USING_POSTGRES
            else "runs once, in the PostgreSQL run (set DATABASE_URL): it starts its own clusters"
        ),
    }
    for item in items:
        for marker, reason in reasons.items():
            if reason and marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def _fast_and_isolated(request: pytest.FixtureRequest, settings: object) -> Iterator[None]:
    """Cheap password hashing, a clean cache and in-process Celery for ordinary tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    integration = "integration" in request.keywords
    if not integration:
        redis_outage_forget()  # a test that stopped a Redis leaves no pause behind
        cache.clear()
        page_cache_forget_local()  # this process's copies of pages and of their version
        member_page_forget_local()  # and of the pages members share
        celery_app.conf.task_always_eager = True
    yield
    if not integration:
        celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def photo_storage_folder(settings: object, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Every test stores photos in a fresh temporary folder, never in var/media."""
    folder = tmp_path_factory.mktemp("photos")
    settings.PHOTO_STORAGE_BUCKET = ""  # type: ignore[attr-defined]
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder)},
        },
    }
    return folder


@pytest.fixture
def member(db: None):
    return UserFactory.create()


@pytest.fixture
def other_member(db: None):
    return UserFactory.create()


@pytest.fixture
def unverified_member(db: None):
    return UserFactory.create(verified=False)


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
