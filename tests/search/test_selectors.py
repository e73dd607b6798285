"""site_search and search_query_clean: what each viewer finds, on the engine the database runs.

On SQLite this is the embedded engine; with DATABASE_URL set to PostgreSQL, the full-text one.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.models import Article, Comment
from moderation.models import ModerationState
from search.selectors import search_query_clean, site_search
from tests.factories import UserFactory
from tests.forum.factories import QuestionFactory

ANON = AnonymousUser()


def _urls(results):
    return [hit.url for hit in results.hits]


def test_site_search_title_match_ranks_above_body_match(corpus, member):
    results = site_search(query="neuropathy", viewer=member, kind="question")

    assert _urls(results)[:2] == [
        corpus["in_title"].get_absolute_url(),
        corpus["in_body"].get_absolute_url(),
    ]


def test_site_search_anonymous_never_sees_members_only_text(corpus):
    results = site_search(query="neuropathy", viewer=ANON)

    assert _urls(results) == [corpus["in_title"].get_absolute_url()]
    assert all(not hit.snippet for hit in results.hits)
    assert site_search(query="tingle", viewer=ANON).hits == []
    assert site_search(query="gloves", viewer=ANON, kind="answer").hits == []


def test_site_search_member_finds_answers_with_highlight(corpus, member):
    results = site_search(query="gloves", viewer=member)

    assert _urls(results) == [corpus["answer"].get_absolute_url()]
    assert "<mark>" in results.hits[0].snippet.lower()


def test_site_search_never_returns_hidden_or_pending(corpus, member):
    urls = _urls(site_search(query="neuropathy", viewer=member))

    assert corpus["hidden"].get_absolute_url() not in urls
    assert corpus["pending"].get_absolute_url() not in urls


def test_site_search_topic_filter(corpus, member):
    results = site_search(query="neuropathy", viewer=member, topic=corpus["topic"])

    assert _urls(results) == [corpus["in_title"].get_absolute_url()]


def test_site_search_snippet_is_escaped(db, member):
    question = QuestionFactory.create(title="Which wig shop?", body="<script>alert(1)</script> wig")

    results = site_search(query="wig", viewer=member)

    assert results.hits[0].url == question.get_absolute_url()
    assert "<script>" not in results.hits[0].snippet


@pytest.mark.parametrize("where", ["title", "body"])
def test_site_search_typed_highlight_markers_never_become_marks(db, member, where):
    typed = "\u2063[[<b>fake</b>]]\u2063 and \u2063[[fake]]\u2063"
    fields = {"title": "Wig shops near me", "body": "Any wig tips?"}
    fields[where] = f"{fields[where]} {typed}"
    QuestionFactory.create(**fields)

    (hit,) = site_search(query="wig", viewer=member).hits

    assert "<mark>fake</mark>" not in f"{hit.title} {hit.snippet}"
    assert "<b>" not in hit.snippet  # the title is plain text, escaped where it is shown
    assert "\u2063" not in hit.snippet


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Type a word or two"),
        ("?!.,;:--", "at least one letter or number"),
        ("\x00\x00", "Type a word or two"),
    ],
)
def test_search_query_clean_explains_absurd_queries(raw, message):
    cleaned, text = search_query_clean(raw)

    assert cleaned == ""
    assert message in text


def test_search_query_clean_truncates_long_queries():
    cleaned, text = search_query_clean("chemo " * 2000)

    assert len(cleaned) <= 200
    assert "first 200 characters" in text


def _article(title, status="published", **extra):
    return Article.objects.create(
        title=title,
        slug=title.lower().replace(" ", "-")[:200],
        summary=extra.pop("summary", "A short summary."),
        key_points="One\nTwo\nThree",
        body_markdown=extra.pop("body_markdown", "Body text."),
        status=status,
        published_at=timezone.now() - timedelta(days=1),
        **extra,
    )


@pytest.fixture
def articles(db):
    published = _article("Kinase inhibitors explained", summary="Pills such as neratinib.")
    draft = _article("Neratinib draft notes", status="draft")
    comment = Comment.objects.create(
        article=published, author=UserFactory.create(), body="Neratinib gave me diarrhoea."
    )
    hidden = Comment.objects.create(
        article=published,
        author=UserFactory.create(),
        body="Neratinib secret",
        moderation_state=ModerationState.HIDDEN,
    )
    return {"published": published, "draft": draft, "comment": comment, "hidden": hidden}


def test_site_search_articles_public_comments_members_only(articles, member):
    anonymous = site_search(query="neratinib", viewer=ANON)
    members = site_search(query="neratinib", viewer=member)

    anon_urls = [h.url for h in anonymous.hits]
    member_urls = [h.url for h in members.hits]
    assert anon_urls == [articles["published"].get_absolute_url()]
    assert articles["comment"].get_absolute_url() in member_urls
    assert articles["hidden"].get_absolute_url() not in member_urls
    assert articles["draft"].get_absolute_url() not in member_urls
