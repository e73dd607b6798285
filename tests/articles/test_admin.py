"""Editors: least-privilege group, authoring through admin, preview, past-due reviews."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleStatus

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_editors_group_has_authoring_permissions_only():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )

    assert {
        "add_article",
        "change_article",
        "view_articlereference",
        "change_topic",
        "add_treatment",
    } <= codenames
    assert not any(
        name.endswith(("_user", "_comment", "_commenthug", "_group")) for name in codenames
    )
    assert not any("moderation" in name or "report" in name for name in codenames)


def test_editor_adds_article_in_admin_and_markdown_is_rendered_on_save(client, editor, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(editor)
    data = {
        "title": "New article",
        "slug": "new-article",
        "summary": "Short summary.",
        "key_points": "One\nTwo\nThree",
        "body_markdown": "## Section\n\n<script>alert(1)</script> text",
        "status": ArticleStatus.DRAFT,
        "author": str(editor.pk),
        "references-TOTAL_FORMS": "1",
        "references-INITIAL_FORMS": "0",
        "references-MIN_NUM_FORMS": "0",
        "references-MAX_NUM_FORMS": "1000",
        "references-0-position": "1",
        "references-0-citation": "A source.",
        "references-0-url": "",
        "suggested_questions-TOTAL_FORMS": "1",
        "suggested_questions-INITIAL_FORMS": "0",
        "suggested_questions-0-position": "0",
        "suggested_questions-0-text": "What does this mean for me?",
    }

    response = client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    article = Article.objects.get(slug="new-article")
    assert '<h2 id="section">Section</h2>' in article.body_html
    assert [q.text for q in article.suggested_questions.all()] == ["What does this mean for me?"]
    assert "<script>" not in article.body_html
    assert article.references.get().citation == "A source."


def test_editor_cannot_open_users_or_comments_admin(client, editor, settings):
    settings.STAFF_REQUIRE_2FA = False
    client.force_login(editor)

    users = client.get(reverse("admin:accounts_user_changelist"))

    assert users.status_code == HTTPStatus.FORBIDDEN


def test_admin_preview_renders_draft_as_readers_will_see_it(client, editor, settings):
    settings.STAFF_REQUIRE_2FA = False
    draft = ArticleFactory.create(
        status=ArticleStatus.DRAFT, published_at=None, title="Draft preview"
    )
    client.force_login(editor)

    response = client.get(reverse("admin:articles_article_preview", args=[draft.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Draft preview" in html
    assert "not visible to readers yet" in html
    assert "In this article" in html


def test_admin_preview_is_refused_to_members(client, member):
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, published_at=None)
    client.force_login(member)

    response = client.get(reverse("admin:articles_article_preview", args=[draft.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert "/admin/login/" in response["Location"]


def test_admin_lists_past_due_reviews_for_editors(client, editor, settings):
    settings.STAFF_REQUIRE_2FA = False
    ArticleFactory.create(
        title="Overdue review", next_review_due=timezone.localdate() - timedelta(days=1)
    )
    ArticleFactory.create(
        title="Fresh review", next_review_due=timezone.localdate() + timedelta(days=200)
    )
    client.force_login(editor)

    html = client.get(
        reverse("admin:articles_article_changelist") + "?review=past_due"
    ).content.decode()

    assert "Overdue review" in html
    assert "Fresh review" not in html
