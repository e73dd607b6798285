"""Thin views: read through selectors (which take the viewer), write through services."""

from dataclasses import replace
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import MemberRequest
from catalogue.models import Topic, Treatment
from core.hugs import HUG_BUTTON_TEMPLATE, NotHuggable, hug_button_context, hug_wanted
from core.idempotency import form_key
from core.member_pages import is_rendering_member_page
from core.viewer import viewer_is_member, viewer_is_moderator
from moderation.models import ModerationState
from moderation.policy import (
    PostingLimitExceeded,
    edit_held_message,
    posted_message,
    posting_refusal,
    posting_review_notice,
)

from . import selectors, services
from .answer_cache import ANSWERS_TEMPLATE, answers_are_shared, answers_key_facts, answers_render
from .forms import (
    AnswerEditForm,
    AnswerForm,
    AskForm,
    FollowPreferenceForm,
    QuestionForm,
    RevealForm,
)
from .member_pages import question_list_shared, question_page_shared
from .models import Answer, Question
from .urgent import urgent_symptoms_found


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _limited(
    request: HttpRequest, template: str, context: dict[str, Any], exc: PostingLimitExceeded
) -> HttpResponse:
    context["limit_message"] = str(exc)
    response = render(request, template, context, status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = str(exc.retry_after_seconds)
    return response


@require_GET
def question_list_view(request: HttpRequest) -> HttpResponse:
    shared = question_list_shared(request, render=lambda: (_question_list(request), {}))
    return shared if shared is not None else _question_list(request)


def _question_list(request: HttpRequest) -> HttpResponse:
    topic = None
    if slug := request.GET.get("topic", "")[:80]:
        topic = Topic.objects.filter(slug=slug).first()
    page = selectors.question_list(
        tab=request.GET.get("tab", "recent"),
        topic=topic,
        cursor=request.GET.get("after", "")[:200] or None,
    )
    context = {"page": page, "topics": Topic.objects.all(), "tabs": selectors.TABS}
    template = (
        "forum/includes/question_rows.html" if _is_htmx(request) else "forum/question_list.html"
    )
    return render(request, template, context)


@require_GET
def question_redirect_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_for_viewer(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    return redirect(question, permanent=True)


def _detail_context(
    request: HttpRequest,
    question: Question,
    answer_form: AnswerForm | None = None,
    *,
    reply_form: AnswerForm | None = None,
    reply_parent: Answer | None = None,
) -> dict[str, Any]:
    """The question page; a failed reply comes back at its own answer's reply form."""
    treatment, page = _listing_choices(request, reply_parent)
    member = viewer_is_member(request.user)
    # A page shared by members shows nobody's hug or follow (core.member_pages puts hers in).
    neutral = is_rendering_member_page(request)
    # Before the listing, so a shared copy is never stored under a key newer than its rows.
    key_facts = [] if neutral else answers_key_facts(question=question)
    listing = selectors.answer_listing(
        question=question,
        viewer=request.user,
        sort=request.GET.get("sort", "oldest"),
        like=request.GET.get("like", ""),
        treatment=treatment,
        page=page,
    )
    state = (
        selectors.ViewerState()
        if neutral
        else selectors.viewer_state(question=question, viewer=request.user)
    )
    if neutral:
        listing = replace(listing, hugged_ids=set())
    refusal = posting_refusal(request.user) if member else None
    # Said before she writes: her answer would wait for review (moderation's own rules).
    review_notice = posting_review_notice(request.user) if member and not refusal else None
    context: dict[str, Any] = {
        "review_notice": review_notice,
        "question": question,
        "topics": list(question.topics.all()),
        "listing": listing,
        "state": state,
        "answer_form": answer_form or AnswerForm(),
        "urgent": urgent_symptoms_found(question.title, question.body if member else ""),
        "related": selectors.related_questions(question=question),
        "treatments": Treatment.objects.only("name", "slug") if member else [],
        "posting_refusal": refusal,
        "is_member": member,
    }
    if reply_form is not None and reply_parent is not None:
        _reply_failed(context, reply_form, reply_parent)
    if listing.threads and neutral:
        context["answers_html"] = render_to_string(ANSWERS_TEMPLATE, context, request)
    elif listing.threads:
        # A new member's notice sits in every reply box, so she never shares the page (the
        # link-trust notice is on the main form only: it would unshare most readers' pages).
        shared = (
            "reply_form" not in context
            and not (review_notice and review_notice.every_post)
            and answers_are_shared(
                question=question,
                viewer=request.user,
                listing=listing,
                state=state,
                refusal=refusal,
            )
        )
        context["answers_html"] = answers_render(
            request=request, context=context, question=question, shared=shared, key_facts=key_facts
        )
    return context


def _listing_choices(
    request: HttpRequest, reply_parent: Answer | None
) -> tuple[Treatment | None, int]:
    """The treatment filter and the page of answers asked for (a failed reply's own page)."""
    treatment = None
    if slug := request.GET.get("treatment", "")[:120]:
        treatment = Treatment.objects.filter(slug=slug).first()
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    if reply_parent is not None:
        page = selectors.answer_page_number(answer=reply_parent, viewer=request.user)
    return treatment, page


def _reply_failed(context: dict[str, Any], form: AnswerForm, parent: Answer) -> None:
    """Put a refused reply where the member can fix it, with the text they typed.

    At the answer's own reply form when the page offers one; otherwise (the answer was
    hidden or removed meanwhile) above the answer box, the text kept there as a new answer.
    The main box never becomes a reply.
    """
    root_id = parent.parent_id or parent.pk
    has_reply_form = any(
        thread.answer.pk == root_id
        and not thread.placeholder
        and thread.answer.moderation_state != ModerationState.HIDDEN
        for thread in context["listing"].threads
    )
    if has_reply_form and not context["posting_refusal"]:
        context["reply_form"] = form
        context["reply_parent_id"] = root_id
        return
    errors = [str(error) for error in form.non_field_errors()]
    errors += [str(error) for error in form.errors.get("body", [])]
    context["reply_refused"] = " ".join(errors)
    # The same key: the text moved boxes, it is still the post the member sent.
    initial = {"body": form.data.get("body", ""), "idempotency_key": form_key(form)}
    context["answer_form"] = AnswerForm(initial=initial)


@require_GET
def question_detail_view(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    shared = question_page_shared(
        request, pk=pk, slug=slug, render=lambda: _question_page_for_sharing(request, pk)
    )
    if shared is not None:
        return shared
    question = selectors.question_for_viewer(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    if slug != question.slug:
        return redirect(question, permanent=True)
    return render(request, "forum/question_detail.html", _detail_context(request, question))


def _question_page_for_sharing(
    request: HttpRequest, pk: int
) -> tuple[HttpResponse, dict[str, Any]]:
    """The question page as any ordinary member sees it, and what her own state swaps need."""
    question = selectors.question_for_viewer(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    context = _detail_context(request, question)
    hug_counts = {
        answer.pk: answer.hug_count
        for thread in context["listing"].threads
        for answer in (thread.answer, *thread.replies)
    }
    response = render(request, "forum/question_detail.html", context)
    return response, {"hug_counts": hug_counts, "question_hugs": question.hug_count}


@login_required
@require_http_methods(["GET", "POST"])
def ask_view(request: MemberRequest) -> HttpResponse:
    refusal = posting_refusal(request.user)
    form = AskForm(request.POST or None)
    context: dict[str, Any] = {
        "form": form,
        "refusal": refusal,
        "similar": [],
        "urgent": [],
        "review_notice": None if refusal else posting_review_notice(request.user),
    }
    if request.method == "GET" or refusal:
        return render(
            request,
            "forum/ask.html",
            context,
            status=HTTPStatus.FORBIDDEN if refusal and request.method == "POST" else HTTPStatus.OK,
        )
    title = request.POST.get("title", "")
    context["urgent"] = urgent_symptoms_found(title, request.POST.get("body", ""))
    if not form.is_valid():
        return render(request, "forum/ask.html", context, status=HTTPStatus.BAD_REQUEST)
    if not form.cleaned_data["suggestions_seen"]:
        similar = selectors.similar_questions(title=form.cleaned_data["title"])
        if similar:
            # Without JavaScript the suggestions come at submit time: one look, then it posts.
            data = request.POST.copy()
            data["suggestions_seen"] = "True"
            context.update(form=AskForm(data), similar=similar, submit_time_suggestions=True)
            return render(request, "forum/ask.html", context)
    try:
        question = services.question_create(
            author=request.user,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            topics=form.cleaned_data["topics"],
            treatments=list(form.cleaned_data["treatments"]),
            is_anonymous=form.cleaned_data["is_anonymous"],
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
    except PostingLimitExceeded as exc:
        return _limited(request, "forum/ask.html", context, exc)
    except (ValidationError, PermissionDenied) as exc:
        form.add_error(None, _error_text(exc))
        return render(request, "forum/ask.html", context, status=HTTPStatus.BAD_REQUEST)
    held = question.moderation_state == ModerationState.PENDING
    messages.success(request, posted_message(kind="question", held=held))
    return redirect(question)


@login_required
@require_GET
def ask_check_view(request: HttpRequest) -> HttpResponse:
    """htmx fragment: similar questions and the urgent-symptom card while the member types."""
    title = request.GET.get("title", "")[:300]
    body = request.GET.get("body", "")[:10000]
    context = {
        "similar": selectors.similar_questions(title=title),
        "urgent": urgent_symptoms_found(title, body),
    }
    return render(request, "forum/includes/ask_check.html", context)


def _own_question(request: HttpRequest, pk: int) -> Question:
    question = selectors.question_for_writing(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    if question.author_id != request.user.pk:
        raise PermissionDenied("Only the author can change this question.")
    return question


@login_required
@require_http_methods(["GET", "POST"])
def question_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own_question(request, pk)
    initial = {
        "title": question.title,
        "body": question.body,
        "topics": list(question.topics.all()),
        "treatments": list(question.treatments.all()),
    }
    form = QuestionForm(request.POST or None, initial=initial)
    context = {"form": form, "question": question}
    if request.method == "POST" and form.is_valid():
        was_visible = question.moderation_state == ModerationState.VISIBLE
        try:
            edited = services.question_edit(
                question=question,
                editor=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                topics=form.cleaned_data["topics"],
                treatments=list(form.cleaned_data["treatments"]),
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _error_text(exc))
        else:
            if was_visible and edited.moderation_state == ModerationState.PENDING:
                messages.info(request, edit_held_message(kind="question"))
            return redirect(question)
    status = HTTPStatus.BAD_REQUEST if request.method == "POST" else HTTPStatus.OK
    return render(request, "forum/question_edit.html", context, status=status)


@login_required
@require_POST
def question_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own_question(request, pk)
    services.question_delete(question=question, member=request.user)
    return redirect("forum:list")


def _posted_parent(request: HttpRequest, question: Question) -> Answer | None:
    """The answer a reply goes under, or None; 404 for an answer to another question."""
    raw = request.POST.get("parent", "").strip()
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) <= selectors.MAX_PK:
        return None  # none, or garbled: the form says so
    parent = Answer.objects.filter(pk=int(raw), question=question).first()
    if parent is None:
        raise Http404
    return parent


@login_required
@require_POST
def answer_create_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = selectors.question_for_writing(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    parent = _posted_parent(request, question)
    form = AnswerForm(request.POST)
    status = HTTPStatus.BAD_REQUEST
    retry_after: int | None = None
    if not form.is_valid():
        if "parent" in form.errors:  # a garbled id: the hidden field's own error is not shown
            form.add_error(None, "We could not find the answer you replied to.")
    else:
        try:
            answer = services.answer_create(
                question=question,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                is_anonymous=form.cleaned_data["is_anonymous"],
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except PostingLimitExceeded as exc:
            status, retry_after = HTTPStatus.TOO_MANY_REQUESTS, exc.retry_after_seconds
            if parent is None:
                context = _detail_context(request, question, form)
                return _limited(request, "forum/question_detail.html", context, exc)
            form.add_error(None, str(exc))
        except PermissionDenied as exc:
            status = HTTPStatus.FORBIDDEN
            form.add_error(None, _error_text(exc))
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            held = answer.moderation_state == ModerationState.PENDING
            kind = "reply" if answer.parent_id else "answer"
            messages.success(request, posted_message(kind=kind, held=held))
            return redirect(selectors.answer_url(answer=answer, viewer=request.user))
    if parent is None:
        context = _detail_context(request, question, form)
    else:
        context = _detail_context(request, question, reply_form=form, reply_parent=parent)
    response = render(request, "forum/question_detail.html", context, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


@login_required
@require_GET
def answer_link_view(request: HttpRequest, question_pk: int, pk: int) -> HttpResponse:
    """An answer's own address (emails, search): redirect to the page that shows it."""
    found = selectors.answer_for_link(question_pk=question_pk, pk=pk, viewer=request.user)
    if found is None:
        raise Http404
    return redirect(selectors.answer_url(answer=found, viewer=request.user))


def _own_answer(request: HttpRequest, pk: int) -> Answer:
    answer = selectors.answer_for_viewer(pk=pk, viewer=request.user)
    if answer is None:
        raise Http404
    if answer.author_id != request.user.pk:
        raise PermissionDenied("Only the author can change this answer.")
    return answer


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    answer = _own_answer(request, pk)
    if request.method == "GET" and not answer.edit_window_open():
        # Say so up front rather than offer a form whose every save would fail.
        return render(
            request,
            "forum/answer_edit.html",
            {
                "answer": answer,
                "closed": True,
                "window_minutes": settings.EDIT_WINDOW_MINUTES,
            },
        )
    form = AnswerEditForm(request.POST or None, initial={"body": answer.body})
    if request.method == "POST" and form.is_valid():
        was_visible = answer.moderation_state == ModerationState.VISIBLE
        try:
            edited = services.answer_edit(
                answer=answer, editor=request.user, body=form.cleaned_data["body"]
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _error_text(exc))
        else:
            if was_visible and edited.moderation_state == ModerationState.PENDING:
                kind = "reply" if edited.parent_id else "answer"
                messages.info(request, edit_held_message(kind=kind))
            return redirect(selectors.answer_url(answer=answer, viewer=request.user))
    status = HTTPStatus.BAD_REQUEST if request.method == "POST" else HTTPStatus.OK
    return render(
        request, "forum/answer_edit.html", {"form": form, "answer": answer}, status=status
    )


@login_required
@require_POST
def answer_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    answer = _own_answer(request, pk)
    services.answer_delete(answer=answer, member=request.user)
    return redirect(answer.question)


def _hug_response(
    request: HttpRequest, *, kind: str, target: Question | Answer, hugged: bool, count: int
) -> HttpResponse:
    url = reverse(f"forum:{kind}_hug", kwargs={"pk": target.pk})
    context = hug_button_context(kind=kind, pk=target.pk, url=url, hugged=hugged, count=count)
    return render(request, HUG_BUTTON_TEMPLATE, context)


@login_required
@require_POST
def question_hug_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = selectors.question_for_writing(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    hugged = hug_wanted(request.POST)
    try:
        count = services.question_hug_set(member=request.user, target=question, hugged=hugged)
    except NotHuggable:
        raise Http404 from None
    if _is_htmx(request):
        return _hug_response(request, kind="question", target=question, hugged=hugged, count=count)
    return redirect(question)


@login_required
@require_POST
def answer_hug_view(request: MemberRequest, pk: int) -> HttpResponse:
    answer = selectors.answer_for_viewer(pk=pk, viewer=request.user)
    if answer is None:
        raise Http404
    hugged = hug_wanted(request.POST)
    try:
        count = services.answer_hug_set(member=request.user, target=answer, hugged=hugged)
    except NotHuggable:
        raise Http404 from None
    if _is_htmx(request):
        return _hug_response(request, kind="answer", target=answer, hugged=hugged, count=count)
    return redirect(selectors.answer_url(answer=answer, viewer=request.user))


@login_required
@require_POST
def answer_helpful_view(request: MemberRequest, pk: int) -> HttpResponse:
    answer = selectors.answer_for_viewer(pk=pk, viewer=request.user)
    if answer is None:
        raise Http404
    try:
        services.answer_mark_helpful(
            answer=answer, member=request.user, helpful=request.POST.get("helpful") != "0"
        )
    except ValidationError as exc:
        return HttpResponse(
            _error_text(exc), status=HTTPStatus.BAD_REQUEST, content_type="text/plain"
        )
    return redirect(selectors.answer_url(answer=answer, viewer=request.user))


@login_required
@require_POST
def question_follow_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = selectors.question_for_writing(pk=pk, viewer=request.user)
    if question is None:
        raise Http404
    following = services.question_follow_set(
        question=question, member=request.user, follow=request.POST.get("follow") != "0"
    )
    if _is_htmx(request):
        return render(
            request,
            "forum/includes/follow_button.html",
            {"question": question, "following": following},
        )
    return redirect(question)


@login_required
@require_http_methods(["GET", "POST"])
def following_view(request: MemberRequest) -> HttpResponse:
    form = FollowPreferenceForm(
        request.POST or None,
        initial={"frequency": selectors.follow_preference_for(member=request.user)},
    )
    saved = False
    if request.method == "POST" and form.is_valid():
        services.follow_preference_set(
            member=request.user, frequency=form.cleaned_data["frequency"]
        )
        saved = True
    context = {
        "form": form,
        "questions": selectors.followed_questions(member=request.user),
        "saved": saved,
    }
    status = (
        HTTPStatus.BAD_REQUEST
        if request.method == "POST" and not form.is_valid()
        else HTTPStatus.OK
    )
    return render(request, "forum/following.html", context, status=status)


@csrf_exempt  # RFC 8058: mail clients POST here with no cookie; the signed token is the key
@never_cache
@require_http_methods(["GET", "POST"])
def unfollow_token_view(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unfollow from an email; GET only asks (link scanners), POST does it."""
    if request.method == "POST":
        question = services.unfollow_by_token(token=token)
        if question is None:
            raise Http404
        return render(request, "forum/unfollowed.html", {"question": question, "done": True})
    from django.core import signing

    try:
        signing.loads(token, salt=services.UNFOLLOW_SALT)
    except signing.BadSignature:
        raise Http404 from None
    return render(request, "forum/unfollowed.html", {"token": token, "done": False})


@login_required
@require_http_methods(["GET", "POST"])
def anonymous_reveal_view(request: MemberRequest, kind: str, pk: int) -> HttpResponse:
    if not viewer_is_moderator(request.user):
        raise Http404
    model = {"question": Question, "answer": Answer}.get(kind)
    if model is None or pk > selectors.MAX_PK:
        raise Http404
    item: Question | Answer = get_object_or_404(model, pk=pk, is_anonymous=True)  # type: ignore[assignment]
    form = RevealForm(request.POST or None)
    author = None
    if request.method == "POST" and form.is_valid():
        author = services.anonymous_reveal(
            moderator=request.user, item=item, reason=form.cleaned_data["reason"]
        )
    return render(
        request, "forum/reveal.html", {"form": form, "item": item, "kind": kind, "author": author}
    )
