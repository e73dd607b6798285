"""Members' experiences of a treatment, her own form, and two treatments compared.

Everything here is for members: visitors get 404 for an experience (as for a missing one) and
the login page for the form and the compare page.
"""

from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import MemberRequest
from catalogue.models import Treatment
from core.viewer import viewer_is_member
from moderation.policy import PostingLimitExceeded, posting_refusal, posting_review_notice

from .experience_forms import ExperienceForm
from .models import SideEffect
from .selectors import experiences as selectors
from .selectors.figures import LIKE_CHOICES, figures_compare, figures_for, viewer_like_me
from .services.experiences import experience_delete, experience_save

FORM_TEMPLATE = "treatments/experience_form.html"


def _treatment(slug: str) -> Treatment:
    return get_object_or_404(Treatment, slug=slug)


def _error_text(exc: Exception) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


def _side_effects(experience: Any) -> list[SideEffect]:
    """The catalogue's active side effects, and any retired one her experience still names."""
    kept = [row.side_effect_id for row in experience.side_effect_rows.all()] if experience else []
    effects = SideEffect.objects.filter(active=True) | SideEffect.objects.filter(pk__in=kept)
    return list(effects.distinct().order_by("position", "name"))


@login_required
@require_http_methods(["GET", "POST"])
def experience_edit_view(request: MemberRequest, slug: str) -> HttpResponse:
    """Write or update her experience of one treatment (one per treatment, edit any time)."""
    treatment = _treatment(slug)
    experience = selectors.experience_of(treatment=treatment, member=request.user)
    form = ExperienceForm(
        request.POST if request.method == "POST" else None,
        initial=ExperienceForm.initial_for(experience),
        side_effects=_side_effects(experience),
    )
    refusal = posting_refusal(request.user)
    context = {
        "form": form,
        "treatment": treatment,
        "experience": experience,
        "refusal": refusal,
        "review_notice": None if refusal else posting_review_notice(request.user),
    }
    if request.method == "GET":
        return render(request, FORM_TEMPLATE, context)
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = experience_save(
                author=request.user,
                treatment=treatment,
                started_on=data["started_on"],
                still_on=data["still_on"],
                going=data["going"],
                tips=data["tips"],
                side_effects=data["side_effects"],
                idempotency_key=data["idempotency_key"],
            )
        except PostingLimitExceeded as exc:
            # The form again, with everything she chose and typed (and its key), for later.
            context["limit_message"] = str(exc)
            response = render(request, FORM_TEMPLATE, context, status=HTTPStatus.TOO_MANY_REQUESTS)
            response["Retry-After"] = str(exc.retry_after_seconds)
            return response
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(None, _error_text(exc))
        else:
            note = (
                "Thank you for sharing. Your experience is saved."
                if saved.is_visible
                else "Thank you. Your experience is saved and will appear once a moderator "
                "has looked at it, usually within a day."
            )
            messages.success(request, note)
            return redirect(reverse("treatments:experience", args=[slug, saved.pk]))
    return render(request, FORM_TEMPLATE, context, status=HTTPStatus.BAD_REQUEST)


@login_required
@require_POST
def experience_delete_view(request: MemberRequest, slug: str) -> HttpResponse:
    """Remove her experience of this treatment for good."""
    treatment = _treatment(slug)
    experience = selectors.experience_of(treatment=treatment, member=request.user)
    if experience is None:
        raise Http404
    experience_delete(experience=experience, actor=request.user)
    messages.success(request, "Your experience is removed.")
    return redirect(reverse("treatments:detail", args=[slug]))


@require_GET
def experience_list_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Every experience of one treatment, 20 a page: members only (404 for visitors)."""
    if not viewer_is_member(request.user):
        raise Http404
    treatment = _treatment(slug)
    page = Paginator(
        selectors.experience_list_visible(treatment=treatment, viewer=request.user),
        selectors.EXPERIENCES_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request, "treatments/experience_list.html", {"treatment": treatment, "page": page}
    )


@require_GET
def experience_detail_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One experience: members only; visitors and hidden ones answer 404."""
    treatment = _treatment(slug)
    experience = selectors.experience_get_visible(treatment=treatment, pk=pk, viewer=request.user)
    if experience is None:
        raise Http404
    return render(
        request,
        "treatments/experience_detail.html",
        {"treatment": treatment, "experience": experience},
    )


@login_required
@require_GET
def my_experiences_view(request: MemberRequest) -> HttpResponse:
    """The treatments on her profile, each with "share" or "update" (the welcome flow links
    here)."""
    return render(
        request,
        "treatments/my_experiences.html",
        {
            "prompts": selectors.experience_prompts_for(member=request.user),
            "treatments": Treatment.objects.order_by("name"),
        },
    )


@login_required
@require_GET
def my_experience_start_view(request: MemberRequest) -> HttpResponse:
    """The "pick a treatment" form of My experiences, without JavaScript: on to its form."""
    slug = _slug_from(request, "treatment")
    if not slug or not Treatment.objects.filter(slug=slug).exists():
        messages.error(request, "Please choose a treatment from the list.")
        return redirect("treatments:my_experiences")
    return redirect("treatments:experience_edit", slug=slug)


def _slug_from(request: HttpRequest, name: str) -> str:
    """A slug-shaped value of a GET parameter, else "" (a NUL byte never reaches the database)."""
    value = request.GET.get(name, "")[:120]
    return value if slug_re.fullmatch(value) else ""


def _picked(request: HttpRequest, name: str) -> Treatment | None:
    slug = _slug_from(request, name)
    return Treatment.objects.filter(slug=slug).first() if slug else None


@login_required
@require_GET
def compare_view(request: MemberRequest) -> HttpResponse:
    """Two treatments' figures side by side, for everyone or for people like her."""
    first, second = _picked(request, "a"), _picked(request, "b")
    like = viewer_like_me(viewer=request.user, chosen=request.GET.getlist("like"))
    context: dict[str, Any] = {
        "treatments": Treatment.objects.order_by("name"),
        "first": first,
        "second": second,
        "like": like,
        "like_choices": LIKE_CHOICES,
        "rows": None,
    }
    if first is not None and second is not None:
        figures = figures_for(treatments=[first, second], cohort=like.cohort, limit=None)
        context["a_figures"] = figures[first.pk]
        context["b_figures"] = figures[second.pk]
        context["rows"] = figures_compare(figures[first.pk], figures[second.pk])
    return render(request, "treatments/compare.html", context)
