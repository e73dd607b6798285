"""One question as a viewer sees it: answers, replies, "someone like me" facts, own state."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.models import User
from catalogue.models import Treatment
from core.viewer import Viewer, viewer_is_member, viewer_is_moderator
from moderation.context_notes import with_context_notes
from moderation.models import ModerationState
from notifications.models import Channel
from notifications.preferences import channel_for

from ..models import Answer, AnswerHug, FollowFrequency, Question, QuestionFollow, QuestionHug
from .base import (
    ANSWERS_PAGE_SIZE,
    MAX_PK,
    _visible_questions,
)

# --- One question ---------------------------------------------------------------------------


def question_for_viewer(*, pk: int, viewer: Viewer) -> Question | None:
    """The question if this viewer may open it (pending: author and moderators only)."""
    if not 0 < pk <= MAX_PK:
        return None
    question = (
        with_context_notes(Question.objects.select_related("author", "author__profile"))
        .prefetch_related("topics", "treatments")
        .filter(pk=pk)
        .first()
    )
    if question is None:
        return None
    if question.moderation_state == ModerationState.VISIBLE:
        return question
    if question.moderation_state == ModerationState.PENDING and (
        (viewer_is_member(viewer) and question.author_id == viewer.pk)
        or viewer_is_moderator(viewer)
    ):
        return question
    return None


def question_for_writing(*, pk: int, viewer: Viewer) -> Question | None:
    """The question as target of a write by a member (hug, answer, follow)."""
    if not viewer_is_member(viewer):
        return None
    return question_for_viewer(pk=pk, viewer=viewer)


def answer_for_viewer(*, pk: int, viewer: Viewer) -> Answer | None:
    """A visible answer of a visible question, for members only."""
    if not viewer_is_member(viewer) or not 0 < pk <= MAX_PK:
        return None
    return (
        Answer.objects.select_related("question", "author")
        .filter(
            pk=pk,
            question__moderation_state=ModerationState.VISIBLE,
        )
        .filter(Q(moderation_state=ModerationState.VISIBLE) | Q(author_id=viewer.pk))
        .exclude(moderation_state__in=[ModerationState.REMOVED, ModerationState.HIDDEN])
        .first()
    )


def answer_for_link(*, question_pk: int, pk: int, viewer: Viewer) -> Answer | None:
    """The answer an answer address may lead this viewer to, or None (the view answers 404).

    Only what the question page shows this viewer: visible answers and her own pending ones;
    moderators also pending and hidden ones. Anything else answers exactly as a missing
    answer, so the address tells nobody that a hidden or held answer exists.
    """
    if not 0 < pk <= MAX_PK:
        return None
    question = question_for_viewer(pk=question_pk, viewer=viewer)
    if question is None:
        return None
    answers = Answer.objects.filter(pk=pk, question_id=question.pk).exclude(
        moderation_state=ModerationState.REMOVED
    )
    if not viewer_is_moderator(viewer):
        answers = answers.filter(
            Q(moderation_state=ModerationState.VISIBLE)
            | Q(moderation_state=ModerationState.PENDING, author_id=viewer.pk)
        )
    found = answers.only("id", "question_id", "parent_id", "created_at").first()
    if found is not None:
        found.question = question
    return found


@dataclass
class AuthorFacts:
    role: str = ""
    her2: str = ""
    stage: str = ""
    treatments: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.role or self.her2 or self.stage or self.treatments)


def author_facts(*, author: User) -> AuthorFacts:
    """What the author's profile shows members: role, HER2 status, stage, treatments."""
    profile = getattr(author, "profile", None)
    if profile is None or author.erased_at:
        return AuthorFacts()
    members = "members"
    facts = AuthorFacts()
    if profile.role and profile.role_visibility == members:
        facts.role = profile.get_role_display()
    if profile.her2_status and profile.her2_status_visibility == members:
        facts.her2 = profile.get_her2_status_display()
    if profile.stage and profile.stage_visibility == members:
        facts.stage = profile.get_stage_display()
    if profile.treatments_visibility == members:
        names = {t.name for t in profile.current_treatments.all()}
        names |= {t.name for t in profile.past_treatments.all()}
        facts.treatments = sorted(names)
    return facts


