"""Thin views over the services: the list, a conversation, sending, requests, edit, delete."""

from http import HTTPStatus
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.http import MemberRequest
from accounts.models import User
from core.viewer import viewer_is_moderator
from moderation.models import ModerationLogEntry
from moderation.policy import PostingLimitExceeded
from moderation.services import moderation_log_record

from . import rules, selectors, services
from .forms import MessageEditForm, MessageForm, MessagingSettingsForm
from .models import Conversation, Message, Participant


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or rules.NOT_POSSIBLE


def _conversation(request: MemberRequest, pk: int) -> Conversation:
    conversation = selectors.conversation_for_member(member=request.user, pk=pk)
    if conversation is None:
        raise Http404("No such conversation.")
    return conversation


@login_required
@require_GET
def list_view(request: MemberRequest) -> HttpResponse:
    conversations, requests = selectors.conversation_list(member=request.user)
    settings_form = MessagingSettingsForm(
        initial={"requests_open": selectors.requests_open(member_id=request.user.pk)}
    )
    return render(
        request,
        "conversations/list.html",
        {"conversations": conversations, "requests": requests, "settings_form": settings_form},
    )


@login_required
@require_POST
def settings_view(request: MemberRequest) -> HttpResponse:
    form = MessagingSettingsForm(request.POST)
    form.is_valid()
    services.messaging_requests_set(
        member=request.user, requests_open=bool(form.cleaned_data.get("requests_open"))
    )
    return redirect(reverse("conversations:list") + "#settings")


def _detail_context(
    request: MemberRequest,
    conversation: Conversation,
    form: MessageForm | None = None,
    *,
    participant: Participant | None = None,
) -> dict[str, Any]:
    before = request.GET.get("before", "")
    page = selectors.message_page(
        conversation=conversation,
        member=request.user,
        before=int(before) if before.isdigit() else None,
    )
    other = conversation.second if conversation.first_id == request.user.pk else conversation.first
    answer = rules.write_route(sender=request.user, recipient=other, conversation=conversation)
    if participant is None:
        participant = selectors.participant_for(conversation=conversation, member=request.user)
    request_row = getattr(conversation, "request", None)
    return {
        "conversation": conversation,
        "other": other,
        "page": page,
        "form": form or MessageForm(),
        "can_write": answer.route is not None,
        "refusal": answer.refusal,
        "participant": participant,
        "incoming_request": request_row is not None
        and request_row.recipient_id == request.user.pk
        and request_row.status == request_row.Status.PENDING,
    }


def _sent_page(request: MemberRequest, sent: services.Sent) -> HttpResponse:
    if sent.crisis:
        return render(request, "conversations/sent.html", {"sent": sent})
    if sent.held or sent.is_request:
        return render(request, "conversations/sent.html", {"sent": sent})
    return redirect(sent.message.conversation.get_absolute_url() + f"#message-{sent.message.pk}")


def _send(
    request: MemberRequest,
    *,
    recipient: User,
    form: MessageForm,
    conversation: Conversation | None = None,
) -> HttpResponse | None:
    try:
        sent = services.message_send(
            sender=request.user,
            recipient=recipient,
            body=form.cleaned_data["body"],
            idempotency_key=form.cleaned_data["idempotency_key"],
            conversation=conversation,
        )
    except PostingLimitExceeded as exc:
        form.add_error(None, str(exc))
        return None
    except (PermissionDenied, ValidationError) as exc:
        form.add_error(None, _error_text(exc))
        return None
    return _sent_page(request, sent)


@login_required
def detail_view(request: MemberRequest, pk: int) -> HttpResponse:
    conversation = _conversation(request, pk)
    status = HTTPStatus.OK
    form = None
    if request.method == "POST":
        form = MessageForm(request.POST)
        other = (
            conversation.second if conversation.first_id == request.user.pk else conversation.first
        )
        if form.is_valid():
            response = _send(request, recipient=other, form=form, conversation=conversation)
            if response is not None:
                return response
        status = HTTPStatus.BAD_REQUEST
    participant = selectors.participant_for(conversation=conversation, member=request.user)
    if request.method != "POST":
        services.conversation_open(
            member=request.user, conversation=conversation, participant=participant
        )
    context = _detail_context(request, conversation, form, participant=participant)
    template = "conversations/detail.html"
    if getattr(request, "htmx", False) and request.GET.get("before"):
        template = "conversations/includes/messages.html"
    return render(request, template, context, status=status)


