"""Every save or delete of a model whose rows visitors can see bumps the public pages version.

A safety net that catches saves from anywhere (admin, services, demo data, shell). It cannot
see `QuerySet.update()`, which sends no signal: the services that change visible state or
counts that way call `public_pages_changed()` themselves (listed in docs/caching.md).
"""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from .public_pages import public_pages_changed

# What anonymous pages show: articles and their topics and treatments, question titles and
# counts, article comment counts (a comment's state is what the count follows).
PUBLIC_MODELS = (
    "articles.Article",
    "catalogue.Topic",
    "catalogue.Treatment",
    "articles.Comment",
    "forum.Question",
    "forum.Answer",
)


def _changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures loading: no page was cached from rows that did not exist
    public_pages_changed(using=kwargs.get("using"))


def public_pages_signals_connect() -> None:
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        uid = f"public-pages-{label.lower()}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