@dataclass
class AnswerThread:
    answer: Answer
    replies: list[Answer]
    placeholder: bool = False


@dataclass
class AnswerListing:
    threads: list[AnswerThread]
    total: int
    page: int
    has_next: bool
    sort: str
    like: str
    treatment: Treatment | None
    viewer_her2: str
    hugged_ids: set[int]


def _answer_qs() -> QuerySet[Answer]:
    return Answer.objects.select_related("author", "author__profile").prefetch_related(
        Prefetch(
            "author__profile__current_treatments",
            queryset=Treatment.objects.only("id", "name", "slug"),
        ),
        Prefetch(
            "author__profile__past_treatments",
            queryset=Treatment.objects.only("id", "name", "slug"),
        ),
    )


def _shown_to(viewer: Viewer) -> Q:
    """The answers and replies this member sees in full."""
    if viewer_is_moderator(viewer):
        return Q(
            moderation_state__in=[
                ModerationState.VISIBLE,
                ModerationState.PENDING,
                ModerationState.HIDDEN,
            ]
        )
    return Q(moderation_state=ModerationState.VISIBLE) | Q(
        moderation_state=ModerationState.PENDING, author_id=viewer.pk
    )


def _listed_roots(*, question_id: int, viewer: Viewer) -> QuerySet[Answer]:
    """The top-level answers the listing shows this member, placeholders included."""
    shown = _shown_to(viewer)
    shown_replies = Answer.objects.filter(parent=OuterRef("pk")).filter(shown)
    return Answer.objects.filter(question_id=question_id, parent__isnull=True).filter(
        shown
        | Q(moderation_state=ModerationState.REMOVED, replies__isnull=False)
        | Q(Exists(shown_replies), moderation_state=ModerationState.HIDDEN)
    )


def answer_page_number(*, answer: Answer, viewer: Viewer) -> int:
    """The page of the default listing (oldest first, unfiltered) that shows this answer.

    A reply is on its parent's page. A fixed few queries, however many answers: the
    viewer's role, the parent's date, one count.
    """
    root = answer
    if answer.parent_id is not None:
        root = Answer.objects.only("id", "created_at").get(pk=answer.parent_id)
    earlier = (
        _listed_roots(question_id=answer.question_id, viewer=viewer)
        .filter(Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, id__lt=root.pk))
        .values("id")
        .distinct()
    )
    return earlier.count() // ANSWERS_PAGE_SIZE + 1


def answer_url(*, answer: Answer, viewer: Viewer) -> str:
    """Where this member reads the answer: its question, on the page that shows it."""
    page = answer_page_number(answer=answer, viewer=viewer)
    query = f"?page={page}" if page > 1 else ""
    return f"{answer.question.get_absolute_url()}{query}#answer-{answer.pk}"


