"""Which display names a member may take: nothing staff-sounding, nobody else's name.

Two normalisations, both applied before comparing:
- `name_key` folds case and drops spaces and the punctuation a display name may hold, so
  "Hopeful Heron", "hopeful-heron" and "HopefulHeron" are the same name;
- `_reserved_key` goes further for the staff check (accents, digits used as letters), so
  "M0derätor Maya" still reads as "moderatormaya".
"""

import unicodedata

from django.db.models import Q, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Lower, Replace

from core.viewer import viewer_has_staff_powers

from .models import User

# The characters besides letters and digits that clean_display_name lets through.
_SEPARATORS = (" ", ".", "-", "'", "_")

# Compared as substrings of the reserved key, so "ModeratorMaya" and "Admin Team" match.
RESERVED_FRAGMENTS = (
    "moderator",
    "moderation",
    "modteam",
    "admin",
    "support",
    "staff",
    "mybc",
    "official",
    "formermember",
    "helpdesk",
    "safetyteam",
)
_DIGITS_AS_LETTERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})

RESERVED_MESSAGE = (
    "That name sounds like a MyBCTeam staff or moderator account (or “Former member”), which "
    "could mislead other members. Please choose another."
)
TAKEN_MESSAGE = (
    "Another member already uses that name, or one that differs only in capitals, spaces or "
    "punctuation. Please choose another."
)


def name_key(name: str) -> str:
    key = name.lower()
    for separator in _SEPARATORS:
        key = key.replace(separator, "")
    return key


def _name_key_expression() -> Combinable:
    """name_key in SQL (SQLite's LOWER folds ASCII only; PostgreSQL folds every script)."""
    expression: Combinable = Lower("display_name")
    for separator in _SEPARATORS:
        expression = Replace(expression, Value(separator), Value(""))
    return expression


def _reserved_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in plain.translate(_DIGITS_AS_LETTERS) if c.isalnum())


def is_reserved(name: str) -> bool:
    key = _reserved_key(name)
    return any(fragment in key for fragment in RESERVED_FRAGMENTS)


def members_named_like(name: str) -> QuerySet[User]:
    """Accounts whose display name is the same as `name` once normalised (erased ones aside:
    they all read "Former member", which is reserved anyway)."""
    return (
        User.objects.filter(erased_at__isnull=True)
        .alias(name_key=_name_key_expression())
        .filter(Q(name_key=name_key(name)))
    )


def display_name_refusal(*, name: str, member: User | None = None) -> str | None:
    """Why `name` may not be used by `member` (None at sign-up), or None if it may.

    A member keeping their current name is never refused, and staff may carry staff-sounding
    names (the real moderators'); nobody may take another member's name.
    """
    if member is not None and name == member.display_name:
        return None
    staff = member is not None and viewer_has_staff_powers(member)
    if not staff and is_reserved(name):
        return RESERVED_MESSAGE
    others = members_named_like(name)
    if member is not None:
        others = others.exclude(pk=member.pk)
    if others.exists():
        return TAKEN_MESSAGE
    return None
