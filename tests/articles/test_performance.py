"""Bounded queries whatever the thread size, the shared page cache, and index use."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Comment, CommentHug
from articles.selectors import article_list_published
from articles.services import article_comment_recount, article_save, comment_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Measured on a cold cache: anonymous 7; a member the page's own queries, plus one for the
# editors' suggested questions (the care-team list) and one that tells a member with few posts
# that a link would wait for review (moderation.policy.posting_review_notice), and one for her
# blocks (a member with a block gets her own rendering of the thread, not the shared copy:
# faces differ for her); moderators two more for permissions and no link check; whatever the
# thread size.
MAX_QUERIES = 23


def _thread(article, size):
    authors = [UserFactory.create() for _ in range(3)]
    start = timezone.now() - timedelta(days=1)
    tops = Comment.objects.bulk_create(
        Comment(
            article=article,
            author=authors[i % 3],
            body=f"Comment {i}",
            body_html=f"<p>Comment {i}</p>",
            created_at=start + timedelta(seconds=i),
        )
        for i in range(size // 2)
    )
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author=authors[i % 3],
            parent=tops[i % len(tops)],
            body=f"Reply {i}",
            body_html=f"<p>Reply {i}</p>",
            created_at=start + timedelta(seconds=size + i),
        )
        for i in range(size - size // 2)
    ) if tops else None
    if tops:
        CommentHug.objects.bulk_create(CommentHug(comment=c, member=authors[0]) for c in tops[:50])
    article_comment_recount(article_id=article.pk)


@pytest.mark.parametrize("size", [0, 20, 500])
@pytest.mark.parametrize("viewer", ["anonymous", "member", "moderator"])
def test_article_page_query_count_is_bounded(
    client, article, moderator, django_assert_max_num_queries, size, viewer
):
    _thread(article, size)
    if viewer == "member":
        client.force_login(UserFactory.create())
    elif viewer == "moderator":
        client.force_login(moderator)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", [20, 500])
def test_article_page_shared_by_members_costs_a_fixed_few_queries(
    settings, client, article, member, django_assert_num_queries, size
):
    settings.PAGE_CACHE_VERSION_SECONDS = 3600  # the versions read once: a fixed count
    _thread(article, size)
    client.force_login(UserFactory.create())
    client.get(article.get_absolute_url())  # the first member renders the page members share
    client.force_login(member)
    client.get("/")  # her session and user row, as on any page after the first

    # Her user row, the article's and her facts, her posting rights, her hugs on the page's
    # comments and the newsletter box (articles.member_pages). No listing query.
    with django_assert_num_queries(5):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count('class="hug-icon"') >= min(size, 50)


def test_anonymous_article_page_is_served_from_cache(client, article):
    with CaptureQueriesContext(connection) as first:
        client.get(article.get_absolute_url())

    with CaptureQueriesContext(connection) as cached:
        response = client.get(article.get_absolute_url())

    tables = " ".join(q["sql"] for q in cached.captured_queries)
    assert response.status_code == 200
    assert len(cached.captured_queries) < len(first.captured_queries)
    assert "articles_articlereference" not in tables
    assert "articles_treatment" not in tables


def test_article_page_cache_is_invalidated_by_edit_and_new_comment(client, article, member):
    client.get(article.get_absolute_url())

    article.summary = "A fresh summary after review."
    article_save(article=article)
    after_edit = client.get(article.get_absolute_url()).content.decode()
    comment_create(article=article, author=member, body="New comment")
    after_comment = client.get(article.get_absolute_url()).content.decode()

    assert "A fresh summary after review." in after_edit
    assert "Comments (1)" in after_comment


def test_member_view_never_shows_another_members_state(client, article, member, other_member):
    comment = comment_create(article=article, author=member, body="Mine to edit")
    CommentHug.objects.create(comment=comment, member=member)
    client.force_login(member)
    client.get(article.get_absolute_url())

    client.force_login(other_member)
    html = client.get(article.get_absolute_url()).content.decode()

    assert "Edit<span" not in html
    assert 'aria-pressed="true"' not in html
    assert other_member.display_name in html
    assert member.display_name in html


@pytest.mark.postgres
def test_list_and_thread_queries_use_indexes(article):
    _thread(article, 20)
    published = article_list_published()[:12]
    thread = Comment.objects.filter(article=article, parent__isnull=True).order_by(
        "created_at", "id"
    )[:50]
    replies = Comment.objects.filter(parent_id__in=[1, 2, 3]).order_by("created_at", "id")
    due = article.__class__.objects.filter(next_review_due__lt=timezone.localdate())

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plans = [qs.explain() for qs in (published, thread, replies, due)]
        cursor.execute("SET enable_seqscan = on")

    assert "article_published_idx" in plans[0]
    assert "comment_top_level_idx" in plans[1]
    assert "comment_replies_idx" in plans[2]
    assert "article_review_due_idx" in plans[3]


@pytest.mark.postgres
def test_search_vector_trigger_keeps_columns_current(article, member):
    from django.contrib.postgres.search import SearchQuery

    comment = comment_create(article=article, author=member, body="Phesgo injection was quick")
    article.title = "Trastuzumab explained"
    article_save(article=article)

    assert article.__class__.objects.filter(search_vector=SearchQuery("trastuzumab")).exists()
    assert Comment.objects.filter(pk=comment.pk, search_vector=SearchQuery("injection")).exists()
