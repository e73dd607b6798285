"""Thin views over the updates: read through selectors (which take the viewer), write through
services. A member-only page answers a visitor 404, exactly as a missing one."""

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import MemberRequest
from core.hugs import HUG_BUTTON_TEMPLATE, NotHuggable, hug_button_context, hug_wanted
from core.viewer import viewer_is_member
from moderation.policy import PostingLimitExceeded, posting_state

from . import selectors, services
from .card_cache import cards_fill
from .feed import TABS, TEAM, FeedItem, feed_page
from .forms import UpdateCommentEditForm, UpdateCommentForm, UpdateEditForm, UpdateForm
from .models import Update, UpdateComment
from .pages import member_activities_context

FEED_PAGE_SIZE = 20


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def members_only(view: Any) -> Any:
    """For a member's item (an update, her Activities page): visitors get 404, exactly as for
    a missing one. Pages that are no item (the feed, the team) send visitors to log in."""

    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not viewer_is_member(request.user):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _posting_context(request: HttpRequest) -> dict[str, Any]:
    """Whether she may post, and if her post would wait for review, what to tell her first
    (moderation's notice above the form; none when she may not post at all)."""
    refusal, notice = posting_state(request.user)  # one query for both
    return {"posting_refusal": refusal, "review_notice": notice}


def _tab(request: HttpRequest) -> str:
    tab = request.GET.get("tab", TEAM)
    return tab if tab in TABS else TEAM


def _feed_context(request: HttpRequest, *, form: UpdateForm | None = None) -> dict[str, Any]:
    tab = _tab(request)
    page = feed_page(
        viewer=request.user,  # type: ignore[arg-type]
        tab=tab,
        before=request.GET.get("before"),
        size=FEED_PAGE_SIZE,
    )
    return {
        "page": page,
        "tab": tab,
        "form": form or UpdateForm(),
        **_posting_context(request),
        "next_url": reverse("activities:feed") + (f"?tab={tab}" if tab != TEAM else ""),
    }


@login_required
@require_GET
def feed_view(request: HttpRequest) -> HttpResponse:
    """/activities/: the post box and the feed; htmx asks for the next items only."""
    context = _feed_context(request)
    cards_fill(request=request, context=context)
    if _htmx(request) and request.GET.get("before"):
        return render(request, "activities/includes/feed_items.html", context)
    return render(request, "activities/feed.html", context)


