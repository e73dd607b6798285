"""Markdown to safe HTML, for editors' articles and members' light posts.

Raw HTML in the source is escaped by markdown-it, then the output passes an nh3 allow-list,
so a bug in either layer alone cannot let a script through.
"""

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
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

# "@handle": a member's handle (a slug) after a space or the start, never inside an email
# address or a word. Members' profiles live at /members/<handle>/ (the URL contract).
MENTION_RE = re.compile(r"(?<![\w@/.+-])@([A-Za-z0-9][A-Za-z0-9_-]{0,49})")
MENTION_PREFIX = "/members/"


def mention_handles(source: str) -> list[str]:
    """The handles mentioned in a member's text, lowercased, each once, in order."""
    seen: dict[str, None] = {}
    for match in MENTION_RE.finditer(source or ""):
        seen.setdefault(match.group(1).lower().rstrip("-_"), None)
    return list(seen)


def _mentions_rule(state: Any) -> None:
    """Turn "@handle" in plain text into a link to the profile; never inside a link or code."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        out: list[Token] = []
        in_link = 0
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type != "text" or in_link or "@" not in token.content:
                out.append(token)
                continue
            out.extend(_split_mentions(token))
        block.children = out


def _split_mentions(token: Token) -> list[Token]:
    pieces: list[Token] = []
    text = token.content
    last = 0
    for match in MENTION_RE.finditer(text):
        handle = match.group(1).rstrip("-_")
        if match.start() > last:
            pieces.append(_text(text[last : match.start()]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": f"{MENTION_PREFIX}{handle.lower()}/"}
        pieces.extend([link, _text(f"@{handle}"), Token("link_close", "a", -1)])
        last = match.start() + 1 + len(handle)
    if last < len(text):
        pieces.append(_text(text[last:]))
    return pieces


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


_member_md = MarkdownIt("zero", {"html": False, "linkify": False, "breaks": True}).enable(
    ["emphasis", "list", "link", "newline", "blockquote", "backticks", "escape"]
)
_member_md.core.ruler.push("mentions", _mentions_rule)
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
