"""core.mail.services.email_render: subjects and plain-text parts are never HTML-escaped.

A member's question title such as `What's "normal" <after> chemo & rads?` must reach the inbox
as typed; only the HTML part escapes it. Every email template is rendered with every name it
uses bound to such a title.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from core.mail.services import email_render

TITLE = 'What\'s "normal" <after> chemo & rads?'
ENTITIES = ("&#x27;", "&#39;", "&quot;", "&lt;", "&gt;", "&amp;")
EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
TEMPLATES = sorted(
    str(path.relative_to(EMAILS)).removesuffix(".subject.txt")
    for path in EMAILS.rglob("*.subject.txt")
)
DATES = {"timestamp", "ends_at"}


class Title(str):
    """The title, whatever a template asks of it (an attribute, an item, a loop)."""

    def __getattr__(self, name: str) -> "Title":
        if name.startswith("_"):
            raise AttributeError(name)
        return Title(TITLE)

    def __getitem__(self, key: object) -> "Title":
        return Title(TITLE)

    def __iter__(self):
        return iter([Title(TITLE)])


def _context_for(template: str) -> dict[str, object]:
    sources = "".join(path.read_text() for path in EMAILS.glob(f"{template}.*"))
    names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", sources)) - {"SITE_URL", "SITE_NAME"}
    return {name: timezone.now() if name in DATES else Title(TITLE) for name in names}


@pytest.mark.parametrize("template", TEMPLATES)
def test_email_render_never_escapes_the_subject_or_the_text_part(template):
    subject, text, _html = email_render(template=template, context=_context_for(template))

    assert [entity for entity in ENTITIES if entity in subject] == []
    assert [entity for entity in ENTITIES if entity in text] == []


@pytest.mark.parametrize(
    "template", ["articles/reply", "forum/new_answer", "moderation/approved", "moderation/rejected"]
)
def test_email_render_keeps_a_title_as_typed_in_the_subject_and_escaped_in_html(template):
    subject, text, html = email_render(template=template, context=_context_for(template))

    assert TITLE in subject
    assert TITLE in text
    assert TITLE not in html
    assert "What&#x27;s &quot;normal&quot; &lt;after&gt; chemo &amp; rads?" in html
