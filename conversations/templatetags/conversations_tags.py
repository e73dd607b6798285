from django import template
from django.utils.safestring import SafeString

from ..rendering import message_html

register = template.Library()


@register.filter
def message_text(text: str) -> SafeString:
    return message_html(text)
