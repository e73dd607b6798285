"""URL handles for members, derived from their display name."""

import secrets

from django.utils.text import slugify

from .models import User


def handle_for(display_name: str) -> str:
    """A unique slug for /members/<handle>/; adds a short random suffix on collision."""
    base = slugify(display_name)[:40] or "member"
    candidate = base
    while User.objects.filter(handle=candidate).exists():
        candidate = f"{base}-{secrets.token_hex(3)}"
    return candidate