def _safe_next(request: HttpRequest, fallback: str, *, referer: bool = False) -> str:
    target = request.POST.get("next", "")
    if not target and referer:  # the shared hug button carries no `next`: back to its page
        target = request.META.get("HTTP_REFERER", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _limited(request: HttpRequest, template: str, context: dict[str, Any], exc: Exception) -> Any:
    context["limit_message"] = str(exc)
    response = render(request, template, context, status=HTTPStatus.TOO_MANY_REQUESTS)
    response["Retry-After"] = str(getattr(exc, "retry_after_seconds", 3600))
    return response


@login_required
@require_POST
def update_create_view(request: MemberRequest) -> HttpResponse:
    """Post an update from the feed or her Activities page; errors come back on the feed."""
    form = UpdateForm(request.POST)
    status = HTTPStatus.BAD_REQUEST
    if form.is_valid():
        try:
            update = services.update_create(
                author=request.user,
                body=form.cleaned_data["body"],
                tag=form.cleaned_data["tag"],
                audience=form.cleaned_data["audience"],
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except PostingLimitExceeded as exc:
            return _limited(request, "activities/feed.html", _feed_context(request, form=form), exc)
        except PermissionDenied as exc:
            form.add_error(None, _error_text(exc))
            status = HTTPStatus.FORBIDDEN
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            return HttpResponseRedirect(_safe_next(request, update.get_absolute_url()))
    return render(request, "activities/feed.html", _feed_context(request, form=form), status=status)


def _get_update(request: HttpRequest, pk: int) -> Update:
    update = selectors.update_get_visible(viewer=request.user, pk=pk)
    if update is None:
        raise Http404("No such update.")
    return update


def _detail_context(
    request: HttpRequest,
    update: Update,
    *,
    form: UpdateCommentForm | None = None,
    reply_form: UpdateCommentForm | None = None,
    reply_parent_id: int | None = None,
) -> dict[str, Any]:
    hugged = update.pk in selectors.update_hugged_ids(viewer=request.user, update_ids=[update.pk])
    return {
        "update": update,
        "detail_item": FeedItem(
            kind="update", created_at=update.created_at, pk=update.pk, post=update, hugged=hugged
        ),
        "comments": selectors.update_comments_visible(update=update, viewer=request.user),
        "form": form or UpdateCommentForm(),
        "reply_form": reply_form,
        "reply_parent_id": reply_parent_id,
        **_posting_context(request),
        "can_edit": services.update_can_edit(update=update, user=request.user),
        "edit_window_minutes": settings.EDIT_WINDOW_MINUTES,
    }


@members_only
@require_GET
def update_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    update = _get_update(request, pk)
    return render(request, "activities/update_detail.html", _detail_context(request, update))


def _own_update(request: HttpRequest, pk: int) -> Update:
    update = _get_update(request, pk)
    if update.author_id != request.user.pk:
        raise Http404("No such update.")
    return update


@login_required
@require_http_methods(["GET", "POST"])
def update_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    update = _own_update(request, pk)
    can_edit = services.update_can_edit(update=update, user=request.user)
    initial = {"body": update.body, "tag": update.tag, "audience": update.audience}
    form = UpdateEditForm(request.POST or None, initial=initial)
    status = HTTPStatus.OK if can_edit else HTTPStatus.FORBIDDEN
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            try:
                services.update_edit(update=update, editor=request.user, **form.cleaned_data)
            except PermissionDenied as exc:
                form.add_error(None, _error_text(exc))
                status = HTTPStatus.FORBIDDEN
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
            else:
                return redirect(update)
    context = {"update": update, "form": form, "can_edit": can_edit}
    return render(request, "activities/update_edit.html", context, status=status)


@login_required
@require_POST
def update_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    update = _own_update(request, pk)
    services.update_delete(update=update, actor=request.user)
    return redirect(reverse("activities:member", kwargs={"handle": request.user.handle}))


@login_required
@require_POST
def update_hug_view(request: MemberRequest, pk: int) -> HttpResponse:
    update = _get_update(request, pk)
    hugged = hug_wanted(request.POST)
    try:
        count = services.update_hug_set(member=request.user, target=update, hugged=hugged)
    except NotHuggable:
        raise Http404("No such update.") from None
    if _htmx(request):
        url = reverse("activities:update_hug", kwargs={"pk": update.pk})
        context = hug_button_context(
            kind="update", pk=update.pk, url=url, hugged=hugged, count=count
        )
        return render(request, HUG_BUTTON_TEMPLATE, context)
    return HttpResponseRedirect(_safe_next(request, update.get_absolute_url(), referer=True))


@login_required
@require_POST
def comment_create_view(request: MemberRequest, pk: int) -> HttpResponse:
    update = _get_update(request, pk)
    form = UpdateCommentForm(request.POST)
    status = HTTPStatus.BAD_REQUEST
    if form.is_valid():
        parent: UpdateComment | None = None
        if parent_id := form.cleaned_data.get("parent"):
            parent = selectors.update_comment_get_visible(viewer=request.user, pk=parent_id)
            if parent is None or parent.update_id != update.pk:
                raise Http404("No such comment.")
        try:
            comment = services.update_comment_create(
                update=update,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except PostingLimitExceeded as exc:
            context = _detail_context(request, update, form=form)
            return _limited(request, "activities/update_detail.html", context, exc)
        except PermissionDenied as exc:
            form.add_error(None, _error_text(exc))
            status = HTTPStatus.FORBIDDEN
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            return redirect(comment.get_absolute_url())
    options: dict[str, Any] = {"form": form}
    reply_parent_id = request.POST.get("parent", "")
    if reply_parent_id.isdigit() and len(reply_parent_id) < 19:
        options = {"reply_form": form, "reply_parent_id": int(reply_parent_id)}
    context = _detail_context(request, update, **options)
    return render(request, "activities/update_detail.html", context, status=status)


def _own_comment(request: HttpRequest, pk: int) -> UpdateComment:
    comment = (
        UpdateComment.objects.select_related("update")
        .filter(pk=pk, author_id=request.user.pk)
        .exclude(moderation_state="removed")
        .first()
    )
    if (
        comment is None
        or selectors.update_get_visible(viewer=request.user, pk=comment.update_id) is None
    ):
        raise Http404("No such comment.")
    return comment


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    can_edit = services.update_comment_can_edit(comment=comment, user=request.user)
    form = UpdateCommentEditForm(request.POST or None, initial={"body": comment.body})
    status = HTTPStatus.OK if can_edit else HTTPStatus.FORBIDDEN
    if request.method == "POST":
        status = HTTPStatus.BAD_REQUEST
        if form.is_valid():
            try:
                services.update_comment_edit(
                    comment=comment, editor=request.user, body=form.cleaned_data["body"]
                )
            except PermissionDenied as exc:
                form.add_error(None, _error_text(exc))
                status = HTTPStatus.FORBIDDEN
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
            else:
                return redirect(comment.get_absolute_url())
    context = {"comment": comment, "form": form, "can_edit": can_edit}
    return render(request, "activities/comment_edit.html", context, status=status)


@login_required
@require_POST
def comment_delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    comment = _own_comment(request, pk)
    services.update_comment_delete(comment=comment, actor=request.user)
    return redirect(comment.update)


@members_only
@require_GET
def member_activities_view(request: HttpRequest, handle: str) -> HttpResponse:
    """/members/<handle>/activities/: her updates the viewer may see (and, if she allows it,
    her recent questions and answers)."""
    context = member_activities_context(
        viewer=request.user,  # type: ignore[arg-type]
        handle=handle,
        before=request.GET.get("before"),
        size=FEED_PAGE_SIZE,
    )
    if context is None:
        raise Http404("No such member.")
    context["form"] = UpdateForm()
    context.update(_posting_context(request) if context["is_owner"] else {})
    context["next_url"] = request.path
    cards_fill(request=request, context=context)
    if _htmx(request) and request.GET.get("before"):
        return render(request, "activities/includes/feed_items.html", context)
    return render(request, "activities/member_activities.html", context)
