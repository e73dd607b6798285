"""Data export: everything a member gave us, as one JSON document.

Other apps add their part from their AppConfig.ready():

    from accounts.export import register_exporter
    register_exporter("forum_questions", lambda user: [...])   # JSON-serialisable

An exporter returns only what `user` wrote or chose (never another member's data, never
another member's name); its result appears under its name in the download.
"""

import base64
from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from .models import HealthDataConsent, Profile, User
from .photo_store import photo_file_open
from .photos import PHOTO_CONTENT_TYPE, PHOTO_LARGEST

Exporter = Callable[[Any], list[Any] | dict[str, Any]]

_EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, fn: Exporter) -> None:
    """Register (or replace) the exporter called `name`."""
    _EXPORTERS[name] = fn


def unregister_exporter(name: str) -> None:
    """Remove an exporter; used by tests."""
    _EXPORTERS.pop(name, None)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


_DATES = ("updated_at", "photo_updated_at")


def _photo(user: User) -> dict[str, Any] | None:
    """Her photo as we keep it (the largest stored square), inside the JSON as base64."""
    key = Profile.objects.filter(user=user).values_list("photo_key", flat=True).first()
    if not key:
        return None
    try:
        with photo_file_open(key=key, size=PHOTO_LARGEST) as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    return {
        "content_type": PHOTO_CONTENT_TYPE,
        "base64": base64.b64encode(data).decode("ascii"),
    }


def _profile(user: User) -> dict[str, Any]:
    profile = (
        Profile.objects.filter(user=user)
        .prefetch_related("current_treatments", "past_treatments")
        .first()
    )
    if profile is None:
        return {}
    data: dict[str, Any] = {}
    for field in Profile._meta.concrete_fields:
        # The photo's storage key is our filing detail; the photo itself is under "photo".
        if field.name in ("id", "user", "photo_key"):
            continue
        value = getattr(profile, field.name)
        data[field.name] = _iso(value) if field.name in _DATES else value
    data["current_treatments"] = [t.name for t in profile.current_treatments.all()]
    data["past_treatments"] = [t.name for t in profile.past_treatments.all()]
    return data


def member_export(*, user: User) -> dict[str, Any]:
    """Everything the member gave us, plus every registered app's part. Reads only."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "handle": user.handle,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "discreet_email": user.discreet_email,
            "prefers_larger_text": user.prefers_larger_text,
        },
        "profile": _profile(user),
        "photo": _photo(user),
        "health_data_consents": [
            {
                "wording_version": c.wording_version,
                "given_at": _iso(c.given_at),
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in HealthDataConsent.objects.filter(user=user)
        ],
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        # Which second factors exist, never their secrets.
        "two_factor": [
            {"type": a.type, "created_at": _iso(a.created_at)}
            for a in Authenticator.objects.filter(user=user)
        ],
    }
    for name, exporter in _EXPORTERS.items():
        data[name] = exporter(user)
    return data
