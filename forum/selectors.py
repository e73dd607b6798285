"""Forum reads. Every read that can show members-only text takes the viewer."""

import base64
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from articles.models import Topic, Treatment
from moderation.models import ModerationState

from .models import Answer, AnswerHug, FollowPreference, Question, QuestionFollow, QuestionHug

PAGE_SIZE = 20
ANSWERS_PAGE_SIZE = 50
POPULAR_DAYS = 30
TABS = ("recent", "unanswered", "popular")


def is_member(user: Any) -> bool:
    """Logged in and active: may read members-only text."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_moderator(user: Any) -> bool:
    """Superusers and members of the Moderators group."""
    if not is_member(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_forum_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name="Moderators").exists()
        user._forum_is_moderator = cached
    return bool(cached)


def _visible_questions() -> QuerySet[Question]:
    return Question.objects.filter(moderation_state=ModerationState.VISIBLE)


# --- Lists with keyset pagination ------------------------------------------------------------


@dataclass
class QuestionPage:
    items: list[Question]
    next_cursor: str | None
    tab: str
    topic: Topic | None = None
    is_first: bool = True


def _encode_cursor(value: str, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{value}|{pk}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[str, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        value, pk = raw.rsplit("|", 1)
        return value, int(pk)
    except (ValueError, UnicodeDecodeError):
        return None


def _after_time(qs: QuerySet[Question], name: str, cursor: str | None) -> QuerySet[Question]:
    decoded = _decode_cursor(cursor) if cursor else None
    if decoded is None:
        return qs
    try:
        moment = datetime.fromisoformat(decoded[0])
    except ValueError:
        return qs
    if moment.tzinfo is None:
        return qs
    pk = decoded[1]
    # The plain range condition lets the (state, time, id) index do the work; the OR only
    # breaks ties between rows that share the cursor's timestamp.
    return qs.filter(**{f"{name}__lte": moment}).filter(
        Q(**{f"{name}__lt": moment}) | Q(**{name: moment, "pk__lt": pk})
    )


def question_list(
    *, tab: str = "recent", topic: Topic | None = None, cursor: str | None = None
) -> QuestionPage:
    """One page of public question rows (titles, topics, counts, dates), keyset-paginated."""
    tab = tab if tab in TABS else "recent"
    qs = _visible_questions()
    if topic is not None:
        qs = qs.filter(topics=topic)
    if tab == "popular":
        since = timezone.now() - timedelta(days=POPULAR_DAYS)
        qs = qs.filter(last_activity_at__gte=since).annotate(
            score=F("hug_count") + F("answer_count")
        )
        decoded = _decode_cursor(cursor) if cursor else None
        if decoded is not None and decoded[0].isdigit():
            score, pk = int(decoded[0]), decoded[1]
            qs = qs.filter(Q(score__lt=score) | Q(score=score, pk__lt=pk))
        qs = qs.order_by("-score", "-pk")
    elif tab == "unanswered":
        qs = _after_time(qs.filter(answer_count=0), "created_at", cursor).order_by(
            "-created_at", "-pk"
        )
    else:
        qs = _after_time(qs, "last_activity_at", cursor).order_by("-last_activity_at", "-pk")
    rows = list(qs.prefetch_related("topics")[: PAGE_SIZE + 1])
    items, more = rows[:PAGE_SIZE], len(rows) > PAGE_SIZE
    next_cursor = None
    if more:
        last = items[-1]
        if tab == "popular":
            value = str(last.score)  # type: ignore[attr-defined]
        elif tab == "unanswered":
            value = last.created_at.isoformat()
        else:
            value = last.last_activity_at.isoformat()
        next_cursor = _encode_cursor(value, last.pk)
    return QuestionPage(
        items=items, next_cursor=next_cursor, tab=tab, topic=topic, is_first=not cursor
    )


def question_list_active_since(
    *, since: datetime, topics: list[Topic] | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """Public fields (title, url, answer_count) of questions active since a moment."""
    qs = _visible_questions().filter(last_activity_at__gte=since)
    if topics:
        qs = qs.filter(topics__in=topics).distinct()
    rows = qs.order_by("-last_activity_at", "-pk").only("id", "slug", "title", "answer_count")
    return [
        {
            "title": q.title,
            "url": q.get_absolute_url(),
            "answer_count": q.answer_count,
        }
        for q in rows[:limit]
    ]


def latest_questions_for_topics(
    *, topics: list[Topic], limit: int = 6, exclude_id: int | None = None
) -> list[Question]:
    """The newest visible questions sharing any of these topics (public fields only)."""
    topic_ids = [t.pk for t in topics]
    if not topic_ids:
        return []
    # Newest ids first from the through table, so a popular topic never scans every question.
    through = Question.topics.through.objects.filter(
        topic_id__in=topic_ids, question__moderation_state=ModerationState.VISIBLE
    )
    if exclude_id is not None:
        through = through.exclude(question_id=exclude_id)
    ids: list[int] = []
    for qid in through.order_by("-question_id").values_list("question_id", flat=True)[: limit * 4]:
        if qid not in ids:
            ids.append(qid)
        if len(ids) == limit:
            break
    found = {
        q.pk: q
        for q in Question.objects.filter(pk__in=ids).only(
            "id", "slug", "title", "answer_count", "created_at"
        )
    }
    return [found[i] for i in ids if i in found]


def related_questions(*, question: Question, limit: int = 5) -> list[Question]:
    """Other questions that share topics with this one, newest first."""
    return latest_questions_for_topics(
        topics=list(question.topics.all()), limit=limit, exclude_id=question.pk
    )


def home_questions(*, limit: int = 6) -> list[Question]:
    """Recently active questions for the home page (public fields only)."""
    return list(
        _visible_questions()
        .order_by("-last_activity_at", "-pk")
        .only("id", "slug", "title", "answer_count", "last_activity_at")[:limit]
    )


# --- One question ---------------------------------------------------------------------------


def question_for_viewer(*, pk: int, viewer: Any) -> Question | None:
    """The question if this viewer may open it (pending: author and moderators only)."""
    question = (
        Question.objects.select_related("author")
        .prefetch_related("topics", "treatments")
        .filter(pk=pk)
        .first()
    )
    if question is None:
        return None
    if question.moderation_state == ModerationState.VISIBLE:
        return question
    if question.moderation_state == ModerationState.PENDING and (
        (is_member(viewer) and question.author_id == viewer.pk) or is_moderator(viewer)
    ):
        return question
    return None


def question_for_writing(*, pk: int, viewer: Any) -> Question | None:
    """The question as target of a write by a member (hug, answer, follow)."""
    if not is_member(viewer):
        return None
    return question_for_viewer(pk=pk, viewer=viewer)


def answer_for_viewer(*, pk: int, viewer: Any) -> Answer | None:
    """A visible answer of a visible question, for members only."""
    if not is_member(viewer):
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


@dataclass
class AuthorFacts:
    role: str = ""
    her2: str = ""
    stage: str = ""
    treatments: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.role or self.her2 or self.stage or self.treatments)


def author_facts(*, author: Any) -> AuthorFacts:
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


def answer_listing(
    *,
    question: Question,
    viewer: Any,
    sort: str = "oldest",
    like: str = "",
    treatment: Treatment | None = None,
    page: int = 1,
) -> AnswerListing:
    """The answers (with their replies) a member sees, sorted and filtered "like me"."""
    viewer_her2 = ""
    if is_member(viewer):
        viewer_her2 = getattr(getattr(viewer, "profile", None), "her2_status", "") or ""
    empty = AnswerListing([], 0, 1, False, sort, like, treatment, viewer_her2, set())
    if not is_member(viewer):
        return empty
    shown = Q(moderation_state=ModerationState.VISIBLE) | Q(
        moderation_state=ModerationState.PENDING, author_id=viewer.pk
    )
    roots = Answer.objects.filter(question=question, parent__isnull=True).filter(
        shown | Q(moderation_state=ModerationState.REMOVED, replies__isnull=False)
    )
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
    rows = list(_answer_qs().filter(Q(pk__in=root_ids) | (Q(parent_id__in=root_ids) & shown)))
    by_id = {a.pk: a for a in rows}
    replies: dict[int, list[Answer]] = {}
    for a in sorted(rows, key=lambda a: (a.created_at, a.pk)):
        if a.parent_id is not None:
            replies.setdefault(a.parent_id, []).append(a)
    threads = [
        AnswerThread(
            answer=by_id[i],
            replies=replies.get(i, []),
            placeholder=by_id[i].moderation_state == ModerationState.REMOVED,
        )
        for i in root_ids
        if i in by_id
    ]
    for a in rows:
        a.facts = AuthorFacts() if a.is_anonymous else author_facts(author=a.author)  # type: ignore[attr-defined]
    hugged = set(
        AnswerHug.objects.filter(member=viewer, answer_id__in=list(by_id)).values_list(
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


def viewer_state(*, question: Question, viewer: Any) -> ViewerState:
    """What this member has done to the question (hug, follow) and may do (edit)."""
    if not is_member(viewer):
        return ViewerState()
    from .services import edit_window_open

    is_author = question.author_id == viewer.pk
    return ViewerState(
        hugged=QuestionHug.objects.filter(member=viewer, question=question).exists(),
        following=QuestionFollow.objects.filter(member=viewer, question=question).exists(),
        is_author=is_author,
        can_edit=is_author and edit_window_open(item=question),
        is_moderator=is_moderator(viewer),
    )


def follow_preference_for(*, member: Any) -> str:
    """The member's email frequency for followed questions (immediate by default)."""
    pref = FollowPreference.objects.filter(member=member).values_list("frequency", flat=True)
    return pref.first() or FollowPreference.Frequency.IMMEDIATE


