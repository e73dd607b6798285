"""Turn notification rows into what this reader may see, at read time.

A fixed number of queries for any number of rows: one per target model on the page (each
through the content app's own visibility selector), one for blocks, one for actors' names.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts.blocks import member_block_ids
from accounts.models import User

from .models import Notification
from .registry import Kind, TargetView, kind_find, target_loader

SOMEONE = "Someone"


@dataclass(frozen=True)
class Entry:
    """One line of her notifications page."""

    id: int
    sentence: str
    text: str
    reason: str
    url: str
    unread: bool
    at: datetime
    # The member whose face stands beside the line (the first actor she may see); None for
    # an anonymous writer or a notice from the community itself.
    face: User | None = None

    # Two links per line, twenty lines a page: reverse() once per process, then the id.
    @property
    def open_url(self) -> str:
        return f"{_prefix('notifications:open')}{int(self.id)}/"

    @property
    def read_url(self) -> str:
        return f"{_prefix('notifications:read')}{int(self.id)}/read/"


@lru_cache(maxsize=4)
def _prefix(name: str) -> str:
    suffix = "0/read/" if name.endswith(":read") else "0/"
    return reverse(name, kwargs={"pk": 0}).removesuffix(suffix)


def _targets(viewer: User, rows: list[Notification]) -> dict[tuple[int, int], TargetView]:
    wanted: dict[int, list[int]] = defaultdict(list)
    for row in rows:
        if row.target_type_id is not None and row.target_id is not None:
            wanted[row.target_type_id].append(row.target_id)
    seen: dict[tuple[int, int], TargetView] = {}
    for type_id, ids in wanted.items():
        loader = target_loader(ContentType.objects.get_for_id(type_id))
        if loader is None:
            continue  # the app that registered it is gone: show nothing of it
        for target_id, view in loader(viewer, ids).items():
            seen[(type_id, target_id)] = view
    return seen


def _face(row: Notification, actors: dict[int, User], blocked: set[int]) -> User | None:
    if row.anonymous:
        return None
    return next((actors[a] for a in row.actor_ids if a not in blocked and a in actors), None)


def _actor_phrase(row: Notification, names: dict[int, str], blocked: set[int]) -> str | None:
    """ "AmberAster", "AmberAster and Bea", "AmberAster and 3 others", "Someone"; None when
    every actor is out of her sight (blocked either way, or gone)."""
    if row.anonymous:
        return SOMEONE
    if not row.actor_ids:
        return ""
    shown = [names[a] for a in row.actor_ids if a not in blocked and a in names]
    hidden = sum(1 for a in row.actor_ids if a in blocked or a not in names)
    if not shown:
        return None
    others = row.actor_count - hidden - 1
    if others <= 0:
        return shown[0]
    if others == 1 and len(shown) > 1:
        return f"{shown[0]} and {shown[1]}"
    return f"{shown[0]} and {others} other{'s' if others > 1 else ''}"


def _target_of(row: Notification, targets: dict[tuple[int, int], TargetView]) -> TargetView | None:
    if row.target_type_id is None or row.target_id is None:
        return None
    return targets.get((row.target_type_id, row.target_id))


def _sentence(kind: Kind, actor: str) -> str:
    text = kind.sentence.format(actor=actor)
    return text[:1].upper() + text[1:]


def _entry(
    row: Notification,
    kind: Kind,
    target: TargetView | None,
    actor: str,
    face: User | None,
) -> Entry:
    return Entry(
        id=row.pk,
        sentence=_sentence(kind, actor),
        text=target.text if target is not None else "",
        reason=row.reason,
        url=target.url if target is not None else kind.url,
        unread=row.read_at is None,
        at=row.updated_at.replace(microsecond=0),  # HTML datetime: whole seconds
        face=face,
    )


def render_rows(*, viewer: User, rows: list[Notification]) -> tuple[list[Entry], list[int]]:
    """The entries she may see, and the ids of rows that show nothing any more."""
    targets = _targets(viewer, rows)
    blocked = member_block_ids(member=viewer)
    actor_ids = {a for row in rows if not row.anonymous for a in row.actor_ids}
    # With their profiles: the face beside each line reads the photo from it.
    actors: dict[int, User] = {
        member.pk: member
        for member in User.objects.filter(
            pk__in=actor_ids, is_active=True, erased_at__isnull=True
        ).select_related("profile")
    }
    names = {pk: member.display_name for pk, member in actors.items()}
    entries: list[Entry] = []
    gone: list[int] = []
    for row in rows:
        kind = kind_find(row.kind)
        target = _target_of(row, targets)
        actor = _actor_phrase(row, names, blocked) if kind is not None else None
        author_blocked = (
            target is not None
            and not target.anonymous
            and target.author_id is not None
            and target.author_id in blocked
        )
        if (
            kind is None
            or actor is None
            or author_blocked
            or (row.target_type_id is not None and target is None and not kind.shown_without_target)
        ):
            gone.append(row.pk)
            continue
        face = _face(row, actors, blocked)
        entries.append(_entry(row, kind, None if author_blocked else target, actor, face))
    return entries, gone
