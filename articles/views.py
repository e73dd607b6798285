"""Thin views: read through selectors (which take the viewer), write through services."""

from dataclasses import replace
from http import HTTPStatus
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import MemberRequest
from catalogue.models import Topic
from core.form_fields import MAX_PK
from core.hugs import HUG_BUTTON_TEMPLATE, NotHuggable, hug_button_context, hug_wanted
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
from .forms import CommentEditForm, CommentForm
from .member_pages import article_page_shared
from .models import Article, Comment
from .page_cache import article_page_parts
from .thread_cache import THREAD_TEMPLATE, thread_is_shared, thread_key_facts, thread_render

ANCHOR = "#comment-{}"


def _htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request (django-htmx sets request.htmx)."""
    return bool(getattr(request, "htmx", False))


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@require_GET
def article_list_view(request: HttpRequest) -> HttpResponse:
    topic = None
    if slug := request.GET.get("topic", "")[:80]:
        topic = Topic.objects.filter(slug=slug).first()
    page = Paginator(selectors.article_list_published(topic=topic), selectors.ARTICLES_PER_PAGE)
    context = {
        "page": page.get_page(request.GET.get("page")),
        "topics": Topic.objects.all(),
        "topic": topic,
    }
    return render(request, "articles/article_list.html", context)


@require_GET
def topic_view(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    page = Paginator(selectors.article_list_published(topic=topic), selectors.ARTICLES_PER_PAGE)
    context = {
        "topic": topic,
        "topic_list": [topic],
        "page": page.get_page(request.GET.get("page")),
        "forum_installed": apps.is_installed("forum"),
    }
    return render(request, "articles/topic_detail.html", context)


def _get_article(request: HttpRequest, slug: str) -> Article:
    article = selectors.article_get_for_viewer(slug=slug, viewer=request.user)
    if article is None:
        raise Http404("No such article.")
    return article


def _comment_context(
    request: HttpRequest,
    article: Article,
    *,
    page: int | None = None,
    form: CommentForm | None = None,
    reply_form: CommentForm | None = None,
    reply_parent_id: int | None = None,
    form_error: str = "",
    posted: str = "",
) -> dict[str, Any]:
    member = viewer_is_member(request.user)
    refusal = posting_refusal(request.user) if member else None
    # Said before she writes: her comment would wait for review (moderation's own rules).
    review_notice = posting_review_notice(request.user) if member and not refusal else None
    # A page shared by members shows nobody's hugs (core.member_pages puts hers in).
    neutral = is_rendering_member_page(request)
    # Before the comments, so a shared thread is never stored under a key newer than its rows.
    key_facts = [] if neutral else thread_key_facts(article=article)
    comments = selectors.comment_list_for_article(
        article=article, viewer=request.user, page=page or _page_number(request)
    )
    if neutral:
        comments = replace(comments, hugged_ids=set())
    context: dict[str, Any] = {
        "article": article,
        "is_member": member,
        "comments": comments,
        "hugged_ids": comments.hugged_ids,
        "form": form or CommentForm(),
        "reply_form": reply_form,
        "reply_parent_id": reply_parent_id,
        "form_error": form_error,
        "posting_refusal": refusal,
        "review_notice": review_notice,
        "posted_message": posted,
        "edit_window_minutes": services.settings.EDIT_WINDOW_MINUTES,
    }
    if comments.items and comments.page is not None and neutral:
        context["thread_html"] = render_to_string(THREAD_TEMPLATE, context, request)
    elif comments.items and comments.page is not None:
        # A new member's notice sits in every reply box, so she never shares the thread (the
        # link-trust notice is on the main form only: it would unshare most readers' pages).
        shared = (
            reply_parent_id is None
            and not (review_notice and review_notice.every_post)
            and not form_error
            and thread_is_shared(
                article=article,
                viewer=request.user,
                moderator=comments.viewer_is_moderator,
                refusal=refusal,
            )
        )
        context["thread_html"] = thread_render(
            request=request,
            context=context,
            article=article,
            page_number=comments.page.number,
            shared=shared,
            key_facts=key_facts,
        )
    return context


def _article_context(
    request: HttpRequest, article: Article, **comment_options: Any
) -> dict[str, Any]:
    context = _comment_context(request, article, **comment_options)
    context["parts"] = article_page_parts(article=article)
    context["newsletter_installed"] = apps.is_installed("newsletter")
    context["forum_installed"] = apps.is_installed("forum")
    # Offered with the care-team list's own "add" form, which posts to the treatments app.
    context["care_list_installed"] = apps.is_installed("treatments")
    context["suggested_questions"] = selectors.article_suggested_questions(article=article)
    return context


def _render_article(
    request: HttpRequest, article: Article, status: int = HTTPStatus.OK, **comment_options: Any
) -> HttpResponse:
    context = _article_context(request, article, **comment_options)
    return render(request, "articles/article_detail.html", context, status=status)


def _article_page_for_sharing(
    request: HttpRequest, slug: str
) -> tuple[HttpResponse, dict[str, Any]]:
    """The article page as any ordinary member sees it, and what her hugs' swaps need."""
    article = _get_article(request, slug)
    context = _article_context(request, article)
    comments = context["comments"]
    hug_counts = {
        comment.pk: comment.hug_count
        for item in comments.items
        for comment in (item.comment, *item.replies)
    }
    number = comments.page.number if comments.page is not None else 1
    facts = {"hug_counts": hug_counts, "shareable": number == _page_number(request)}
    return render(request, "articles/article_detail.html", context), facts


