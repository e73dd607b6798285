"""The edit window: one setting-driven rule that every editable post answers for itself."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Comment
from core.edit_window import EditWindowMixin, edit_window
from forum.models import Answer, Question
from tests.articles.factories import CommentFactory
from tests.forum.factories import AnswerFactory, QuestionFactory

MAKERS = [CommentFactory.create, QuestionFactory.create, AnswerFactory.create]


def test_edit_window_every_editable_model_mixes_in_the_one_rule():
    assert all(issubclass(model, EditWindowMixin) for model in (Comment, Question, Answer))


def test_edit_window_reads_the_setting(settings):
    settings.EDIT_WINDOW_MINUTES = 7

    assert edit_window() == timedelta(minutes=7)


@pytest.mark.django_db
@pytest.mark.parametrize("make", MAKERS, ids=["comment", "question", "answer"])
def test_edit_window_open_until_the_last_minute_inclusive(settings, make):
    settings.EDIT_WINDOW_MINUTES = 10
    post = make()
    end = post.created_at + timedelta(minutes=10)

    assert post.edit_window_open(now=post.created_at) is True
    assert post.edit_window_open(now=end) is True
    assert post.edit_window_open(now=end + timedelta(seconds=1)) is False


@pytest.mark.django_db
@pytest.mark.parametrize("make", MAKERS, ids=["comment", "question", "answer"])
def test_edit_window_moves_with_the_setting(settings, make):
    post = make(created_at=timezone.now() - timedelta(minutes=20))

    settings.EDIT_WINDOW_MINUTES = 30
    assert post.edit_window_open() is True
    settings.EDIT_WINDOW_MINUTES = 15
    assert post.edit_window_open() is False
