"""Which rows are about an anonymous post: the one place staff-facing code asks.

A kind is anonymous-capable when its registration names an `anonymous_field`. The rule
(docs/security.md): no staff member, superusers included, learns who wrote an anonymous post
except through the reveal, which asks for a reason and logs it. So every staff-facing list
that starts from a member (filters, searches, a member's page) leaves these rows out, and
every row about such a post shows no author.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .registry import moderated_types

# Matches no row: the Q of a kind that cannot be anonymous.
NOTHING = Q(pk__in=[])


def item_is_anonymous(item: Any) -> bool:
    """Whether this item (of a registered kind) was posted anonymously."""
    for moderated_type in moderated_types():
        if isinstance(item, moderated_type.model):
            field = moderated_type.anonymous_field
            return bool(field and getattr(item, field, False))
    return False


def anonymous_field_of(model: type[Any]) -> str:
    """The registered anonymous field of a content model, or "" (not registered, or none)."""
    for moderated_type in moderated_types():
        if moderated_type.model is model:
            return moderated_type.anonymous_field
    return ""


def anonymous_rows_q(model: type[Any]) -> Q:
    """Rows of a content model that were posted anonymously."""
    field = anonymous_field_of(model)
    return Q(**{field: True}) if field else NOTHING


def anonymous_items_q(prefix: str = "") -> Q:
    """Rows whose (content_type, object_id) at `prefix` point at an anonymous item.

    For the case, the report (prefix "case__") and the log entry: one semi-join per
    anonymous-capable kind, so a changelist stays one query.
    """
    matched = NOTHING
    for moderated_type in moderated_types():
        if not moderated_type.anonymous_field:
            continue
        anonymous_ids = moderated_type.model._default_manager.filter(
            **{moderated_type.anonymous_field: True}
        ).values("pk")
        matched |= Q(
            **{
                f"{prefix}content_type": ContentType.objects.get_for_model(moderated_type.model),
                f"{prefix}object_id__in": anonymous_ids,
            }
        )
    return matched


def anonymous_cases_q(prefix: str = "") -> Q:
    """Queue cases (at `prefix`, e.g. "case__") about an anonymous item."""
    return Q(**{f"{prefix}author_anonymous": True}) | anonymous_items_q(prefix)