def followed_questions(*, member: Any, limit: int = 100) -> list[Question]:
    """The visible questions a member follows, most recently active first."""
    return list(
        _visible_questions()
        .filter(follows__member=member)
        .order_by("-last_activity_at", "-pk")
        .only("id", "slug", "title", "answer_count", "last_activity_at")[:limit]
    )


# --- Similar questions ----------------------------------------------------------------------

_STOPWORDS_TEXT = (
    "a an and are as at be been but by can could did do does for from had has have "
    "how i if in is it its me my of on or should so that the their them there this "
    "to was were what when where which who why will with would you your anyone "
    "anybody else"
)
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_WORD = re.compile(r"[a-z0-9+]+")


def similar_questions(
    *, title: str, limit: int = 5, exclude_id: int | None = None
) -> list[Question]:
    """Existing visible questions whose titles resemble this one (trigrams on PostgreSQL)."""
    title = title.replace("\x00", "").strip()[:150]
    if len(title) < 4:
        return []
    qs = _visible_questions()
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    if settings.USING_POSTGRES:
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            qs.filter(title__trigram_similar=title)
            .annotate(similarity=TrigramSimilarity("title", title))
            .order_by("-similarity", "-pk")
            .only("id", "slug", "title", "answer_count")[:limit]
        )
    words = [w for w in _WORD.findall(title.lower()) if w not in _STOPWORDS and len(w) > 2][:6]
    if not words:
        return []
    cond = Q()
    for word in words:
        cond |= Q(title__icontains=word)
    candidates = list(
        qs.filter(cond)
        .order_by("-last_activity_at")
        .only("id", "slug", "title", "answer_count")[:50]
    )
    scored = [(sum(1 for w in words if w in q.title.lower()), q) for q in candidates]
    scored = [(s, q) for s, q in scored if s >= max(1, min(2, len(words)))]
    scored.sort(key=lambda sq: (-sq[0], -sq[1].pk))
    return [q for _, q in scored[:limit]]