def answer_listing(
    *,
    question: Question,
    viewer: Viewer,
    sort: str = "oldest",
    like: str = "",
    treatment: Treatment | None = None,
    page: int = 1,
) -> AnswerListing:
    """The answers (with their replies) a member sees, sorted and filtered "like me".

    Members see visible answers and their own pending ones; a hidden or removed answer with
    replies they can see stays as a placeholder. Moderators also see pending and hidden
    answers, marked. Visitors get nothing.
    """
    viewer_her2 = ""
    if viewer_is_member(viewer):
        viewer_her2 = getattr(getattr(viewer, "profile", None), "her2_status", "") or ""
    empty = AnswerListing([], 0, 1, False, sort, like, treatment, viewer_her2, set())
    if not viewer_is_member(viewer):
        return empty
    moderator = viewer_is_moderator(viewer)
    shown = _shown_to(viewer)
    roots = _listed_roots(question_id=question.pk, viewer=viewer)
    if like == "her2" and viewer_her2 and viewer_her2 != "unknown":
        roots = roots.filter(
            is_anonymous=False,
            author__profile__her2_status=viewer_her2,
            author__profile__her2_status_visibility="members",
        )
    else:
        like = ""
    if treatment is not None:
        roots = roots.filter(
            Q(author__profile__current_treatments=treatment)
            | Q(author__profile__past_treatments=treatment),
            is_anonymous=False,
            author__profile__treatments_visibility="members",
        )
    order = {
        "helpful": ["-is_helpful", "created_at", "id"],
        "newest": ["-created_at", "-id"],
        "hugs": ["-hug_count", "created_at", "id"],
    }.get(sort, ["created_at", "id"])
    if sort not in ("helpful", "newest", "hugs"):
        sort = "oldest"
    page = max(1, min(page, 1000))
    start = (page - 1) * ANSWERS_PAGE_SIZE
    root_ids = list(
        roots.distinct()
        .order_by(*order)
        .values_list("id", flat=True)[start : start + ANSWERS_PAGE_SIZE + 1]
    )
    has_next = len(root_ids) > ANSWERS_PAGE_SIZE
    root_ids = root_ids[:ANSWERS_PAGE_SIZE]
    rows = list(
        with_context_notes(_answer_qs()).filter(
            Q(pk__in=root_ids) | (Q(parent_id__in=root_ids) & shown)
        )
    )
    by_id = {a.pk: a for a in rows}
    replies: dict[int, list[Answer]] = {}
    for a in sorted(rows, key=lambda a: (a.created_at, a.pk)):
        if a.parent_id is not None:
            replies.setdefault(a.parent_id, []).append(a)
    threads = [
        AnswerThread(
            answer=by_id[i],
            replies=replies.get(i, []),
            placeholder=by_id[i].moderation_state == ModerationState.REMOVED
            or (by_id[i].moderation_state == ModerationState.HIDDEN and not moderator),
        )
        for i in root_ids
        if i in by_id
    ]
    for a in rows:
        a.facts = AuthorFacts() if a.is_anonymous else author_facts(author=a.author)  # type: ignore[attr-defined]
        # Only the author's own answers (never in the shared copy) can carry an Edit link.
        a.can_edit = a.author_id == viewer.pk and a.edit_window_open()  # type: ignore[attr-defined]
    hugged = set(
        AnswerHug.objects.filter(member_id=viewer.pk, answer_id__in=list(by_id)).values_list(
            "answer_id", flat=True
        )
    )
    return AnswerListing(
        threads, question.answer_count, page, has_next, sort, like, treatment, viewer_her2, hugged
    )


@dataclass
class ViewerState:
    hugged: bool = False
    following: bool = False
    is_author: bool = False
    can_edit: bool = False
    is_moderator: bool = False


def viewer_state(*, question: Question, viewer: Viewer) -> ViewerState:
    """What this member has done to the question (hug, follow) and may do (edit)."""
    if not viewer_is_member(viewer):
        return ViewerState()
    is_author = question.author_id == viewer.pk
    return ViewerState(
        hugged=QuestionHug.objects.filter(member_id=viewer.pk, question=question).exists(),
        following=QuestionFollow.objects.filter(member_id=viewer.pk, question=question).exists(),
        is_author=is_author,
        can_edit=is_author and question.edit_window_open(),
        is_moderator=viewer_is_moderator(viewer),
    )


def follow_preference_for(*, member: User) -> str:
    """The member's email frequency for followed questions (immediate by default)."""
    channel = channel_for(member_id=member.pk, group="following")
    if channel == Channel.EMAIL:
        return str(FollowFrequency.IMMEDIATE)
    return str(FollowFrequency.DAILY if channel == Channel.DIGEST else FollowFrequency.NEVER)


def followed_questions(*, member: User, limit: int = 100) -> list[Question]:
    """The visible questions a member follows, most recently active first."""
    return list(
        _visible_questions()
        .filter(follows__member=member)
        .order_by("-last_activity_at", "-pk")
        .only("id", "slug", "title", "answer_count", "last_activity_at")[:limit]
    )
