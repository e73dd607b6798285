from html.parser import HTMLParser

import pytest

from core.markdown import mention_handles, render_article_markdown, render_member_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    "![x](https://evil.example/x.png)",
]


class _MarkupAudit(HTMLParser):
    """Collects the real tags, event-handler attributes and link schemes in rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in {"href", "src"}:
                self.urls.append((value or "").strip().lower())


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    "render",
    [render_member_markdown, lambda text: render_article_markdown(text).html],
    ids=["member", "article"],
)
def test_render_markdown_leaves_no_executable_markup(payload, render):
    audit = _MarkupAudit()

    audit.feed(render(payload))

    assert not audit.tags & {"script", "img", "svg", "iframe", "object", "embed", "style"}
    assert audit.handlers == []
    assert all(url.startswith(("https:", "http:", "mailto:", "/", "#")) for url in audit.urls)


def test_member_markdown_keeps_light_formatting_and_marks_links_ugc():
    html = render_member_markdown(
        "**bold** *soft*\n\n- one\n- two\n\n[care team](https://example.org)"
    )

    assert "<strong>bold</strong>" in html
    assert "<em>soft</em>" in html
    assert "<li>one</li>" in html
    assert 'rel="nofollow ugc noopener"' in html


def test_member_markdown_has_no_headings():
    assert "<h1" not in render_member_markdown("# Shouting")


def test_article_markdown_anchors_headings_and_returns_the_outline():
    rendered = render_article_markdown("## What is HER2?\n\ntext\n\n### Testing")

    assert '<h2 id="what-is-her2">' in rendered.html
    assert [(h.level, h.anchor) for h in rendered.headings] == [
        (2, "what-is-her2"),
        (3, "testing"),
    ]


def test_render_markdown_drops_nul_bytes():
    assert "\x00" not in render_member_markdown("a\x00b")
    assert "\x00" not in render_article_markdown("a\x00b").html


def test_render_member_markdown_keeps_editors_markup_out_of_members_text():
    html = render_member_markdown("## Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---")

    assert "<h2" not in html
    assert "<table" not in html
    assert "<hr" not in html


def test_render_member_markdown_turns_single_newlines_into_line_breaks():
    html = render_member_markdown("first line\nsecond line")

    assert html == "<p>first line<br>\nsecond line</p>\n"


# --- Bare web addresses in members' text become links ---


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "The NCI page helped: https://www.cancer.gov/types/breast.",
            '<a href="https://www.cancer.gov/types/breast" rel="nofollow ugc noopener">'
            "https://www.cancer.gov/types/breast</a>.",
        ),
        (
            "(see www.breastcancer.org/treatment)",
            '(see <a href="https://www.breastcancer.org/treatment" rel="nofollow ugc noopener">'
            "www.breastcancer.org/treatment</a>)",
        ),
        (
            "https://en.wikipedia.org/wiki/Trastuzumab_(drug), then",
            '<a href="https://en.wikipedia.org/wiki/Trastuzumab_(drug)" '
            'rel="nofollow ugc noopener">'
            "https://en.wikipedia.org/wiki/Trastuzumab_(drug)</a>, then",
        ),
    ],
)
def test_render_member_markdown_links_bare_addresses_without_the_sentence_around_them(text, link):
    assert link in render_member_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "`https://in.code.example`",
        "javascript:alert(1)",
        "https://javascript:alert(1)",
        "http://localhost/admin",
        "write to me at someone@www.example.org",
        "www.",
    ],
)
def test_render_member_markdown_leaves_code_scripts_and_non_addresses_unlinked(text):
    assert "<a" not in render_member_markdown(text)


def test_render_member_markdown_links_a_written_link_once():
    html = render_member_markdown("[the guide](https://a.example/guide) and https://b.example")

    assert html.count("<a ") == 2
    assert '<a href="https://a.example/guide" rel="nofollow ugc noopener">the guide</a>' in html


def test_member_markdown_links_a_mention_to_the_profile():
    html = render_member_markdown("Thank you @AmberAster, and **@bea**!")

    assert '<a href="/members/amberaster/" rel="nofollow ugc noopener">@AmberAster</a>' in html
    assert '<strong><a href="/members/bea/"' in html


def test_member_markdown_leaves_emails_code_and_links_alone():
    html = render_member_markdown("Mail me at rosa@example.com, `@code`, [@bea](https://x.org)")

    assert "/members/" not in html


@pytest.mark.parametrize(
    "payload",
    ['@"><script>alert(1)</script>', "@x<img src=x onerror=alert(1)>", "@javascript:alert(1)"],
)
def test_member_markdown_mentions_keep_sanitising_strict(payload):
    html = render_member_markdown(payload)

    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html


def test_mention_handles_lists_each_handle_once_in_order():
    assert mention_handles("@Bea hi @amberaster and @bea, mail a@b.com") == ["bea", "amberaster"]
