from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import ReportForm
from .items import item_lookup, item_state, item_url, item_visible_to
from .models import ModerationState
from .services import report_create


@login_required
def report_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """GET shows the report form; POST files the report and thanks the member."""
    item = item_lookup(kind=kind, pk=pk)
    # Only what this member can see can be reported; anything else is simply not found.
    if item is None or item_state(item) != ModerationState.VISIBLE:
        raise Http404
    if not item_visible_to(item, viewer=request.user):
        raise Http404
    fragment = bool(getattr(request, "htmx", False))
    context = {
        "item": item,
        "kind": kind,
        "pk": pk,
        "back_url": item_url(item),
        "fragment": fragment,
    }
    # Unique ids: several report forms can be open on one page through htmx.
    form = ReportForm(
        request.POST if request.method == "POST" else None, auto_id=f"report-{kind}-{pk}-%s"
    )
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            try:
                report_create(
                    reporter=request.user,
                    item=item,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                template = (
                    "moderation/includes/report_thanks.html"
                    if fragment
                    else "moderation/report_thanks.html"
                )
                return render(request, template, context)
        # htmx 2 does not swap 4xx answers by default, so an inline error must come back as 200
        # or the member sees nothing happen; a full page keeps the honest 400.
        status = HTTPStatus.OK if fragment else HTTPStatus.BAD_REQUEST
    template = "moderation/includes/report_form.html" if fragment else "moderation/report_form.html"
    return render(request, template, {**context, "form": form}, status=status)
