"""A database filled on the old layout (catalogue inside articles) migrates forward intact.

Runs on whichever database the suite uses (SQLite by default, PostgreSQL with DATABASE_URL):
the move must hold on both. Transactional, because migrations cannot run inside the test's
transaction; serialized_rollback gives the later transactional tests back the seeded rows
(treatments, groups) that the flush at the end removes.
"""

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from django.apps.registry import Apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Profile, User
from articles.models import Article
from catalogue.models import Topic, Treatment
from forum.models import Question
from newsletter.models import Issue, Subscriber

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Where the catalogue lived; typed plainly, as the real app registry no longer has these models.
OLD_APP: str = "articles"

# The latest migrations on main before the catalogue app existed.
OLD_LAYOUT = [
    ("articles", "0006_comment_thread_indexes"),
    ("forum", "0004_answer_followers_notified_at"),
    ("accounts", "0001_initial"),
    ("newsletter", "0001_initial"),
]


def _latest() -> Apps:
    return _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _migrate(targets: Sequence[tuple[str, str | None]]) -> Apps:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    state = executor.migrate(targets)
    ContentType.objects.clear_cache()  # the rows' app labels changed under the cache
    return state.apps


@pytest.fixture
def old_layout() -> Iterator[Apps]:
    """The historical models as they were before the catalogue moved; latest state restored."""
    try:
        yield _migrate([*OLD_LAYOUT, ("catalogue", None)])
    finally:
        _latest()


def _fill(apps: Apps) -> dict[str, Any]:
    """Rows of every kind that points to a topic or a treatment, made the old way."""
    topic_model = apps.get_model(OLD_APP, "Topic")
    treatment_model = apps.get_model(OLD_APP, "Treatment")
    user_model = apps.get_model("accounts", "User")
    permission_model = apps.get_model("auth", "Permission")

    topic = topic_model.objects.create(name="Old topic", slug="old-topic", description="Kept.")
    seeded = treatment_model.objects.get(slug="trastuzumab")
    added = treatment_model.objects.create(
        name="Old treatment", slug="old-treatment", drug_class="other"
    )
    member = user_model.objects.create(email="old@example.com", display_name="Old", handle="old")
    editor = user_model.objects.create(
        email="editor@example.com", display_name="Ed", handle="ed", is_staff=True
    )
    editor.groups.add(apps.get_model("auth", "Group").objects.get(name="Editors"))
    member.user_permissions.add(
        permission_model.objects.get(
            content_type__app_label="articles", codename="change_treatment"
        )
    )
    profile = apps.get_model("accounts", "Profile").objects.create(user=member)
    profile.current_treatments.add(added)
    profile.past_treatments.add(seeded)
    article = apps.get_model("articles", "Article").objects.create(
        title="Old article", slug="old-article", summary="S.", key_points="One", body_markdown="B"
    )
    article.topics.add(topic)
    article.treatments.add(seeded, added)
    question = apps.get_model("forum", "Question").objects.create(
        title="Old question?", slug="old-question", author=member
    )
    question.topics.add(topic)
    question.treatments.add(added)
    subscriber = apps.get_model("newsletter", "Subscriber").objects.create(email="s@example.com")
    subscriber.topics.add(topic)
    issue = apps.get_model("newsletter", "Issue").objects.create(
        subject="Old issue", segment_topic=topic
    )
    content_types = dict(
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="articles", model__in=["topic", "treatment"])
        .values_list("model", "pk")
    )
    return {
        "topic": topic.pk,
        "seeded": seeded.pk,
        "added": added.pk,
        "member": member.pk,
        "editor": editor.pk,
        "profile": profile.pk,
        "article": article.pk,
        "question": question.pk,
        "subscriber": subscriber.pk,
        "issue": issue.pk,
        "content_types": content_types,
    }


def test_catalogue_migration_keeps_rows_relations_and_permissions(old_layout: Apps) -> None:
    # given a database filled on the old layout
    old = _fill(old_layout)
    treatments_before = old_layout.get_model(OLD_APP, "Treatment").objects.count()

    # when it migrates to the catalogue app
    _latest()

    # then every row is where it was, reachable through the catalogue's models
    topic = Topic.objects.get(pk=old["topic"])
    assert (topic.name, topic.slug, topic.description) == ("Old topic", "old-topic", "Kept.")
    assert Treatment.objects.count() == treatments_before
    added = Treatment.objects.get(pk=old["added"])
    seeded = Treatment.objects.get(pk=old["seeded"])
    assert (added.slug, seeded.slug) == ("old-treatment", "trastuzumab")
    # ... and every relation to them, from both ends
    article = Article.objects.get(pk=old["article"])
    assert list(article.topics.all()) == [topic]
    assert set(article.treatments.all()) == {seeded, added}
    profile = Profile.objects.get(pk=old["profile"])
    assert list(profile.current_treatments.all()) == [added]
    assert list(profile.past_treatments.all()) == [seeded]
    question = Question.objects.get(pk=old["question"])
    assert list(question.topics.all()) == [topic]
    assert list(question.treatments.all()) == [added]
    assert list(topic.questions.all()) == [question]
    assert list(topic.articles.all()) == [article]
    assert list(added.current_profiles.all()) == [profile]
    assert list(Subscriber.objects.get(pk=old["subscriber"]).topics.all()) == [topic]
    assert Issue.objects.get(pk=old["issue"]).segment_topic == topic
    # ... the content types moved with their ids, so permissions granted before still hold
    assert {
        model: ContentType.objects.get_for_model(model_class).pk
        for model, model_class in (("topic", Topic), ("treatment", Treatment))
    } == old["content_types"]
    assert not ContentType.objects.filter(app_label="articles", model__in=["topic", "treatment"])
    editor = User.objects.get(pk=old["editor"])
    assert editor.has_perm("catalogue.change_topic")
    assert editor.has_perm("catalogue.add_treatment")
    assert User.objects.get(pk=old["member"]).has_perm("catalogue.change_treatment")
    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__app_label="catalogue")
        .count()
        == 8
    )


def test_catalogue_migration_back_returns_content_types_to_articles(old_layout: Apps) -> None:
    content_type_model = old_layout.get_model("contenttypes", "ContentType")

    labels = set(
        content_type_model.objects.filter(model__in=["topic", "treatment"]).values_list(
            "app_label", flat=True
        )
    )

    assert labels == {"articles"}


def test_catalogue_migration_folds_a_content_type_made_ahead_into_the_old_one(
    old_layout: Apps,
) -> None:
    # given new code looked the model up before the migration ran, and a grant landed on it
    content_type_model = old_layout.get_model("contenttypes", "ContentType")
    permission_model = old_layout.get_model("auth", "Permission")
    group = old_layout.get_model("auth", "Group").objects.create(name="Catalogue keepers")
    old_id = content_type_model.objects.get(app_label="articles", model="topic").pk
    ahead = content_type_model.objects.create(app_label="catalogue", model="topic")
    group.permissions.add(
        permission_model.objects.create(
            content_type=ahead, codename="change_topic", name="Can change topic"
        )
    )

    _latest()

    assert ContentType.objects.get_for_model(Topic).pk == old_id
    assert list(
        Group.objects.get(name="Catalogue keepers").permissions.values_list(
            "content_type_id", "codename"
        )
    ) == [(old_id, "change_topic")]
