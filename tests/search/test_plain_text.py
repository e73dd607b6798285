"""search.plain_text: what a snippet is cut from."""

import pytest

from search.plain_text import markdown_plain_text


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        (
            "If you're just starting: **it does end**, and _you_ learn.",
            "If you're just starting: it does end, and you learn.",
        ),
        ("## Head\n\n- one\n- two", "Head one two"),
        ("See [the guide](/articles/x/) and ![a port](p.png).", "See the guide and a port."),
        ("> Quoted `code`\n\n[ref]: /articles/x/", "Quoted code"),
        ("<b>raw</b> stays text \u2063[[x]]\u2063\x00", "<b>raw</b> stays text [[x]]"),
    ],
)
def test_markdown_plain_text_keeps_the_words_only(source, plain):
    assert markdown_plain_text(source) == plain
