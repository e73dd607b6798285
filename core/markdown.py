"""Markdown to safe HTML, for editors' articles and members' light posts.

Raw HTML in the source is escaped by markdown-it, then the output passes an nh3 allow-list,
so a bug in either layer alone cannot let a script through.
"""

import itertools
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin

_SCHEMES = {"http", "https", "mailto"}

_MEMBER_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"}
_ARTICLE_TAGS = _MEMBER_TAGS | {
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

_member_md = MarkdownIt("zero", {"html": False, "linkify": False, "breaks": True}).enable(
    ["emphasis", "list", "link", "newline", "blockquote", "backticks", "escape"]
)
_article_md = (
    MarkdownIt("commonmark", {"html": False})
    .enable(["table"])
    .use(anchors_plugin, min_level=2, max_level=3, permalink=False)
)


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: list[Heading] = field(default_factory=list)


def _headings(md: MarkdownIt, source: str) -> list[Heading]:
    tokens = md.parse(source)
    found = []
    for opening, inline in itertools.pairwise(tokens):
        if opening.type == "heading_open" and opening.attrs.get("id"):
            found.append(Heading(int(opening.tag[1]), str(opening.attrs["id"]), inline.content))
    return found


def render_article_markdown(source: str) -> RenderedMarkdown:
    """Editors' Markdown (articles, newsletter intros): headings and tables, with the h2/h3
    outline for the table of contents."""
    source = source.replace("\x00", "")
    raw = _article_md.render(source)
    html = nh3.clean(
        raw,
        tags=_ARTICLE_TAGS,
        attributes={
            "a": {"href", "title"},
            "h2": {"id"},
            "h3": {"id"},
            "th": {"align"},
            "td": {"align"},
        },
        url_schemes=_SCHEMES,
        link_rel="noopener",
    )
    return RenderedMarkdown(html=html, headings=_headings(_article_md, source))


def render_member_markdown(source: str) -> str:
    """The one rendering of what members write (comments, questions, answers, replies): bold,
    italics, lists, quotes and links, links marked nofollow ugc."""
    source = source.replace("\x00", "")
    raw = _member_md.render(source)
    return nh3.clean(
        raw,
        tags=_MEMBER_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
