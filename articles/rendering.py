"""Small pure helpers for article HTML: internal links, reading time."""

import re
from urllib.parse import urlsplit

from django.conf import settings

_HREF = re.compile(r'href="([^"]*)"')


def internalise_links(html: str) -> str:
    """Turn absolute links to our own site into site-relative ones, so they stay internal."""
    own = urlsplit(settings.SITE_URL)

    def replace(match: re.Match[str]) -> str:
        href = match.group(1)
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.scheme in ("http", "https") and parts.netloc == own.netloc:
            path = parts.path or "/"
            if parts.query:
                path += "?" + parts.query
            if parts.fragment:
                path += "#" + parts.fragment
            return 'href="{}"'.format(path.replace("&", "&amp;"))
        return match.group(0)

    return _HREF.sub(replace, html)


def reading_minutes(text: str) -> int:
    """A gentle reading-time estimate at 200 words a minute, never less than one."""
    return max(1, round(len(text.split()) / 200))
