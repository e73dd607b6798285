"""Who may do what on every articles URL: the access matrix, privacy and unpublished articles."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleStatus
from tests.factories import TopicFactory, UserFactory

from .factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "member", "author", "editor", "moderator"]
OK, FOUND, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = (
    HTTPStatus.OK,
    HTTPStatus.FOUND,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.NOT_FOUND,
    HTTPStatus.METHOD_NOT_ALLOWED,
)

# (url name, needs comment pk, method, htmx, data, expected per role in ROLES order)
MATRIX = [
    ("list", False, "get", False, {}, [OK] * 6),
    ("detail", False, "get", False, {}, [OK] * 6),
    ("detail", False, "get", True, {}, [OK] * 6),
    ("detail", False, "post", False, {}, [NOT_ALLOWED] * 6),
    ("comments", False, "get", True, {}, [FOUND, OK, OK, OK, OK, OK]),
    ("comments", False, "post", False, {}, [FOUND] + [NOT_ALLOWED] * 5),
    (
        "comment_create",
        False,
        "post",
        False,
        {"body": "Sending love"},
        [FOUND, FORBIDDEN, FOUND, FOUND, FOUND, FOUND],
    ),
    ("comment_create", False, "post", True, {"body": "Sending love"}, [FOUND] + [OK] * 5),
    ("comment_create", False, "get", False, {}, [FOUND] + [NOT_ALLOWED] * 5),
    ("comment", True, "get", True, {}, [FOUND, OK, OK, OK, OK, OK]),
    ("comment", True, "get", False, {}, [FOUND] + [FOUND] * 5),
    ("comment", True, "post", False, {}, [FOUND] + [NOT_ALLOWED] * 5),
    (
        "comment_edit",
        True,
        "get",
        False,
        {},
        [FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND],
    ),
    (
        "comment_edit",
        True,
        "get",
        True,
        {},
        [FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND],
    ),
    (
        "comment_edit",
        True,
        "post",
        False,
        {"body": "Changed"},
        [FOUND, NOT_FOUND, NOT_FOUND, FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "comment_delete",
        True,
        "post",
        False,
        {},
        [FOUND, NOT_FOUND, NOT_FOUND, FOUND, NOT_FOUND, NOT_FOUND],
    ),
    (
        "comment_delete",
        True,
        "post",
        True,
        {},
        [FOUND, NOT_FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND],
    ),
    ("comment_delete", True, "get", False, {}, [FOUND] + [NOT_ALLOWED] * 5),
    (
        "comment_hug",
        True,
        "post",
        False,
        {"hug": "on"},
        [FOUND, FORBIDDEN, FOUND, FOUND, FOUND, FOUND],
    ),
    ("comment_hug", True, "post", True, {"hug": "on"}, [FOUND, FORBIDDEN, OK, OK, OK, OK]),
    ("comment_hug", True, "get", False, {}, [FOUND] + [NOT_ALLOWED] * 5),
]

CASES = [
    pytest.param(
        name,
        needs_pk,
        method,
        htmx,
        data,
        role,
        expected[i],
        id=f"{method}-{name}-{'htmx-' if htmx else ''}{role}",
    )
    for name, needs_pk, method, htmx, data, expected in MATRIX
    for i, role in enumerate(ROLES)
]


@pytest.fixture
def users(editor, moderator):
    return {
        "unverified": UserFactory.create(verified=False),
        "member": UserFactory.create(),
        "author": UserFactory.create(),
        "editor": editor,
        "moderator": moderator,
    }


@pytest.mark.parametrize(("name", "needs_pk", "method", "htmx", "data", "role", "expected"), CASES)
def test_articles_access_matrix(
    client, article, users, name, needs_pk, method, htmx, data, role, expected
):
    comment = CommentFactory.create(article=article, author=users["author"])
    if role != "anonymous":
        client.force_login(users[role])
    kwargs = {} if name == "list" else {"slug": article.slug}
    if needs_pk:
        kwargs["pk"] = comment.pk
    url = reverse(f"articles:{name}", kwargs=kwargs)
    headers = {"HX-Request": "true"} if htmx else {}

    response = getattr(client, method)(url, data, headers=headers)

    assert response.status_code == expected
    if role == "anonymous" and expected == FOUND:
        assert response["Location"].startswith(reverse("account_login"))


def test_topic_page_is_public(client, article):
    topic = TopicFactory.create(name="Radiation", slug="radiation")
    article.topics.add(topic)

    response = client.get(reverse("articles:topic", kwargs={"slug": "radiation"}))

    assert response.status_code == OK
    assert article.title in response.content.decode()


def test_missing_comment_and_hidden_comment_answer_the_same_404(client, article):
    hidden = CommentFactory.create(article=article, moderation_state="hidden")
    client.force_login(UserFactory.create())

    missing = client.post(
        reverse("articles:comment_hug", kwargs={"slug": article.slug, "pk": 999999}), {"hug": "on"}
    )
    concealed = client.post(
        reverse("articles:comment_hug", kwargs={"slug": article.slug, "pk": hidden.pk}),
        {"hug": "on"},
    )

    assert missing.status_code == concealed.status_code == NOT_FOUND


def test_anonymous_sees_count_and_join_prompt_but_no_comment_text_or_author(client, article):
    author = UserFactory.create(display_name="SecretSparrow")
    CommentFactory.create(article=article, author=author, body="My private chemo story")
    article.comment_count = 1
    article.save()
    urls = [
        article.get_absolute_url(),
        reverse("articles:list"),
        reverse("articles_feed"),
        reverse("articles_feed_atom"),
        reverse("sitemap"),
        "/",
    ]

    bodies = [client.get(url).content.decode() for url in urls]
    fragment = client.get(
        article.get_absolute_url(), headers={"HX-Request": "true"}
    ).content.decode()

    for body in [*bodies, fragment]:
        assert "My private chemo story" not in body
        assert "SecretSparrow" not in body
    assert "Comments (1)" in bodies[0]
    assert reverse("account_signup") in bodies[0]


def test_member_sees_comment_text_and_author(client, article, member):
    author = UserFactory.create(display_name="SharingSparrow")
    CommentFactory.create(article=article, author=author, body="My chemo story")
    client.force_login(member)

    body = client.get(article.get_absolute_url()).content.decode()

    assert "My chemo story" in body
    assert "SharingSparrow" in body


@pytest.mark.parametrize(
    ("status", "published_delta"),
    [
        (ArticleStatus.DRAFT, None),
        (ArticleStatus.DRAFT, timedelta(days=-1)),
        (ArticleStatus.SCHEDULED, timedelta(days=1)),
        (ArticleStatus.PUBLISHED, timedelta(hours=1)),
    ],
)
def test_unpublished_articles_are_invisible_to_non_editors(
    client, editor, moderator, status, published_delta
):
    published_at = timezone.now() + published_delta if published_delta is not None else None
    article = ArticleFactory.create(status=status, published_at=published_at, title="Not yet out")
    url = article.get_absolute_url()
    member = UserFactory.create()

    anonymous = client.get(url)
    client.force_login(member)
    as_member = client.get(url)
    client.force_login(moderator)
    as_moderator = client.get(url)
    client.force_login(editor)
    as_editor = client.get(url)

    assert anonymous.status_code == as_member.status_code == as_moderator.status_code == NOT_FOUND
    assert as_editor.status_code == OK
    assert "not visible to readers yet" in as_editor.content.decode()
    client.logout()
    for public in [reverse("articles:list"), reverse("articles_feed"), reverse("sitemap"), "/"]:
        assert "Not yet out" not in client.get(public).content.decode()
        assert article.slug not in client.get(public).content.decode()


def test_scheduled_article_appears_once_its_time_comes(client):
    article = ArticleFactory.create(
        status=ArticleStatus.SCHEDULED, published_at=timezone.now() + timedelta(hours=2)
    )
    assert client.get(article.get_absolute_url()).status_code == NOT_FOUND

    article.published_at = timezone.now() - timedelta(seconds=1)
    article.save()

    assert client.get(article.get_absolute_url()).status_code == OK
    assert article.title in client.get(reverse("articles:list")).content.decode()


def test_comment_on_draft_is_refused_for_editor(client, editor):
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, published_at=None)
    client.force_login(editor)

    response = client.post(
        reverse("articles:comment_create", kwargs={"slug": draft.slug}), {"body": "Hi"}
    )

    assert response.status_code == FORBIDDEN
    assert not draft.comments.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", FOUND),
        ("unverified", FOUND),
        ("member", FOUND),
        ("author", FOUND),
        ("editor", OK),
        ("moderator", NOT_FOUND),
    ],
)
def test_admin_preview_access_matrix(client, users, settings, role, expected):
    settings.STAFF_REQUIRE_2FA = False
    draft = ArticleFactory.create(status=ArticleStatus.DRAFT, published_at=None)
    if role != "anonymous":
        client.force_login(users[role])

    response = client.get(reverse("admin:articles_article_preview", args=[draft.pk]))

    assert response.status_code == expected
