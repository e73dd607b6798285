import pytest

from catalogue.demo import TOPICS, demo_topic
from catalogue.models import Topic

pytestmark = pytest.mark.django_db


def test_demo_topics_all_have_a_description_and_include_caregivers():
    assert all(description for _, _, description in TOPICS)
    assert "caregivers" in {slug for slug, _, _ in TOPICS}


def test_demo_topic_fills_a_bare_description_left_by_an_earlier_seed():
    Topic.objects.create(slug="side-effects", name="Side effects", description="")

    topic = demo_topic("side-effects")

    topic.refresh_from_db()
    assert topic.description.startswith("What treatment can do to your body")


def test_demo_topic_keeps_an_editors_description():
    Topic.objects.create(slug="caregivers", name="Caregivers", description="Written by an editor.")

    topic = demo_topic("caregivers")

    topic.refresh_from_db()
    assert topic.description == "Written by an editor."
