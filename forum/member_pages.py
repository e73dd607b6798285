"""The question page and the question list as ordinary members share them (core.member_pages).

The question page: one copy per question, page of answers, sort, treatment filter, text size,
whether she may tick "people who share my HER2 status" and the review notice her answer box
shows (the same sentence for every member it concerns). Her own state is put in per request:
her hugs on the page's answers and on the question, her follow button. Her own render instead
for moderators (hidden answers, the reveal link), the asker (helpful marks, edit and delete),
members who answered or replied on the question (any state: pending answers and their own
controls), members with a block either way (faces show them initials), members who may not
post, new members (a notice in every reply box) and the "like me" filter.

The key holds the public-pages version (every save of a question, an answer, a topic or a
treatment and every moderation decision moves it: titles, bodies, related questions), one
aggregate of the question's answers (hugs and helpful marks move no version) and the people
version (names, profile facts, erasure). Nothing of a member is in a key or a shared copy.

The question list is the visitors' list in the member frame: one copy per tab, topic and
cursor under the public-pages version, with no state of hers at all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache as memoize
from typing import Any

from django.db import connection, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import Block, Profile, User
from core.db_routing import read_alias
from core.hugs import HUG_BUTTON_TEMPLATE, hug_button_context
from core.member_pages import (
    MemberPage,
    holds_any_permission_sql,
    member_marks_among,
    member_page_serve,
    request_may_share,
)
from core.page_cache import csrf_placeholder
from core.public_pages import public_pages_version
from core.shared_render import HugTarget, shared_key
from core.viewer import viewer_is_member
from moderation.models import ModerationState
from moderation.policy import posting_state

from .answer_cache import _hug_button
from .models import Answer, AnswerHug, Question, QuestionFollow, QuestionHug
from .selectors import MAX_PK

QUESTION_PARAMETERS = frozenset({"page", "sort", "treatment"})
LIST_PARAMETERS = frozenset({"tab", "topic", "after"})
Render = Callable[[], tuple[HttpResponse, dict[str, Any]]]


@dataclass(frozen=True)
class QuestionPageFacts:
    """The question, its answers' aggregate and its reader, as the shared page needs them."""

    moderation_state: str
    slug: str
    author_id: int
    answers: tuple[Any, ...]  # count, newest id, hugs, latest edit and moderation, helpful ids
    staff: bool  # holds a permission: a moderator, an editor
    blocks: bool
    answered: bool
    hugged: bool
    following: bool
    her2: str


@memoize
def _facts_sql() -> str:
    """One statement for `question_page_facts`, built once: the ORM's compiling of a query
    with six subqueries cost more than the query itself."""
    quote = connection.ops.quote_name

    def table(model: Any) -> str:
        return quote(model._meta.db_table)

    answers = table(Answer)
    return (
        "SELECT q.moderation_state, q.slug, q.author_id, a.n, a.newest, a.hugs, a.edited, "  # nosec B608 - model names, bound values
        "a.moderated, a.helpful, "
        f"{holds_any_permission_sql()}, "
        f"EXISTS(SELECT 1 FROM {table(Block)} "
        "WHERE blocker_id = %(viewer)s OR blocked_id = %(viewer)s), "
        f"EXISTS(SELECT 1 FROM {answers} "
        "WHERE question_id = %(question)s AND author_id = %(viewer)s), "
        f"EXISTS(SELECT 1 FROM {table(QuestionHug)} "
        "WHERE question_id = %(question)s AND member_id = %(viewer)s), "
        f"EXISTS(SELECT 1 FROM {table(QuestionFollow)} "
        "WHERE question_id = %(question)s AND member_id = %(viewer)s), "
        f"(SELECT her2_status FROM {table(Profile)} WHERE user_id = %(viewer)s) "
        f"FROM {table(Question)} q LEFT JOIN (SELECT question_id, COUNT(*) AS n, "
        "MAX(id) AS newest, SUM(hug_count) AS hugs, MAX(edited_at) AS edited, "
        "MAX(moderated_at) AS moderated, "
        "SUM(CASE WHEN is_helpful THEN id ELSE 0 END) AS helpful "
        f"FROM {answers} WHERE question_id = %(question)s GROUP BY question_id) a "
        "ON a.question_id = q.id WHERE q.id = %(question)s"
    )


def question_page_facts(*, pk: int, viewer: User) -> QuestionPageFacts | None:
    """What deciding and keying her shared question page needs, in one query; None for a
    question that does not exist."""
    params = {"question": pk, "viewer": viewer.pk}
    # From the database the page is rendered from (a replica's snapshot, core.read_your_writes):
    # the aggregate keys that rendering, and the primary's newer rows would key older ones.
    with connections[read_alias(app_label=Question._meta.app_label)].cursor() as cursor:
        cursor.execute(_facts_sql(), params)
        row = cursor.fetchone()
    if row is None:
        return None
    state, slug, author_id, *answers = row[:9]
    staff, blocks, answered, hugged, following, her2 = row[9:]
    return QuestionPageFacts(
        moderation_state=state,
        slug=slug,
        author_id=author_id,
        answers=tuple(answers),
        staff=bool(staff),
        blocks=bool(blocks),
        answered=bool(answered),
        hugged=bool(hugged),
        following=bool(following),
        her2=her2 or "",
    )


