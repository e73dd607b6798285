"""Every save or delete of a registered public model bumps the public pages version.

Each app registers the models whose rows visitors can see, from its own AppConfig.ready()
(`public_models_register(Article)`), so core names no app. A safety net that catches saves from
anywhere (admin, services, demo data, shell). It cannot see `QuerySet.update()`, which sends no
signal: the services that change visible state or counts that way call `public_pages_changed()`
themselves (listed in docs/caching.md).
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from .public_pages import public_pages_changed

_public_models: set[type[Model]] = set()


def public_models_register(model: type[Model]) -> None:
    """Saves and deletes of this model's rows change what anonymous pages show."""
    _public_models.add(model)


def public_models() -> frozenset[type[Model]]:
    """The models registered so far."""
    return frozenset(_public_models)


def _changed(sender: Any, **kwargs: Any) -> None:
    if sender not in _public_models:
        return
    if kwargs.get("raw"):
        return  # fixtures loading: no page was cached from rows that did not exist
    public_pages_changed()


def public_pages_signals_connect() -> None:
    """Listen to every model's saves once (CoreConfig.ready); `_changed` keeps the registered."""
    post_save.connect(_changed, dispatch_uid="public-pages-save")
    post_delete.connect(_changed, dispatch_uid="public-pages-delete")
