"""Classic XSS payloads in comment and article Markdown come out inert."""

import re
from html.parser import HTMLParser

import pytest

from articles.services import article_save, comment_create
from core.markdown import render_member_markdown

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    '[x](https://ok.example" onmouseover="alert(1))',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<marquee onstart=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'-alert(1)-'",
    "<!--<script>alert(1)</script>-->",
    "<style>@import 'javascript:alert(1)';</style>",
    "`<script>alert(1)</script>`",
    "<textarea><script>alert(1)</script></textarea>",
    "[x](  javascript:alert(1)  )",
    '<a href="java\tscript:alert(1)">x</a>',
    # Bare addresses, which members' text turns into links.
    "https://x.example/a?b=<img src=x onerror=alert(1)>",
    'https://x.example/"onmouseover="alert(1)',
    "https://x.example/'onmouseover='alert(1)",
    "https://javascript:alert(1)",
    "www.x.example/<script>alert(1)</script>",
    "https://x.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "https://x.example/`onmouseover=alert(1)`",
    "[https://x.example](javascript:alert(1))",
]

SAFE_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "h2",
    "h3",
    "h4",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(html: str) -> None:
    """Parse as a browser would: only safe tags, no event handlers, styles or script URLs."""
    collector = _Collector()
    collector.feed(html)
    for tag, attrs in collector.tags:
        assert tag in SAFE_TAGS, html
        for name, value in attrs:
            assert not name.startswith("on"), html
            assert name != "style", html
            cleaned = re.sub(r"[\s\x00-\x1f]", "", value or "")
            assert not BAD_SCHEME.match(cleaned), html


def test_at_least_thirty_payloads():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_comment_markdown_payload_is_inert(article, member, payload):
    comment = comment_create(article=article, author=member, body=f"Hello {payload} there")

    assert_inert(comment.body_html)
    assert_inert(render_member_markdown(payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_article_markdown_payload_is_inert(article, payload):
    article.body_markdown = f"## Heading {payload}\n\nText {payload}\n\n- item {payload}"
    article.title = "Title"

    article_save(article=article)

    assert_inert(article.body_html)
    for heading in article.toc:
        assert "<" not in heading["anchor"]


@pytest.mark.parametrize("payload", PAYLOADS[:6])
def test_article_page_escapes_payload_in_plain_fields(client, article, payload):
    article.title = f"Title {payload}"
    article.summary = f"Summary {payload}"
    article.key_points = f"Point {payload}"
    article.reviewer_name = f"Dr {payload}"
    article.sponsor_disclosure = f"Sponsor {payload}"
    article_save(article=article)

    html = client.get(article.get_absolute_url()).content.decode()

    assert payload not in html
    ld = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in ld


def test_assert_inert_catches_live_markup():
    with pytest.raises(AssertionError):
        assert_inert('<a href=" javascript:alert(1)">x</a>')
    with pytest.raises(AssertionError):
        assert_inert("<img src=x onerror=alert(1)>")
