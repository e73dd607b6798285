"""Markdown as the words a reader sees, for search snippets.

A snippet is a piece of the text around the match; cut out of the Markdown source it showed
`**it does end**` and `[link](/articles/…)` raw. Both engines highlight this plain text instead.
The source is parsed (never rendered): emphasis, headings, list and quote markers, link targets
and reference definitions go; the words, inline code and image descriptions stay. Raw HTML stays
as the text it is and is escaped with the rest of the snippet.
"""

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .results import HIGHLIGHT_MARKER

# CommonMark covers both editors' Markdown and the smaller set members may use.
_md = MarkdownIt("commonmark", {"html": False}).enable(["table"])

_TEXT_TOKENS = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


def _inline_words(token: Token) -> list[str]:
    words: list[str] = []
    for child in token.children or []:
        if child.type in _TEXT_TOKENS:
            words.append(child.content)
        elif child.type in _BREAKS:
            words.append(" ")
        elif child.type == "image":
            words.append(child.content)  # the image's description
    return words


def markdown_plain_text(source: str) -> str:
    """The text of `source` without Markdown syntax, on one line; our highlight marker removed."""
    source = source.replace("\x00", "").replace(HIGHLIGHT_MARKER, "")
    pieces: list[str] = []
    for token in _md.parse(source):
        if token.type == "inline":
            pieces.append("".join(_inline_words(token)))
        elif token.type in {"fence", "code_block"}:
            pieces.append(token.content)
    return " ".join(" ".join(pieces).split())
