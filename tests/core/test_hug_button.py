"""templates/core/includes/hug_button.html: one hug control, worded alike for every kind."""

import html as html_lib
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory


def _render(kind: str, *, hugged: bool, count: int = 2, refusal: str = "") -> str:
    context = {
        "kind": kind,
        "pk": 7,
        "count": count,
        "hugged": hugged,
        "hug_url": f"/{kind}/7/hug/",
        "posting_refusal": refusal,
    }
    return render_to_string(
        "core/includes/hug_button.html", context, request=RequestFactory().get("/")
    )


def _words(html: str) -> str:
    visible = re.sub(r'<span class="visually-hidden">.*?</span>', "", html)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", visible)).split())


@pytest.mark.parametrize("hugged", [False, True])
def test_hug_button_words_a_comment_a_question_and_an_answer_alike(hugged):
    words = {
        kind: _words(_render(kind, hugged=hugged)) for kind in ("comment", "question", "answer")
    }

    assert len(set(words.values())) == 1
    assert words["comment"] == ("❤ Hugged 2 hugs" if hugged else "♡ Send a hug 2 hugs")


def test_hug_button_says_what_pressing_it_again_does_to_a_screen_reader():
    html = _render("answer", hugged=True)

    assert 'aria-pressed="true"' in html
    assert "select to take your hug back" in html
    assert 'name="hug" value="off"' in html


def test_hug_button_shows_only_the_count_to_a_member_who_cannot_post():
    html = _render("question", hugged=False, count=1, refusal="Confirm your email first.")

    assert _words(html) == "1 hug"
    assert "<form" not in html
