"""Reads of members' experiences: who may see which, a page of them, her own."""

from django.db.models import Q, QuerySet

from accounts.blocks import blocked_either_way_q
from catalogue.models import Treatment
from core.viewer import Viewer, viewer_is_member
from moderation.context_notes import with_context_notes
from moderation.models import ModerationState

from ..models import Experience

# Experiences shown on the treatment page itself; the rest are a click away, paginated.
EXPERIENCES_ON_TREATMENT_PAGE = 5
EXPERIENCES_PER_PAGE = 20


def experience_list_visible(*, treatment: Treatment, viewer: Viewer) -> QuerySet[Experience]:
    """The experiences of a treatment this viewer may read, newest change first.

        Members read visible ones, and their own while it waits for review, never one by a member
    with a block either way (blocks hide both directions); visitors read none.
        The author with her profile (the face beside it), the moderators' context note and the
        side effects come with them (a fixed number of queries per page).
    """
    if not viewer_is_member(viewer):
        return Experience.objects.none()
    state = Q(moderation_state=ModerationState.VISIBLE)
    state |= Q(moderation_state=ModerationState.PENDING, author_id=viewer.pk)
    return (
        with_context_notes(Experience.objects.filter(state, treatment=treatment))
        .exclude(blocked_either_way_q(viewer_id=viewer.pk, author_path="author_id"))
        .select_related("author", "author__profile", "treatment")
        .prefetch_related("side_effect_rows__side_effect")
        .order_by("-updated_at", "-id")
    )


def experience_get_visible(*, treatment: Treatment, pk: int, viewer: Viewer) -> Experience | None:
    """One experience if this viewer may read it, else None (the view answers 404)."""
    return experience_list_visible(treatment=treatment, viewer=viewer).filter(pk=pk).first()


def experience_of(
    *, treatment: Treatment, member: Viewer, with_side_effects: bool = True
) -> Experience | None:
    """Her own experience of this treatment, in any state, or None."""
    if not viewer_is_member(member):
        return None
    mine = Experience.objects.filter(author_id=member.pk, treatment=treatment)
    if with_side_effects:
        mine = mine.prefetch_related("side_effect_rows__side_effect")
    return mine.first()


def experience_prompts_for(*, member: Viewer) -> list[dict[str, object]]:
    """The treatments on her profile, each with her experience of it if she wrote one.

    For the "My experiences" page and the welcome flow: two queries whatever the numbers.
    """
    if not viewer_is_member(member):
        return []
    listed = Treatment.objects.filter(
        Q(current_profiles__user_id=member.pk) | Q(past_profiles__user_id=member.pk)
    ).distinct()
    written = {
        e.treatment_id: e
        for e in Experience.objects.filter(author_id=member.pk).select_related("treatment")
    }
    treatments = {t.pk: t for t in listed.order_by("name")}
    for treatment_id, experience in written.items():
        treatments.setdefault(treatment_id, experience.treatment)
    return [
        {"treatment": t, "experience": written.get(t.pk)}
        for t in sorted(treatments.values(), key=lambda t: t.name)
    ]
