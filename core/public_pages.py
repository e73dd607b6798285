"""One content version for every page cached for anonymous visitors (docs/caching.md).

Any write that changes what a visitor could see calls `public_pages_changed()`; the version
moves (core.content_versions, kept in the database) and every cached page stored under the old
one is a miss from then on, whatever Redis did in between.
"""

from .content_versions import content_version, content_version_bump, content_versions_forget

PUBLIC_PAGES = "public-pages"


def public_pages_version() -> str | None:
    """The current version, or None when it cannot be known (then nothing is cached)."""
    return content_version(PUBLIC_PAGES)


def public_pages_version_forget() -> None:
    """Drop this process's copy of the version (tests, after clearing the cache)."""
    content_versions_forget()


def public_pages_changed() -> None:
    """Make every cached anonymous page stale (for other processes when the change commits)."""
    content_version_bump(PUBLIC_PAGES)
