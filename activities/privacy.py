"""The activities' part of a member's data export and erasure (registered in ready()).

Export: her updates, her comments under updates, the updates she hugged, her team, her team
requests and the members she blocked. Another member's words never appear; a team mate or a
blocked member appears by display name only (the member chose them).

Erasure (docs/privacy.md): her updates are deleted, and with them the comments and hugs under
them: an update is her own diary of her days, which nobody may see once she is gone (the
visibility rule already hides an erased member's updates). Her comments under other members'
updates stay, credited "Former member", like every other post. Her team, her requests and her
blocks (both ways) are deleted.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from accounts.models import Block, User

from .feed import feed_member_erased
from .models import TeamLink, TeamRequest, Update, UpdateComment, UpdateHug


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_activities(user: User) -> dict[str, Any]:
    """Everything she did in activities, as JSON-ready data."""
    updates = Update.objects.filter(author=user).order_by("pk")
    comments = UpdateComment.objects.filter(author=user).order_by("pk")
    hugs = UpdateHug.objects.filter(member=user).order_by("pk")
    team = TeamLink.objects.filter(member=user).select_related("mate").order_by("pk")
    sent = TeamRequest.objects.filter(sender=user).select_related("recipient").order_by("pk")
    blocks = Block.objects.filter(blocker=user).select_related("blocked").order_by("pk")
    return {
        "updates": [
            {
                "url": u.get_absolute_url(),
                "update": u.body,
                "tag": u.get_tag_display() if u.tag else "",
                "audience": u.get_audience_display(),
                "state": u.moderation_state,
                "created_at": _iso(u.created_at),
                "edited_at": _iso(u.edited_at),
            }
            for u in updates
        ],
        "comments_on_updates": [
            {
                "url": c.get_absolute_url(),
                "comment": c.body,
                "is_reply": c.parent_id is not None,
                "state": c.moderation_state,
                "created_at": _iso(c.created_at),
                "edited_at": _iso(c.edited_at),
            }
            for c in comments
        ],
        "hugged_updates": [
            {
                "url": reverse("activities:update", kwargs={"pk": h.update_id}),
                "hugged_at": _iso(h.created_at),
            }
            for h in hugs
        ],
        "team": [
            {"member": link.mate.public_name, "since": _iso(link.created_at)} for link in team
        ],
        "team_requests_sent": [
            {"to": r.recipient.public_name, "sent_at": _iso(r.created_at)} for r in sent
        ],
        "blocked_members": [
            {"member": b.blocked.public_name, "since": _iso(b.created_at)} for b in blocks
        ],
    }


def erase_activities(user: User) -> None:
    """Delete her updates (with what hangs under them), her team, requests and blocks.
    Idempotent; runs inside the erasure transaction."""
    Update.objects.filter(author=user).delete()
    TeamLink.objects.filter(Q(member=user) | Q(mate=user)).delete()
    TeamRequest.objects.filter(Q(sender=user) | Q(recipient=user)).delete()
    Block.objects.filter(Q(blocker=user) | Q(blocked=user)).delete()
    member_id = user.pk
    transaction.on_commit(lambda: feed_member_erased(member_id=member_id))
