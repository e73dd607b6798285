"""A page of a question's answers, rendered once and shared by ordinary members.

As for article comments (articles.thread_cache): most members see the same answers, author
facts and buttons, so the first ordinary member's request renders the page with no hugs and a
placeholder CSRF token, and later ones get that copy with their own hugs and token put in.

Never shared: moderators (hidden answers, who wrote anonymous ones), the asker (the "helpful"
buttons), members with a block either way (a blocked member's face shows them initials),
members who answered this question (pending answers, edit and delete), members who
may not post (no reply forms), a page carrying the member's own failed reply (its error and
text at that answer's reply form), and the "people who share my HER2 status" filter, which
depends on the viewer. The key holds the question, page, sort and treatment filter, one
aggregate over the question's answers (count, newest id, hugs, latest edit, latest moderation,
which answers are marked helpful) and the people version (names, profile facts, erasure).
"""

from dataclasses import replace
from typing import Any

from django.db.models import Case, F, Sum, When
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.blocks import viewer_block_ids
from core.hugs import HUG_BUTTON_TEMPLATE, hug_button_context
from core.page_cache import csrf_placeholder
from core.shared_render import (
    HugTarget,
    SharedCopy,
    posts_fingerprint,
    shared_key,
    shared_or_render,
)
from core.viewer import Viewer

from .models import Answer, Question
from .selectors import AnswerListing, ViewerState

ANSWERS_TEMPLATE = "forum/includes/answer_threads.html"


def answers_are_shared(
    *,
    question: Question,
    viewer: Viewer,
    listing: AnswerListing,
    state: ViewerState,
    refusal: str | None,
) -> bool:
    """Whether this member sees the answers exactly as any ordinary member does."""
    if state.is_moderator or state.is_author or refusal or listing.like:
        return False
    if viewer_block_ids(viewer=viewer):  # faces differ for her (accounts' avatar rule)
        return False
    return not Answer.objects.filter(question=question, author_id=viewer.pk).exists()


def answers_key_facts(*, question: Question) -> list[Any]:
    """What the shared answers' key is made of, read BEFORE the listing it will describe.

    Read after it, a change committed between the two reads would store the older listing
    under the newer key, served until the next change; read before, the worst is a newer
    listing under the older key, which the next reader's key no longer matches.
    """
    return posts_fingerprint(
        Answer.objects.filter(question=question),
        # which answers the asker marked helpful (marks change no timestamp)
        helpful=Sum(Case(When(is_helpful=True, then=F("id")), default=0)),
    )


def answers_render(
    *,
    request: HttpRequest,
    context: dict[str, Any],
    question: Question,
    shared: bool,
    key_facts: list[Any],
) -> str:
    """The answers' HTML for this request: from the shared copy when the member may have it."""
    if not shared:
        return render_to_string(ANSWERS_TEMPLATE, context, request)  # a SafeString already
    listing: AnswerListing = context["listing"]
    return shared_or_render(
        request=request,
        key=_answers_key(question=question, listing=listing, facts=key_facts),
        render=lambda: _render_shared(request=request, context=context, listing=listing),
        hugged_ids=listing.hugged_ids,
        hug_button=_hug_button,
    )


def _answers_key(*, question: Question, listing: AnswerListing, facts: list[Any]) -> str:
    treatment = listing.treatment.pk if listing.treatment is not None else None
    parts = [listing.page, listing.sort, treatment, *facts]
    return shared_key(f"forum:answers:v3:{question.pk}", parts)


def _render_shared(
    *, request: HttpRequest, context: dict[str, Any], listing: AnswerListing
) -> SharedCopy:
    neutral = {**context, "listing": replace(listing, hugged_ids=set())}
    neutral["csrf_token"] = csrf_placeholder()
    html = render_to_string(ANSWERS_TEMPLATE, neutral, request)
    counts: dict[int, int] = {}
    for thread in listing.threads:
        for answer in (thread.answer, *thread.replies):
            counts[answer.pk] = answer.hug_count
    return SharedCopy(html=html, hug_counts=counts)


def _hug_button(target: HugTarget, hugged: bool) -> str:
    url = reverse("forum:answer_hug", kwargs={"pk": target.pk})
    context = hug_button_context(
        kind="answer", pk=target.pk, url=url, hugged=hugged, count=target.hug_count
    )
    return render_to_string(HUG_BUTTON_TEMPLATE, {**context, "csrf_token": csrf_placeholder()})
