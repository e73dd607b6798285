"""Anonymous authors in admin: no list reached from a member shows her anonymous posts.

Every ModelAdmin whose rows are about member-written items (the content admins, the queue,
reports, the log) uses `AnonymousAuthorAdminMixin`. It names the lookup paths from a row to
the member who wrote the item (`anonymous_author_paths`) and the rows about an anonymous
item (`anonymous_rows`); then
- a changelist filtered on an author path (`?author=7`, `?author__id__exact=7`, a list
  filter choice, with or without a date) leaves the anonymous rows out;
- a search matches anonymous rows only by their own text, never by an author's name,
  handle or email;
- a list filter on an author path is refused at start-up (its choices would list members);
- the change page of an anonymous row shows none of its author fields.
The reveal (forum's logged view, or a sanction through moderation's actions) stays the only
way from the post to the member. See docs/security.md.
"""

import copy
from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.utils import NestedObjects, quote
from django.contrib.admin.views.main import IGNORED_PARAMS, SEARCH_VAR
from django.core import checks
from django.db import router
from django.db.models import Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from .anonymity import item_is_anonymous


def _touches(lookup: str, path: str) -> bool:
    """Whether a lookup (`author__id__exact`, `author_id`) starts at the field at `path`."""
    parts, steps = lookup.split(LOOKUP_SEP), path.split(LOOKUP_SEP)
    if len(parts) < len(steps) or parts[: len(steps) - 1] != steps[:-1]:
        return False
    return parts[len(steps) - 1] in (steps[-1], f"{steps[-1]}_id")


def _search_path(search_field: str) -> str:
    return search_field.lstrip("^=@")


class AnonymousAuthorAdminMixin:
    """Put first in the bases of an admin whose rows may be about an anonymous post."""

    # Lookup paths from a row to the member who wrote the item it is about.
    anonymous_author_paths: tuple[str, ...] = ("author",)
    # Set on the copy that searches anonymous rows by their text alone.
    _search_without_authors = False

    def anonymous_rows(self) -> Q:
        """The rows about an anonymous item (override per admin)."""
        raise NotImplementedError

    def get_anonymous_author_paths(self) -> tuple[str, ...]:
        return self.anonymous_author_paths

    def touches_author(self, lookup: str) -> bool:
        return any(_touches(lookup, path) for path in self.get_anonymous_author_paths())

    def _filters_on_author(self, request: HttpRequest) -> bool:
        return any(
            self.touches_author(key)
            for key in request.GET
            if key not in IGNORED_PARAMS and key != SEARCH_VAR
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset: QuerySet[Any] = super().get_queryset(request)  # type: ignore[misc]
        if self._filters_on_author(request):
            # "Posts by this member" lists what members see: her posts under her name.
            queryset = queryset.exclude(self.anonymous_rows())
        return queryset

    def get_search_fields(self, request: HttpRequest) -> Any:
        fields = super().get_search_fields(request)  # type: ignore[misc]
        if self._search_without_authors:
            return [f for f in fields if not self.touches_author(_search_path(f))]
        return fields

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        results, duplicates = super().get_search_results(request, queryset, search_term)  # type: ignore[misc]
        fields = self.get_search_fields(request)
        if not search_term or not any(self.touches_author(_search_path(f)) for f in fields):
            return results, duplicates
        # An anonymous row stays only if its own text matches: a name, handle or email found
        # it through its author otherwise.
        text_only = copy.copy(self)
        text_only._search_without_authors = True
        if not text_only.get_search_fields(request):
            return results.exclude(self.anonymous_rows()), duplicates
        by_text, _ = text_only.get_search_results(request, queryset, search_term)
        return results.filter(~self.anonymous_rows() | Q(pk__in=by_text.values("pk"))), duplicates

    def anonymous_hidden_fields(self) -> list[str]:
        """The form fields of this admin's model that name the author (first step of a path)."""
        return [path.split(LOOKUP_SEP)[0] for path in self.get_anonymous_author_paths()]

    def is_anonymous_row(self, obj: Any) -> bool:
        model = type(obj)
        return bool(model._default_manager.filter(self.anonymous_rows(), pk=obj.pk).exists())

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = super().get_fields(request, obj)  # type: ignore[misc]
        if obj is not None and self.is_anonymous_row(obj):
            hidden = self.anonymous_hidden_fields()
            return [f for f in fields if f not in hidden]
        return fields

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors: list[checks.CheckMessage] = super().check(**kwargs)  # type: ignore[misc]
        for item in self.list_filter:  # type: ignore[attr-defined]
            name = item[0] if isinstance(item, list | tuple) else item
            if isinstance(name, str) and self.touches_author(name):
                errors.append(
                    checks.Error(
                        f"list_filter {name!r} would list the authors of anonymous posts.",
                        obj=self.__class__,
                        id="moderation.E001",
                    )
                )
        return errors


# What a deletion page says in place of each anonymous post it would touch.
ANONYMOUS_POST_NOT_LISTED = "A post not listed here (anonymous: only the logged reveal shows it)"


def deleted_objects_hiding_anonymous(
    objs: Any, request: HttpRequest, admin_site: AdminSite
) -> tuple[list[Any], dict[str, int], set[str], list[str]]:
    """Django's get_deleted_objects, with anonymous posts unnamed and uncounted.

    A member's delete page otherwise lists (and links) every post she wrote, anonymous ones
    included. Each anonymous post becomes one line without id, title or link.
    """
    try:
        first = objs[0]
    except IndexError:
        return [], {}, set(), []
    collector = NestedObjects(using=router.db_for_write(first._meta.model), origin=objs)
    collector.collect(objs)
    perms_needed: set[str] = set()

    def format_callback(obj: Any) -> str:
        opts = obj._meta
        registered = admin_site.is_registered(type(obj))
        if registered and not admin_site.get_model_admin(type(obj)).has_delete_permission(
            request, obj
        ):
            perms_needed.add(str(opts.verbose_name))
        if item_is_anonymous(obj):
            return ANONYMOUS_POST_NOT_LISTED
        plain = f"{capfirst(opts.verbose_name)}: {obj}"
        if not registered:
            return plain
        try:
            url = reverse(
                f"{admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                args=[quote(obj.pk)],
            )
        except NoReverseMatch:
            return plain
        return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

    to_delete = collector.nested(format_callback)
    protected = [format_callback(obj) for obj in collector.protected]
    model_count: dict[str, int] = {}
    for model, model_objs in collector.model_objs.items():
        plural = str(model._meta.verbose_name_plural)  # type: ignore[attr-defined]
        model_count[plural] = len([obj for obj in model_objs if not item_is_anonymous(obj)])
    return to_delete, model_count, perms_needed, protected
