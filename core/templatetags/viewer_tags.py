"""The viewer rule in templates: staff-only links ask it, never `user.is_staff`."""

from django import template

from core.viewer import Viewer, viewer_has_staff_powers

register = template.Library()


@register.filter
def has_staff_powers(viewer: Viewer | None) -> bool:
    """`{% if user|has_staff_powers %}`: staff whose powers this request is not withholding."""
    return viewer_has_staff_powers(viewer)
