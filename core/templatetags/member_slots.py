"""`{% member_slot "name" %}`: a piece of the page frame that is the member's own.

Renders templates/member_slots/<name>.html in place; in a page rendered to be shared by members
(core.member_pages) it writes a placeholder instead, filled in for each member who gets the copy.
"""

from django import template
from django.utils.safestring import SafeString

from core.member_pages import slot_render

register = template.Library()


@register.simple_tag(takes_context=True)
def member_slot(context: template.Context, name: str) -> SafeString:
    return slot_render(context, name)
