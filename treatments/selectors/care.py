"""Reads of a member's care-team list: hers alone, so every read takes the owner."""

from core.viewer import Viewer, viewer_is_member

from ..models import CareQuestion


def care_list_for_owner(*, owner: Viewer) -> list[CareQuestion]:
    """Her questions in her order (one query); nobody else's, and nothing for a visitor."""
    if not viewer_is_member(owner):
        return []
    return list(CareQuestion.objects.filter(owner_id=owner.pk).order_by("position", "id"))


def care_question_for_owner(*, owner: Viewer, pk: int) -> CareQuestion | None:
    """One of her questions, or None (another member's is as missing as a deleted one)."""
    if not viewer_is_member(owner):
        return None
    return CareQuestion.objects.filter(owner_id=owner.pk, pk=pk).first()


def care_question_listed(*, owner: Viewer, text: str) -> bool:
    """Whether this question is already open on her list (the words compared loosely)."""
    if not viewer_is_member(owner):
        return False
    wanted = " ".join(text.split()).casefold()
    return any(
        " ".join(t.split()).casefold() == wanted
        for t in CareQuestion.objects.filter(owner_id=owner.pk, answered=False).values_list(
            "text", flat=True
        )
    )
