"""`{% idempotency_key_field form %}`: the hidden key of a posting form (core.idempotency)."""

from django import forms, template
from django.template.context import Context
from django.utils.safestring import SafeString

from core.idempotency import field_html, form_key, key_new, key_placeholder
from core.page_cache import csrf_placeholder, is_rendering_for_cache

register = template.Library()


def _rendering_shared_copy(context: Context) -> bool:
    """Whether this render is a copy for many people: its CSRF token is the placeholder."""
    token = context.get("csrf_token")
    # type(), not isinstance(): the real token is a lazy object, and asking it would mint one.
    if type(token) is str and token == csrf_placeholder():
        return True
    request = context.get("request")
    return request is not None and is_rendering_for_cache(request)


@register.simple_tag(takes_context=True)
def idempotency_key_field(context: Context, form: forms.BaseForm | None = None) -> SafeString:
    """The key `form` was sent with (an error re-render), else a fresh one; in a shared copy,
    the placeholder each reader's own fresh key replaces."""
    if _rendering_shared_copy(context):
        return field_html(key_placeholder())
    return field_html(form_key(form) or key_new())