def _render_comments(
    request: HttpRequest, article: Article, **comment_options: Any
) -> HttpResponse:
    # htmx swaps only 2xx answers, so refusals come back as 200 with the message in the form.
    return render(
        request,
        "articles/includes/comments.html",
        _comment_context(request, article, **comment_options),
    )


@require_GET
def article_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    shared = article_page_shared(
        request, slug=slug, render=lambda: _article_page_for_sharing(request, slug)
    )
    if shared is not None:
        return shared
    article = _get_article(request, slug)
    if _htmx(request) and viewer_is_member(request.user):
        return _render_comments(request, article)
    return _render_article(request, article)


@login_required
@require_GET
def comment_page_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The comment section alone (htmx pagination); members only."""
    article = _get_article(request, slug)
    return _render_comments(request, article)


def _limited(
    request: HttpRequest, article: Article, form: CommentForm, exc: PostingLimitExceeded
) -> HttpResponse:
    # The same key: the "Try again" form is this post, not a new one.
    initial = {key: form.cleaned_data[key] for key in ("body", "idempotency_key")}
    context = {
        "article": article,
        "limit_message": str(exc),
        "form": CommentForm(initial=initial),
    }
    status = HTTPStatus.OK if _htmx(request) else HTTPStatus.TOO_MANY_REQUESTS
    template = (
        "articles/includes/limited.html" if _htmx(request) else "articles/posting_limited.html"
    )
    response = render(request, template, context, status=status)
    response["Retry-After"] = str(exc.retry_after_seconds)
    return response


@login_required
@require_POST
def comment_create_view(request: MemberRequest, slug: str) -> HttpResponse:
    article = _get_article(request, slug)
    form = CommentForm(request.POST)
    parent: Comment | None = None
    error = ""
    if form.is_valid():
        if parent_id := form.cleaned_data.get("parent"):
            parent = selectors.comment_get_for_viewer(
                article=article, pk=parent_id, viewer=request.user
            )
            if parent is None:
                raise Http404("No such comment.")
        try:
            comment = services.comment_create(
                article=article,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except PostingLimitExceeded as exc:
            return _limited(request, article, form, exc)
        except PermissionDenied as exc:
            if not _htmx(request):
                return _render_article(
                    request,
                    article,
                    status=HTTPStatus.FORBIDDEN,
                    form=form,
                    form_error=_error_text(exc),
                )
            error = _error_text(exc)
        except ValidationError as exc:
            form.add_error(None, _error_text(exc))
        else:
            page = selectors.comment_page_number(comment=comment, viewer=request.user)
            kind = "reply" if comment.parent_id else "comment"
            said = posted_message(
                kind=kind, held=comment.moderation_state == ModerationState.PENDING
            )
            if _htmx(request):
                return _render_comments(request, article, page=page, posted=said)
            messages.success(request, said)
            return redirect(f"{article.get_absolute_url()}?page={page}{ANCHOR.format(comment.pk)}")
    reply_parent_id = request.POST.get("parent", "")
    options: dict[str, Any] = {"form_error": error}
    if reply_parent_id.isdigit():
        options.update(reply_form=form, reply_parent_id=int(reply_parent_id))
        # Show the error (and the typed reply) on the page where the reply box was.
        options["page"] = _reply_page(request, article, int(reply_parent_id))
    else:
        options["form"] = form
    if _htmx(request):
        return _render_comments(request, article, **options)
    return _render_article(request, article, status=HTTPStatus.BAD_REQUEST, **options)


def _reply_page(request: HttpRequest, article: Article, parent_id: int) -> int:
    if "page" in request.GET:  # htmx posts say which page they came from
        return _page_number(request)
    if parent_id > MAX_PK:
        return 1
    parent = selectors.comment_get_for_viewer(article=article, pk=parent_id, viewer=request.user)
    if parent is None:
        return 1
    return selectors.comment_page_number(comment=parent, viewer=request.user)


def _own_comment(request: HttpRequest, slug: str, pk: int) -> tuple[Article, Comment]:
    article = _get_article(request, slug)
    comment = selectors.comment_get_for_author(article=article, pk=pk, viewer=request.user)
    if comment is None:
        raise Http404("No such comment.")
    return article, comment


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit_view(request: MemberRequest, slug: str, pk: int) -> HttpResponse:
    article, comment = _own_comment(request, slug, pk)
    can_edit = services.comment_can_edit(comment=comment, user=request.user)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            was_visible = comment.moderation_state == ModerationState.VISIBLE
            try:
                edited = services.comment_update(
                    comment=comment, editor=request.user, body=form.cleaned_data["body"]
                )
            except PermissionDenied as exc:
                form.add_error(None, _error_text(exc))
                status = HTTPStatus.FORBIDDEN
            except ValidationError as exc:
                form.add_error(None, _error_text(exc))
                status = HTTPStatus.BAD_REQUEST
            else:
                if _htmx(request):
                    # The fragment's own explanation box says it waits, if it does.
                    return _comment_fragment(request, article, comment.pk)
                if was_visible and edited.moderation_state == ModerationState.PENDING:
                    kind = "reply" if edited.parent_id else "comment"
                    messages.info(request, edit_held_message(kind=kind))
                return redirect(f"{article.get_absolute_url()}{ANCHOR.format(comment.pk)}")
        else:
            status = HTTPStatus.BAD_REQUEST
    elif not can_edit:
        status = HTTPStatus.FORBIDDEN
    context = {"article": article, "comment": comment, "form": form, "can_edit": can_edit}
    if _htmx(request):
        return render(request, "articles/includes/comment_edit_form.html", context)
    return render(request, "articles/comment_edit.html", context, status=status)


def _comment_fragment(request: HttpRequest, article: Article, pk: int) -> HttpResponse:
    comment = selectors.comment_get_for_viewer(article=article, pk=pk, viewer=request.user)
    if comment is None:
        raise Http404("No such comment.")
    hugged = set(
        comment.hugs.filter(member_id=request.user.pk).values_list("comment_id", flat=True)
    )
    context = {
        "article": article,
        "comment": comment,
        "hugged_ids": hugged,
        "is_member": True,
        "is_reply": comment.parent_id is not None,
        "posting_refusal": posting_refusal(request.user),
        "moderator": viewer_is_moderator(request.user),
        "edit_window_minutes": services.settings.EDIT_WINDOW_MINUTES,
    }
    return render(request, "articles/includes/comment.html", context)


@login_required
@require_GET
def comment_detail_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One comment as an htmx fragment (after an edit, or its cancel); members only."""
    article = _get_article(request, slug)
    if not _htmx(request):
        comment = selectors.comment_get_for_viewer(article=article, pk=pk, viewer=request.user)
        if comment is None:
            raise Http404("No such comment.")
        page = selectors.comment_page_number(comment=comment, viewer=request.user)
        return redirect(f"{article.get_absolute_url()}?page={page}{ANCHOR.format(pk)}")
    return _comment_fragment(request, article, pk)


