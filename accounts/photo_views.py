"""The photo section of the settings page, and the members-only view that serves photos."""

import logging
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.uploads import upload_was_too_large

from .forms import PhotoForm
from .http import MemberRequest
from .models import Profile, User
from .photo_selectors import photo_profile_for_viewer
from .photo_services import (
    profile_photo_remove,
    profile_photo_set,
    profile_photo_visibility_update,
)
from .photo_store import photo_file_open, photo_signed_url
from .photos import PHOTO_CONTENT_TYPE, PHOTO_SIZES, TOO_BIG

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "We could not store your photo just now. Nothing has changed; please try again in a "
    "few minutes."
)

# A photo's address changes with every upload, so a browser may keep it: privately, for a day.
_BROWSER_SECONDS = 24 * 3600


def _photo_apply(*, user: User, form: PhotoForm, request: HttpRequest) -> str:
    data = form.cleaned_data
    if request.POST.get("remove"):
        profile_photo_remove(user=user)
        return "Your photo is removed. Members now see your initials."
    if upload_was_too_large(request):
        raise ValidationError(TOO_BIG, code="too_big")
    profile_photo_visibility_update(user=user, visibility=data["photo_visibility"])
    upload = data["photo"]
    if upload is None:
        return "Your photo settings are saved."
    profile_photo_set(user=user, stream=upload, size=upload.size)
    return "Your new photo is saved."


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def photo_settings_view(request: MemberRequest) -> HttpResponse:
    """Upload, replace or remove her photo and choose who sees it. Works without JavaScript:
    success goes back to the settings page; a problem shows this section alone, explained."""
    user = request.user
    profile, _ = Profile.objects.get_or_create(user=user)
    status = HTTPStatus.OK
    if request.method == "POST":
        form = PhotoForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                message = _photo_apply(user=user, form=form, request=request)
            except ValidationError as exc:
                form.add_error("photo", exc)
            except OSError:
                # The storage failed (disk, network): nothing was half-stored (photo_store).
                logger.exception("profile photo could not be stored")
                form.add_error("photo", STORAGE_FAILED)
            else:
                messages.success(request, message)
                return redirect(f"{reverse('accounts:settings')}#photo")
        status = HTTPStatus.BAD_REQUEST
        profile.refresh_from_db()
    else:
        form = PhotoForm(initial={"photo_visibility": profile.photo_visibility})
    context = {"photo_form": form, "photo_profile": profile}
    return render(request, "accounts/photo.html", context, status=status)


@require_GET
def photo_view(request: HttpRequest, key: str, size: int) -> HttpResponseBase:
    """One stored size of a photo, for a viewer allowed to see it; 404 for anyone else,
    exactly as for a photo that does not exist (visitors always)."""
    profile = photo_profile_for_viewer(key=key, viewer=request.user)
    if profile is None or size not in PHOTO_SIZES:
        raise Http404("No such photo.")
    signed = photo_signed_url(key=key, size=size)
    response: HttpResponseBase
    if signed is not None:
        # Object storage: a signed address made for this viewer now, lapsing in minutes.
        response = redirect(signed)
        patch_cache_control(response, private=True, max_age=60)
    else:
        try:
            handle = photo_file_open(key=key, size=size)
        except FileNotFoundError as exc:
            raise Http404("No such photo.") from exc
        response = FileResponse(handle, content_type=PHOTO_CONTENT_TYPE)
        patch_cache_control(response, private=True, max_age=_BROWSER_SECONDS)
    patch_vary_headers(response, ["Cookie"])
    response["Content-Disposition"] = "inline"
    return response