def _larger_text(request: HttpRequest) -> bool:
    return request.COOKIES.get("text_size") == "large" or bool(
        getattr(request.user, "prefers_larger_text", False)
    )


def _page_number(request: HttpRequest) -> int | None:
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 1000:
        return None
    return int(raw)


def _ordinary_reader(request: HttpRequest, pk: int) -> User | None:
    """The member, if this request may be served a shared question page at all."""
    viewer = request.user
    if not viewer_is_member(viewer) or not request_may_share(request) or not 0 < pk <= MAX_PK:
        return None
    if not set(request.GET) <= QUESTION_PARAMETERS or _page_number(request) is None:
        return None
    if not isinstance(viewer, User) or viewer.is_superuser or viewer.is_staff:
        return None
    return viewer


def _sharing_facts(*, viewer: User, pk: int, slug: str) -> QuestionPageFacts | None:
    """The question's and her facts, if her page is the one ordinary members share."""
    state = question_page_facts(pk=pk, viewer=viewer)
    if state is None or state.moderation_state != ModerationState.VISIBLE or state.slug != slug:
        return None  # a pending or missing question, or a redirect: the usual path answers
    if state.author_id == viewer.pk or state.staff or state.blocks or state.answered:
        return None
    return state


def question_page_shared(
    request: HttpRequest, *, pk: int, slug: str, render: Render
) -> HttpResponse | None:
    """The question page from the members' shared copy, or None: render her own."""
    viewer = _ordinary_reader(request, pk)
    state = _sharing_facts(viewer=viewer, pk=pk, slug=slug) if viewer is not None else None
    if viewer is None or state is None:
        return None
    refusal, notice = posting_state(viewer)
    if refusal is not None or (notice is not None and notice.every_post):
        return None
    version = public_pages_version()
    if version is None:
        return None
    parts = [
        _page_number(request),
        request.GET.get("sort", "oldest")[:20],
        request.GET.get("treatment", "")[:120],
        bool(state.her2 and state.her2 != "unknown"),  # the "like me" box is offered
        repr(notice),
        _larger_text(request),
        version,
        *state.answers,
    ]
    return member_page_serve(
        request,
        key=shared_key(f"forum:member-page:v1:{pk}", parts),
        render=render,
        swaps=lambda copy: _question_swaps(viewer=viewer, pk=pk, state=state, copy=copy),
    )


def _question_swaps(
    *, viewer: User, pk: int, state: QuestionPageFacts, copy: MemberPage
) -> Iterable[tuple[str, str]]:
    """Her hugged buttons and her follow button in place of the shared ones."""
    hug_counts: dict[int, int] = copy.facts.get("hug_counts", {})
    if state.hugged:
        count = copy.facts["question_hugs"]
        yield _question_hug_button(pk, count, False), _question_hug_button(pk, count, True)
    if state.following:
        yield _follow_button(pk, False), _follow_button(pk, True)
    if hug_counts:
        hugged = member_marks_among(
            AnswerHug, column="answer_id", member_id=viewer.pk, ids=hug_counts
        )
        for answer_id in hugged:
            yield _answer_hug_pair(answer_id, hug_counts[answer_id])


def _answer_hug_pair(answer_id: int, count: int) -> tuple[str, str]:
    target = HugTarget(pk=answer_id, hug_count=count)
    return _hug_button(target, False), _hug_button(target, True)


def _question_hug_button(pk: int, count: int, hugged: bool) -> str:
    url = reverse("forum:question_hug", kwargs={"pk": pk})
    context = hug_button_context(kind="question", pk=pk, url=url, hugged=hugged, count=count)
    return render_to_string(HUG_BUTTON_TEMPLATE, {**context, "csrf_token": csrf_placeholder()})


def _follow_button(pk: int, following: bool) -> str:
    context = {"question": {"pk": pk}, "following": following, "csrf_token": csrf_placeholder()}
    return render_to_string("forum/includes/follow_button.html", context)


def question_list_shared(request: HttpRequest, *, render: Render) -> HttpResponse | None:
    """The question list from the members' shared copy, or None: render her own."""
    if not viewer_is_member(request.user) or not request_may_share(request):
        return None
    if not set(request.GET) <= LIST_PARAMETERS:
        return None
    version = public_pages_version()
    if version is None:
        return None
    parts = [
        request.GET.get("tab", "recent")[:20],
        request.GET.get("topic", "")[:80],
        request.GET.get("after", "")[:200],
        _larger_text(request),
        version,
    ]
    return member_page_serve(
        request, key=shared_key("forum:member-list:v1", parts), render=render, swaps=lambda _: ()
    )