@login_required
@require_POST
def comment_delete_view(request: MemberRequest, slug: str, pk: int) -> HttpResponse:
    article, comment = _own_comment(request, slug, pk)
    services.comment_delete(comment=comment, actor=request.user)
    if _htmx(request):
        return _render_comments(request, article, page=_page_number(request))
    return redirect(f"{article.get_absolute_url()}#comments")


@login_required
@require_POST
def comment_hug_view(request: MemberRequest, slug: str, pk: int) -> HttpResponse:
    article = _get_article(request, slug)
    comment = selectors.comment_get_for_viewer(article=article, pk=pk, viewer=request.user)
    if comment is None:
        raise Http404("No such comment.")
    hugged = hug_wanted(request.POST)
    try:
        count = services.comment_hug_set(member=request.user, target=comment, hugged=hugged)
    except NotHuggable:
        raise Http404("No such comment.") from None
    if _htmx(request):
        url = reverse("articles:comment_hug", kwargs={"slug": article.slug, "pk": comment.pk})
        context = hug_button_context(
            kind="comment", pk=comment.pk, url=url, hugged=hugged, count=count, look="heart"
        )
        return render(request, HUG_BUTTON_TEMPLATE, context)
    page = selectors.comment_page_number(comment=comment, viewer=request.user)
    return redirect(f"{article.get_absolute_url()}?page={page}{ANCHOR.format(comment.pk)}")
