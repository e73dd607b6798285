"""MyBCTeam project package: settings, root URLs, the Celery app and cross-app pages."""

from .celery import app as celery_app

__all__ = ["celery_app"]
