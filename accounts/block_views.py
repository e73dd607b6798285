"""Block and unblock from a profile, and the list of blocks in settings. Nobody is told."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from .blocks import member_block, member_blocks_list, member_unblock
from .http import MemberRequest
from .models import User


@login_required
@require_POST
def block_view(request: MemberRequest, handle: str) -> HttpResponse:
    other = User.objects.filter(handle=handle, is_active=True, erased_at__isnull=True).first()
    if other is None:
        raise Http404("No such member.")
    try:
        member_block(blocker=request.user, blocked=other)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(other)
    messages.success(
        request,
        f"You blocked {other.public_name}. You will not see each other's updates or posts on "
        "your Activities pages, and they are not told. You can undo this in your settings.",
    )
    return redirect("accounts:blocks")


@login_required
@require_POST
def unblock_view(request: MemberRequest, handle: str) -> HttpResponse:
    other = User.objects.filter(handle=handle).first()
    if other is None:
        raise Http404("No such member.")
    if member_unblock(blocker=request.user, blocked=other):
        messages.success(request, f"You unblocked {other.public_name}.")
    return redirect("accounts:blocks")


@login_required
@require_GET
def blocks_view(request: MemberRequest) -> HttpResponse:
    blocks = list(member_blocks_list(member=request.user)[:500])
    return render(request, "accounts/blocks.html", {"blocks": blocks})
