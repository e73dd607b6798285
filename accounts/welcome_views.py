"""The welcome flow's pages and "send the confirmation link again". Thin: forms and services."""

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .forms import ResendConfirmationForm, WelcomeHealthForm, WelcomeRoleForm
from .models import Profile, User
from .resend import ResendOutcome, confirmation_resend
from .services import health_consent_active, profile_health_update, profile_role_update
from .signup_form import SIGNUP_EMAIL_SESSION_KEY
from .welcome import (
    STEP_SLUGS,
    STEPS,
    members_like_me_query,
    step_after,
    step_before,
    step_index,
    topics_for_profile,
    welcome_finish,
    welcome_resume_step,
    welcome_step_reach,
)

FORMS: dict[str, type[WelcomeRoleForm | WelcomeHealthForm]] = {
    "role": WelcomeRoleForm,
    "health": WelcomeHealthForm,
}


def _member(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # behind login_required
    return request.user


@login_required
@require_GET
def welcome_view(request: HttpRequest) -> HttpResponse:
    return redirect("accounts:welcome_step", step=welcome_resume_step(user=_member(request)))


def _next_url(step: str) -> str:
    following = step_after(step)
    if following is None:
        return reverse("home")
    return reverse("accounts:welcome_step", kwargs={"step": following})


def _form_for(
    step: str, user: User, profile: Profile, data: Any = None
) -> WelcomeRoleForm | WelcomeHealthForm | None:
    form_class = FORMS.get(step)
    if form_class is None:
        return None
    kwargs: dict[str, Any] = {"instance": profile}
    if step == "health":
        consent = health_consent_active(user=user)
        kwargs["consent_active"] = consent
        kwargs["initial"] = {"health_consent": consent}
    return form_class(data, **kwargs) if data is not None else form_class(**kwargs)


def _save(step: str, user: User, form: WelcomeRoleForm | WelcomeHealthForm) -> None:
    data = form.cleaned_data
    if step == "role":
        profile_role_update(user=user, role=data["role"], role_visibility=data["role_visibility"])
    else:
        profile_health_update(
            user=user,
            health_consent=data["health_consent"],
            profile_data=data,
            current_treatments=data["current_treatments"],
            past_treatments=data["past_treatments"],
        )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def welcome_step_view(request: HttpRequest, step: str) -> HttpResponse:
    if step not in STEP_SLUGS:
        raise Http404("No such step.")
    user = _member(request)
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.user = user
    status = HTTPStatus.OK
    if request.method == "POST":
        if "later" in request.POST:
            messages.info(
                request,
                "No problem: we have kept your place. Pick it up from your home page "
                "whenever you like.",
            )
            return redirect("home")
        form = _form_for(step, user, profile, request.POST)
        if "skip" in request.POST or form is None:
            return redirect(_next_url(step))
        if form.is_valid():
            _save(step, user, form)
            return redirect(_next_url(step))
        status = HTTPStatus.BAD_REQUEST
    else:
        welcome_step_reach(user=user, step=step)
        if step_after(step) is None:
            welcome_finish(user=user)  # she has seen every step
        form = _form_for(step, user, profile)
    guide_topics = topics_for_profile(profile) if step == "next" else []
    context = {
        "step": step,
        "steps": STEPS,
        "step_number": step_index(step) + 1,
        "form": form,
        "previous_step": step_before(step),
        "guide_topic": guide_topics[0] if guide_topics else None,
        "members_query": members_like_me_query(profile),
        "is_caregiver_role": profile.role not in ("", Profile.Role.LIVING_WITH),
        "has_diagnosis": bool(
            profile.her2_status or profile.hormone_status or profile.diagnosis_type
        ),
        "review_hours": settings.MODERATION_NEW_MEMBER_HOURS,
    }
    return render(request, f"accounts/welcome/{step}.html", context, status=status)


@never_cache
@require_POST
def resend_confirmation_view(request: HttpRequest) -> HttpResponse:
    """The check-your-inbox page's form: the same answer whatever the address."""
    form = ResendConfirmationForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "account/verification_sent.html",
            {"resend_form": form},
            status=HTTPStatus.BAD_REQUEST,
        )
    email = form.cleaned_data["email"]
    request.session[SIGNUP_EMAIL_SESSION_KEY] = email
    outcome = confirmation_resend(request=request, email=email)
    if outcome is ResendOutcome.RATE_LIMITED:
        form.add_error(
            "email",
            "You have asked for several links in a short time. Please wait an hour, and look "
            "in your spam folder meanwhile: the earlier links still work.",
        )
        return render(
            request,
            "account/verification_sent.html",
            {"resend_form": form},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    messages.success(
        request,
        f"We have sent an email to {email}. If you joined with it, it holds a new link; "
        "it may take a few minutes to arrive.",
    )
    return redirect("account_email_verification_sent")


@login_required
@require_POST
def welcome_dismiss_view(request: HttpRequest) -> HttpResponse:
    """ "No thanks" on the home page's prompt: stop offering the welcome flow."""
    welcome_finish(user=_member(request))
    messages.info(request, "Done. Everything it offered is in your settings whenever you want it.")
    return redirect("home")
