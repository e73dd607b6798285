"""Thin views: the public treatment pages, and a member's own list of questions."""

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import MemberRequest
from core.viewer import viewer_is_member

from .forms import CareQuestionEditForm, CareQuestionForm
from .models import CareQuestion
from .public_part import treatment_public_part
from .selectors.care import care_list_for_owner, care_question_for_owner, care_question_listed
from .selectors.pages import (
    general_suggested_questions,
    treatment_groups,
)
from .services import care
from .structured_data import treatment_json_ld

CARE_LIST_TEMPLATE = "treatments/care_list.html"
CARE_ROWS_TEMPLATE = "treatments/includes/care_rows.html"


def _htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (django-htmx sets request.htmx)."""
    return bool(getattr(request, "htmx", False))


# --- Public pages -------------------------------------------------------------------------------


@require_GET
def treatment_list_view(request: HttpRequest) -> HttpResponse:
    return render(request, "treatments/treatment_list.html", {"groups": treatment_groups()})


@require_GET
def treatment_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    page = treatment_public_part(slug=slug, viewer=request.user)
    if page is None:
        raise Http404("No such treatment.")
    treatment = page.treatment
    member = viewer_is_member(request.user)
    context: dict[str, Any] = {
        "treatment": treatment,
        "page": page,
        "guide": page.guide,
        "is_member": member,
        "json_ld": treatment_json_ld(
            treatment=treatment, guide=page.guide, references=page.references
        ),
        "canonical_url": f"{settings.SITE_URL}{treatment.get_absolute_url()}",
        "listed": _listed_texts(request) if member else set(),
        "add_form": CareQuestionForm() if member else None,
    }
    return render(request, "treatments/treatment_detail.html", context)


def _listed_texts(request: HttpRequest) -> set[str]:
    """Her open questions' words, so a suggestion already on her list says so (one query)."""
    return {
        " ".join(q.text.split()).casefold()
        for q in care_list_for_owner(owner=request.user)
        if not q.answered
    }


# --- Her list of questions for her care team ----------------------------------------------------


def _care_context(request: MemberRequest, form: CareQuestionForm | None = None) -> dict[str, Any]:
    questions = care_list_for_owner(owner=request.user)
    listed = {" ".join(q.text.split()).casefold() for q in questions if not q.answered}
    suggestions = [
        s
        for s in general_suggested_questions()
        if " ".join(s.text.split()).casefold() not in listed
    ]
    return {
        "questions": questions,
        "open_count": sum(1 for q in questions if not q.answered),
        "answered_count": sum(1 for q in questions if q.answered),
        "form": form or CareQuestionForm(),
        "suggestions": suggestions,
        "list_max": care.CARE_LIST_MAX,
    }


def _rows(request: MemberRequest) -> HttpResponse:
    return render(request, CARE_ROWS_TEMPLATE, _care_context(request))


def _back_to_list(request: MemberRequest, pk: int | None = None) -> HttpResponse:
    if _htmx(request):
        return _rows(request)
    url = reverse("treatments:care_list")
    return redirect(f"{url}#care-question-{pk}" if pk else url)


@login_required
@require_http_methods(["GET", "POST"])
def care_list_view(request: MemberRequest) -> HttpResponse:
    """Her list; a POST adds a question (from this page, an article or a treatment page)."""
    if request.method == "GET":
        return render(request, CARE_LIST_TEMPLATE, _care_context(request))
    form = CareQuestionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        already = care_question_listed(owner=request.user, text=data["text"])
        try:
            question = care.care_question_add(
                owner=request.user,
                text=data["text"],
                source_label=data["source_label"],
                source_url=data["source_url"],
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as exc:
            form.add_error("text", " ".join(exc.messages))
        else:
            return _added(request, question, already=already, back=data["source_url"])
    status = HTTPStatus.BAD_REQUEST
    if _htmx(request) and form.data.get("source_url"):
        return render(request, "treatments/includes/care_add_refused.html", {"form": form})
    return render(request, CARE_LIST_TEMPLATE, _care_context(request, form), status=status)


def _added(
    request: MemberRequest, question: CareQuestion, *, already: bool, back: str
) -> HttpResponse:
    note = "That question is already on your list." if already else "Added to your list."
    back = care.care_source_url(back)
    if _htmx(request):
        if back:  # a button on an article or treatment page: it becomes a note
            return render(request, "treatments/includes/care_added.html", {"note": note})
        return _rows(request)
    messages.success(request, note)
    if back:
        return redirect(back)
    return redirect(f"{reverse('treatments:care_list')}#care-question-{question.pk}")


def _own(request: MemberRequest, pk: int) -> CareQuestion:
    question = care_question_for_owner(owner=request.user, pk=pk)
    if question is None:
        raise Http404("No such question on your list.")
    return question


def _gone() -> Http404:
    # Removed in another tab between the lookup and the write: the same answer as missing.
    return Http404("No such question on your list.")


@login_required
@require_POST
def care_move_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own(request, pk)
    direction: care.Direction = "up" if request.POST.get("direction") == "up" else "down"
    try:
        care.care_question_move(owner=request.user, question_id=question.pk, direction=direction)
    except CareQuestion.DoesNotExist:
        raise _gone() from None
    return _back_to_list(request, question.pk)


@login_required
@require_POST
def care_answered_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own(request, pk)
    answered = request.POST.get("answered") == "on"
    try:
        care.care_question_set_answered(
            owner=request.user, question_id=question.pk, answered=answered
        )
    except CareQuestion.DoesNotExist:
        raise _gone() from None
    return _back_to_list(request, question.pk)


@login_required
@require_POST
def care_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own(request, pk)
    try:
        care.care_question_delete(owner=request.user, question_id=question.pk)
    except CareQuestion.DoesNotExist:
        raise _gone() from None
    if not _htmx(request):
        messages.success(request, "Removed from your list.")
    return _back_to_list(request)


@login_required
@require_http_methods(["GET", "POST"])
def care_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    question = _own(request, pk)
    form = CareQuestionEditForm(request.POST or None, initial={"text": question.text})
    if request.method == "POST" and form.is_valid():
        try:
            care.care_question_edit(
                owner=request.user, question_id=question.pk, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            form.add_error("text", " ".join(exc.messages))
        except CareQuestion.DoesNotExist:
            raise _gone() from None
        else:
            return redirect(f"{reverse('treatments:care_list')}#care-question-{question.pk}")
    status = HTTPStatus.BAD_REQUEST if request.method == "POST" else HTTPStatus.OK
    context = {"form": form, "question": question}
    return render(request, "treatments/care_edit.html", context, status=status)


@login_required
@require_POST
def care_clear_answered_view(request: MemberRequest) -> HttpResponse:
    removed = care.care_questions_clear_answered(owner=request.user)
    if not _htmx(request):
        messages.success(
            request, f"Removed {removed} answered question{'' if removed == 1 else 's'}."
        )
    return _back_to_list(request)


@login_required
@require_GET
def care_print_view(request: MemberRequest) -> HttpResponse:
    """A clean page of her open questions, with room to write the answers."""
    questions = care_list_for_owner(owner=request.user)
    context = {"questions": [q for q in questions if not q.answered]}
    return render(request, "treatments/care_print.html", context)


@login_required
@require_POST
def care_email_view(request: MemberRequest) -> HttpResponse:
    try:
        care.care_list_email(owner=request.user)
    except (ValidationError, care.CareEmailLimit) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
    else:
        messages.success(request, f"Your list is on its way to {request.user.email}.")
    return redirect("treatments:care_list")
