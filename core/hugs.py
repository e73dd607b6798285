"""One way to hug: the POST protocol, the button and the row-and-count toggle for every post.

Every hug form posts one field, `hug`, with `on` to give a hug and `off` to take it back; the
button is one include, `core/includes/hug_button.html`, with a stable id `hug-<kind>-<pk>` so
htmx's swap keeps keyboard focus on it. Each app's service (`comment_hug_set`,
`question_hug_set`, `answer_hug_set`, all `(*, member, target, hugged) -> int`) decides who may
hug what, since the posting rule lives in moderation, above this floor, and then calls
`hug_toggle` here for the row and the count.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import F

HUG_FIELD = "hug"
HUG_ON = "on"
HUG_OFF = "off"
HUG_BUTTON_TEMPLATE = "core/includes/hug_button.html"


class NotHuggable(PermissionDenied):
    """The post is not open to hugs (hidden, removed, or not yet visible): views answer 404."""


def hug_wanted(data: Mapping[str, Any]) -> bool:
    """What a hug form asks for: anything but `off` gives a hug, so a bare POST hugs."""
    return data.get(HUG_FIELD, HUG_ON) != HUG_OFF


def hug_button_context(
    *, kind: str, pk: int, url: str, hugged: bool, count: int, look: str = ""
) -> dict[str, Any]:
    """The include's context, for views and shared renderings that render the button alone.

    `look="heart"` is the comments' button (a heart, the count inside it); the default is the
    forum's ("Send a hug", the count beside it). Pages pass the same keys to the include.
    """
    return {"kind": kind, "pk": pk, "hug_url": url, "hugged": hugged, "count": count, "look": look}


def hug_toggle(
    *,
    hug_model: type[models.Model],
    target: Any,
    target_field: str,
    member: AbstractBaseUser,
    hugged: bool,
) -> int:
    """Give or take back one member's hug on `target`; idempotent; returns the new hug count.

    The unique (member, target) row makes a double submit count once; the count moves with
    F() so two members hugging at once both count. Sets `target.hug_count` too.
    """
    row = {target_field: target, "member": member}
    counted = type(target)._default_manager.filter(pk=target.pk)
    if hugged:
        try:
            with transaction.atomic():
                hug_model._default_manager.create(**row)
        except IntegrityError:
            pass  # already hugged, or the other submit of a double click won: one hug either way
        else:
            counted.update(hug_count=F("hug_count") + 1)
    elif hug_model._default_manager.filter(**row).delete()[0]:
        counted.filter(hug_count__gt=0).update(hug_count=F("hug_count") - 1)
    target.hug_count = counted.values_list("hug_count", flat=True).get()
    return int(target.hug_count)
