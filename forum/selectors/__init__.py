"""Forum reads. Every read that can show members-only text takes the viewer."""

from .base import ANSWERS_PAGE_SIZE, PAGE_SIZE, POPULAR_DAYS, TABS, is_member, is_moderator
from .lists import (
    QuestionPage,
    _encode_cursor,
    home_questions,
    latest_questions_for_topics,
    question_list,
    question_list_active_since,
    related_questions,
)
from .questions import (
    AnswerListing,
    AnswerThread,
    AuthorFacts,
    ViewerState,
    answer_for_viewer,
    answer_listing,
    author_facts,
    follow_preference_for,
    followed_questions,
    question_for_viewer,
    question_for_writing,
    viewer_state,
)
from .similar import similar_questions

__all__ = [
    "ANSWERS_PAGE_SIZE",
    "PAGE_SIZE",
    "POPULAR_DAYS",
    "TABS",
    "AnswerListing",
    "AnswerThread",
    "AuthorFacts",
    "QuestionPage",
    "ViewerState",
    "_encode_cursor",
    "answer_for_viewer",
    "answer_listing",
    "author_facts",
    "follow_preference_for",
    "followed_questions",
    "home_questions",
    "is_member",
    "is_moderator",
    "latest_questions_for_topics",
    "question_for_viewer",
    "question_for_writing",
    "question_list",
    "question_list_active_since",
    "related_questions",
    "similar_questions",
    "viewer_state",
]
