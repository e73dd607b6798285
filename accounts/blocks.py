"""Blocks: she blocks him, and neither sees the other any more. Nobody is told.

Writes (`member_block`, `member_unblock`) and reads (`member_block_ids`, `member_blocks_list`)
live here together because other apps need one thing more than the rows: to act when a block
changes (a content app drops a team link, a feed forgets the other's posts). Apps above people
register a listener from their AppConfig.ready(); the services call every listener in the same
transaction, in plain sight, so a block and its consequences commit together or not at all.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet

from core.viewer import Viewer, viewer_is_member

from .models import Block, User

# Called as listener(blocker_id=..., blocked_id=..., blocked=True|False).
BlockListener = Callable[..., None]
_LISTENERS: dict[str, BlockListener] = {}


def register_block_listener(name: str, listener: BlockListener) -> None:
    """Call `listener(blocker_id=, blocked_id=, blocked=)` whenever a block is made or undone."""
    _LISTENERS[name] = listener


def _tell_listeners(*, blocker_id: int, blocked_id: int, blocked: bool) -> None:
    for listener in _LISTENERS.values():
        listener(blocker_id=blocker_id, blocked_id=blocked_id, blocked=blocked)


@transaction.atomic
def member_block(*, blocker: User, blocked: User) -> Block:
    """Block a member (idempotent); listeners run in the same transaction."""
    if blocker.pk == blocked.pk:
        raise ValidationError("You cannot block yourself.")
    try:
        with transaction.atomic():
            block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    except IntegrityError:  # the other submit of a double click won: one block either way
        return Block.objects.get(blocker=blocker, blocked=blocked)
    if created:
        _tell_listeners(blocker_id=blocker.pk, blocked_id=blocked.pk, blocked=True)
    return block


@transaction.atomic
def member_unblock(*, blocker: User, blocked: User) -> bool:
    """Undo a block (idempotent); returns whether there was one. Team links do not come back."""
    deleted, _ = Block.objects.filter(blocker=blocker, blocked=blocked).delete()
    if deleted:
        _tell_listeners(blocker_id=blocker.pk, blocked_id=blocked.pk, blocked=False)
    return bool(deleted)


def member_block_ids(*, member: Viewer) -> set[int]:
    """Ids of members she blocked OR who blocked her: both directions hide everything."""
    if not viewer_is_member(member):
        return set()
    ids: set[int] = set()
    rows = Block.objects.filter(Q(blocker_id=member.pk) | Q(blocked_id=member.pk)).values_list(
        "blocker_id", "blocked_id"
    )
    for blocker_id, blocked_id in rows:
        ids.add(blocked_id if blocker_id == member.pk else blocker_id)
    return ids


# Where `viewer_block_ids` keeps its answer on the viewer object for the rest of the request.
_BLOCK_IDS_ATTR = "_block_ids_for_request"


def viewer_block_ids(*, viewer: Viewer) -> frozenset[int]:
    """`member_block_ids`, kept on the viewer object (request.user lives for one request): the
    avatar tag and the shared-rendering checks ask for every face on a page, the database
    answers once."""
    cached: frozenset[int] | None = getattr(viewer, _BLOCK_IDS_ATTR, None)
    if cached is None:
        cached = frozenset(member_block_ids(member=viewer))
        setattr(viewer, _BLOCK_IDS_ATTR, cached)
    return cached


def members_blocked_between(*, first_id: int, second_id: int) -> bool:
    """Whether either of the two has blocked the other."""
    return Block.objects.filter(
        Q(blocker_id=first_id, blocked_id=second_id) | Q(blocker_id=second_id, blocked_id=first_id)
    ).exists()


def member_blocks_list(*, member: User) -> QuerySet[Block]:
    """The blocks she made, newest first, for her settings page (never the ones against her)."""
    return Block.objects.filter(blocker=member).select_related("blocked")


def blocked_either_way_q(*, viewer_id: int, author_path: str) -> Q:
    """A filter excluding rows whose `author_path` blocked the viewer or was blocked by her."""
    mine = Block.objects.filter(blocker_id=viewer_id).values("blocked_id")
    theirs = Block.objects.filter(blocked_id=viewer_id).values("blocker_id")
    return Q(**{f"{author_path}__in": mine}) | Q(**{f"{author_path}__in": theirs})


def block_notes_for_case(*, author_id: int, reporter_ids: list[int]) -> dict[int, str]:
    """For a moderator handling reports: which reporters and the author blocked each other
    (one query). Registered with moderation; blocks are shown nowhere else to staff."""
    rows = Block.objects.filter(
        Q(blocker_id=author_id, blocked_id__in=reporter_ids)
        | Q(blocker_id__in=reporter_ids, blocked_id=author_id)
    ).values_list("blocker_id", "blocked_id", "created_at")
    notes: dict[int, list[str]] = {}
    for blocker_id, blocked_id, created_at in rows:
        reporter_id = blocked_id if blocker_id == author_id else blocker_id
        who = (
            "The author blocked the reporter"
            if blocker_id == author_id
            else ("The reporter blocked the author")
        )
        notes.setdefault(reporter_id, []).append(f"{who} on {created_at:%d %b %Y}.")
    return {reporter_id: " ".join(texts) for reporter_id, texts in notes.items()}