@login_required
def new_view(request: MemberRequest, handle: str) -> HttpResponse:
    """Write to a member from her profile: an existing conversation opens instead."""
    other = User.objects.filter(handle=handle, is_active=True, erased_at__isnull=True).first()
    if other is None or other.pk == request.user.pk:
        raise Http404("No such member.")
    existing = selectors.conversation_between(member_id=request.user.pk, other_id=other.pk)
    if existing is not None and selectors.conversation_for_member(
        member=request.user, pk=existing.pk
    ):
        return redirect(existing.get_absolute_url())
    answer = rules.write_route(sender=request.user, recipient=other)
    form = MessageForm(request.POST if request.method == "POST" else None)
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            response = _send(request, recipient=other, form=form)
            if response is not None:
                return response
        status = HTTPStatus.BAD_REQUEST
    return render(
        request,
        "conversations/new.html",
        {
            "other": other,
            "form": form,
            "answer": answer,
            "is_request": answer.route is rules.Route.REQUEST,
        },
        status=status,
    )


@login_required
@require_POST
def request_answer_view(request: MemberRequest, pk: int, answer: str) -> HttpResponse:
    conversation = _conversation(request, pk)
    try:
        if answer == "accept":
            services.message_request_accept(recipient=request.user, conversation=conversation)
            return redirect(conversation.get_absolute_url())
        services.message_request_ignore(recipient=request.user, conversation=conversation)
    except PermissionDenied as exc:
        raise Http404("No such request.") from exc
    return redirect("conversations:list")


@login_required
@require_POST
def side_view(request: MemberRequest, pk: int, action: str) -> HttpResponse:
    conversation = _conversation(request, pk)
    if action == "leave":
        services.conversation_leave(member=request.user, conversation=conversation)
        return redirect("conversations:list")
    services.conversation_mute(
        member=request.user, conversation=conversation, muted=action == "mute"
    )
    return redirect(conversation.get_absolute_url())


def _own_message(request: MemberRequest, pk: int) -> Message:
    message = Message.objects.select_related("conversation").filter(pk=pk).first()
    if message is None or message.author_id != request.user.pk:
        raise Http404("No such message.")
    return message


@login_required
def edit_view(request: MemberRequest, pk: int) -> HttpResponse:
    message = _own_message(request, pk)
    if message.is_removed or not services.edit_window_open(message):
        raise Http404("No such message.")
    form = MessageEditForm(
        request.POST if request.method == "POST" else None, initial={"body": message.body}
    )
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            try:
                services.message_edit(
                    author=request.user, message=message, body=form.cleaned_data["body"]
                )
            except (PermissionDenied, ValidationError) as exc:
                form.add_error(None, _error_text(exc))
            else:
                return redirect(message.get_absolute_url())
        status = HTTPStatus.BAD_REQUEST
    return render(
        request, "conversations/edit.html", {"message": message, "form": form}, status=status
    )


@login_required
@require_POST
def delete_view(request: MemberRequest, pk: int) -> HttpResponse:
    message = _own_message(request, pk)
    services.message_delete(author=request.user, message=message)
    return redirect(message.get_absolute_url())


@login_required
@require_GET
def message_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A participant lands in the conversation; a moderator reads a held or reported message
    with the few before it (logged each time); anyone else finds nothing."""
    message = Message.objects.select_related("conversation").filter(pk=pk).first()
    if message is None:
        raise Http404("No such message.")
    if selectors.message_visible_to(message, request.user):
        return redirect(message.get_absolute_url())
    if not viewer_is_moderator(request.user):
        raise Http404("No such message.")
    case = selectors.message_open_to_moderators(message=message)
    if case is None:
        raise Http404("No such message.")
    shown = selectors.message_context_for_review(message=message)
    moderation_log_record(
        actor=request.user,
        action=ModerationLogEntry.Action.READ_PRIVATE,
        item=message,
        reason=f"Case #{case.pk}: read the message and {len(shown) - 1} before it.",
    )
    return render(
        request, "conversations/review.html", {"message": message, "shown": shown, "case": case}
    )
