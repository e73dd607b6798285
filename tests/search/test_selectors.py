"""site_search and search_query_clean: what each viewer finds, on the engine the database runs.

On SQLite this is the embedded engine; with DATABASE_URL set to PostgreSQL, the full-text one.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from articles.demo_content import OVERVIEW_BODY
from articles.models import Article, Comment
from catalogue.models import Treatment
from forum.models import Question
from moderation.models import ModerationState
from search.selectors import search_query_clean, site_search
from tests.articles.factories import ArticleFactory
from tests.factories import UserFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

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


# --- The names patients use, ranking, snippets, suggestions (both engines) -----------------


def _overview():
    return _article(
        "HER2-positive breast cancer treatment overview",
        summary="What HER2-positive means and the kinds of treatment.",
        body_markdown=OVERVIEW_BODY,
    )


def test_site_search_brand_name_finds_the_overview_that_uses_the_generic_name(engine, member):
    overview = _overview()
    assert "herceptin" not in OVERVIEW_BODY.lower()

    for viewer in (ANON, member):
        results = site_search(query="herceptin", viewer=viewer)

        assert overview.get_absolute_url() in _urls(results)


def test_site_search_generic_name_finds_a_brand_name_title(engine):
    question = QuestionFactory.create(title="Tired all week after Kadcyla?")

    results = site_search(query="ado-trastuzumab emtansine", viewer=ANON)

    assert _urls(results) == [question.get_absolute_url()]
    if engine == "postgres":  # the embedded engine marks no titles
        assert "<mark>Kadcyla</mark>" in str(results.hits[0].title_html)


def test_site_search_names_and_other_words_must_all_match(engine):
    wanted = QuestionFactory.create(title="Herceptin and heart scans")
    QuestionFactory.create(title="Herceptin and fatigue")

    results = site_search(query="trastuzumab heart", viewer=ANON)

    assert _urls(results) == [wanted.get_absolute_url()]


def test_site_search_or_between_names_finds_either(engine):
    first = QuestionFactory.create(title="Perjeta rash?")
    second = QuestionFactory.create(title="Tukysa and diarrhoea")

    results = site_search(query="pertuzumab or tucatinib", viewer=ANON)

    assert set(_urls(results)) == {first.get_absolute_url(), second.get_absolute_url()}


def test_site_search_a_name_added_to_a_treatment_applies_at_once(engine):
    question = QuestionFactory.create(title="Anyone switched to Zircumab?")
    before = site_search(query="trastuzumab", viewer=ANON)
    treatment = Treatment.objects.get(slug="trastuzumab")

    treatment.other_names = f"{treatment.other_names}, Zircumab"
    treatment.save()  # as the admin saves it

    assert before.hits == []
    assert _urls(site_search(query="trastuzumab", viewer=ANON)) == [question.get_absolute_url()]


def test_site_search_article_ranks_above_member_posts_for_a_treatment_query(engine, member):
    question = QuestionFactory.create(title="Nerlynx diarrhoea: what helped?", body="Neratinib")
    answer = AnswerFactory.create(question=question, body="Nerlynx was hard for the first weeks.")
    article = _article(
        "Kinase inhibitors for HER2-positive breast cancer",
        summary="Neratinib, tucatinib and lapatinib: pills that block HER2's growth signals.",
    )

    results = site_search(query="nerlynx", viewer=member)

    assert _urls(results)[0] == article.get_absolute_url()
    assert set(_urls(results)[1:]) == {question.get_absolute_url(), answer.get_absolute_url()}


def test_site_search_snippet_shows_text_not_markdown(engine, member):
    answer = AnswerFactory.create(
        body="Finished a year of Herceptin. If you're just starting: **it does end**, and you "
        "learn your [rhythm](/guidelines/)."
    )

    (hit,) = site_search(query="rhythm", viewer=member, kind="answer").hits

    assert hit.url == answer.get_absolute_url()
    assert "**" not in hit.snippet
    assert "it does end" in hit.snippet
    assert "/guidelines/" not in hit.snippet
    assert "<mark>rhythm</mark>" in hit.snippet.lower()


def test_site_search_misspelt_treatment_suggests_its_name(engine, member):
    _overview()

    for viewer in (ANON, member):
        results = site_search(query="herceptn", viewer=viewer)

        assert results.hits == []
        assert results.suggestion == "herceptin"


def test_site_search_misspelt_title_word_suggests_it_keeping_the_rest(engine):
    QuestionFactory.create(title="Scalp cooling experiences during chemo")

    results = site_search(query="scalp coolling", viewer=ANON)

    assert results.suggestion == "scalp cooling"


def test_site_search_never_suggests_from_members_only_or_hidden_text(engine, member):
    question = QuestionFactory.create(title="Bone drips", body="My zoledronate infusion")
    AnswerFactory.create(question=question, body="Zoledronate made me achy for a day")
    QuestionFactory.create(title="Zoledronate and teeth?", moderation_state=ModerationState.HIDDEN)
    ArticleFactory.create(title="Bone health", summary="Calcium and vitamin D.")

    for viewer in (ANON, member):
        assert site_search(query="zoledronatte", viewer=viewer).suggestion == ""


def test_site_search_nothing_to_suggest_when_something_is_found(engine):
    QuestionFactory.create(title="Herceptin and heart scans")

    assert site_search(query="herceptin", viewer=ANON).suggestion == ""


@pytest.mark.parametrize(
    "query",
    [
        "herceptin & | ! ( ) : * 'x' \"y\"",
        '"herceptin',
        "herceptin or",
        "or herceptin or",
        "-herceptin herceptin",
        "'; DROP TABLE forum_question; -- herceptin",
        "herceptin\x00 kadcyla",
        "herceptin:* & !trastuzumab",
        "herceptin " * 400,
        "t-dm1 " * 300,
    ],
)
def test_site_search_odd_input_with_names_never_fails(engine, member, query):
    QuestionFactory.create(title="Herceptin and heart scans")

    results = site_search(query=query, viewer=member)

    assert isinstance(results.hits, list)
    assert Question.objects.count() == 1


def test_site_search_two_names_of_one_treatment_are_one_word(engine):
    question = QuestionFactory.create(title="Herceptin fatigue")

    results = site_search(query="herceptin trastuzumab", viewer=ANON)

    assert _urls(results) == [question.get_absolute_url()]
