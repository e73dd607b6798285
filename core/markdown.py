"""Markdown to safe HTML, for editors' articles and members' light posts.

Raw HTML in the source is escaped by markdown-it, then the output passes an nh3 allow-list,
so a bug in either layer alone cannot let a script through.
"""

import itertools
import re
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
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

# A bare web address in a member's text: http(s):// or www., up to a space or a character no
# address holds unescaped. Trailing punctuation is trimmed after matching (_address_end).
_BARE_URL = re.compile(r"(?<![\w@/.:-])(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_~'\""
# What must follow the scheme for a link to be made: a host name with a dot (so neither
# "https://javascript:alert(1)" nor a bare "www." is linked), an optional port, then a path,
# a query, a fragment or the end.
_HOST = re.compile(
    r"(?:https?://|www\.)[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"
    r"(?::\d{1,5})?(?:[/?#]|$)",
    re.IGNORECASE,
)


def _address_end(candidate: str) -> str:
    """The address without the sentence around it: "(see https://a.example/x)." -> ".../x"."""
    while candidate and (
        candidate[-1] in _TRAILING
        or (candidate[-1] == ")" and candidate.count("(") < candidate.count(")"))
    ):
        candidate = candidate[:-1]
    return candidate


def _linked_tokens(state: StateCore, text: Token) -> list[Token]:
    """The text token split into text and links, or [text] when it holds no address."""
    out: list[Token] = []
    position = 0
    for match in _BARE_URL.finditer(text.content):
        address = _address_end(match.group())
        href = state.md.normalizeLink(
            address if address.lower().startswith("http") else f"https://{address}"
        )
        if not _HOST.match(address) or not state.md.validateLink(href):
            continue
        if match.start() > position:
            out.append(_text(text.content[position : match.start()], text.level))
        opening = Token("link_open", "a", 1, attrs={"href": href}, level=text.level)
        opening.markup, opening.info = "linkify", "auto"
        out += [opening, _text(state.md.normalizeLinkText(address), text.level + 1)]
        out.append(Token("link_close", "a", -1, level=text.level, markup="linkify"))
        position = match.start() + len(address)
    if not out:
        return [text]
    if position < len(text.content):
        out.append(_text(text.content[position:], text.level))
    return out


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)


def _linkify_bare_addresses(state: StateCore) -> None:
    """Turn web addresses members paste into links (outside links and code); nh3 then
    checks each one as it checks a written link, so no scheme gets through that a written
    link could not use."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        inside_link = 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type == "text" and not inside_link:
                children += _linked_tokens(state, token)
            else:
                children.append(token)
        block.children = children


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


def _mention_tokens(text: Token) -> list[Token]:
    """The text token split into text and links to the profiles it mentions."""
    out: list[Token] = []
    position = 0
    for match in MENTION_RE.finditer(text.content):
        handle = match.group(1).rstrip("-_")
        if match.start() > position:
            out.append(_text(text.content[position : match.start()], text.level))
        opening = Token(
            "link_open",
            "a",
            1,
            attrs={"href": f"{MENTION_PREFIX}{handle.lower()}/"},
            level=text.level,
        )
        out += [opening, _text(f"@{handle}", text.level + 1)]
        out.append(Token("link_close", "a", -1, level=text.level))
        position = match.start() + 1 + len(handle)
    if not out:
        return [text]
    if position < len(text.content):
        out.append(_text(text.content[position:], text.level))
    return out


def _link_mentions(state: StateCore) -> None:
    """Turn "@handle" into a link to her profile (outside links and code); nh3 checks it
    like every other link."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        inside_link = 0
        for token in block.children:
            if token.type == "link_open":
                inside_link += 1
            elif token.type == "link_close":
                inside_link -= 1
            if token.type == "text" and not inside_link and "@" in token.content:
                children += _mention_tokens(token)
            else:
                children.append(token)
        block.children = children


_member_md = MarkdownIt("zero", {"html": False, "linkify": False, "breaks": True}).enable(
    ["emphasis", "list", "link", "newline", "blockquote", "backticks", "escape"]
)
_member_md.core.ruler.push("member_linkify", _linkify_bare_addresses)
_member_md.core.ruler.push("member_mentions", _link_mentions)
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
    italics, lists, quotes and links (bare web addresses too), links marked nofollow ugc."""
    source = source.replace("\x00", "")
    raw = _member_md.render(source)
    return nh3.clean(
        raw,
        tags=_MEMBER_TAGS,
        attributes={"a": {"href"}},
        url_schemes=_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
