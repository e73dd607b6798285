"""The member directory's page: compact cards, members most like the viewer first."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator

from core.viewer import Viewer, moderator_expression

from .models import Profile, User, Visibility
from .selectors import member_directory
from .similarity import (
    MemberFacts,
    facts_shared_with,
    member_facts_of,
    members_ranked_by_shared_facts,
)

DIRECTORY_PAGE_SIZE = 24
# A card names this many facts in common, then says how many more: cards stay short.
FACTS_ON_A_CARD = 3


@dataclass(frozen=True)
class DirectoryCard:
    """One member as a directory card shows them to this viewer."""

    member: User
    role: str
    in_common: list[str]
    more_in_common: int
    is_moderator: bool


@dataclass(frozen=True)
class DirectoryPage:
    page: Page
    cards: list[DirectoryCard]
    viewer_has_facts: bool


def _card(member: User, facts: MemberFacts) -> DirectoryCard:
    profile: Profile = member.profile
    shown_role = profile.role and profile.role_visibility == Visibility.MEMBERS
    in_common = facts_shared_with(facts=facts, profile=profile)
    return DirectoryCard(
        member=member,
        role=profile.get_role_display() if shown_role else "",
        in_common=in_common[:FACTS_ON_A_CARD],
        more_in_common=max(0, len(in_common) - FACTS_ON_A_CARD),
        is_moderator=bool(getattr(member, "is_moderator", False)),
    )


def member_directory_page(
    *, viewer: Viewer, filters: dict[str, Any], page_number: Any
) -> DirectoryPage:
    """A page of the directory for a logged-in viewer (a visitor gets an empty one).

    Filters match only facts shared with members; the order counts only those too (members
    sharing the most with the viewer first, then by name). Queries: the viewer's facts (2), the
    count, the page, its treatments (2): the same for any number of members.
    """
    facts = member_facts_of(member=viewer)
    candidates = member_directory(viewer=viewer, filters=filters)
    ranked = members_ranked_by_shared_facts(
        viewer=viewer, candidates=candidates, facts=facts
    ).annotate(is_moderator=moderator_expression())
    page = Paginator(ranked, DIRECTORY_PAGE_SIZE).get_page(page_number)
    cards = [_card(member, facts) for member in page.object_list]
    return DirectoryPage(page=page, cards=cards, viewer_has_facts=not facts.empty)
