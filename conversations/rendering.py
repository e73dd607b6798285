"""Messages are plain text: escaped first, then bare web addresses become safe links."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Run on escaped text, so "&amp;" may appear inside an address; quotes and "<" cannot.
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.I)


def message_html(text: str) -> SafeString:
    escaped = str(escape(text or ""))

    def link(match: re.Match[str]) -> str:
        href = match.group(0)
        return f'<a href="{href}" rel="nofollow ugc noopener" target="_blank">{href}</a>'

    linked = _URL_RE.sub(link, escaped)
    return mark_safe(linked.replace("\n", "<br>"))
