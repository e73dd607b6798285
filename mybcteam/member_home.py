"""The home page of a logged-in member: what is new for her since her last visit.

Sections, top to bottom (templates/home_member.html): the welcome-flow prompt while it is
unfinished, the first items of her "My team" feed with the post box, news on the questions
she follows, articles in her topics, questions members are talking about. Each reads through
its app's selector; the page runs a fixed number of queries whatever she follows and whatever
her team's size (tests/mybcteam/test_member_home.py).
"""

from typing import Any

from accounts.models import User
from accounts.visits import member_visit_since
from accounts.welcome import STEPS, member_interests, step_index, welcome_pending
from activities.feed import TEAM, feed_page
from activities.forms import UpdateForm
from articles.selectors import article_list_for_member_topics, article_list_published
from catalogue.models import Topic
from forum.selectors import home_questions
from forum.selectors.home import followed_questions_with_news, topic_ids_of_member_questions
from moderation.policy import posting_state

ARTICLES_SHOWN = 4
# The top of her "My team" feed; the rest is on /activities/ (one page read, whatever her
# team's size or history).
FEED_ITEMS_SHOWN = 4


def member_home_context(*, member: User) -> dict[str, Any]:
    """Everything the member home shows; records the visit (at most one UPDATE)."""
    since = member_visit_since(user=member)
    interests = member_interests(user=member)
    profile_topic_ids = [t.pk for t in interests.topics]
    question_topic_ids = topic_ids_of_member_questions(member=member)
    topic_ids = list(dict.fromkeys([*profile_topic_ids, *question_topic_ids]))
    articles = article_list_for_member_topics(
        topic_ids=topic_ids, treatment_ids=interests.treatment_ids, limit=ARTICLES_SHOWN
    )
    personal = bool(articles)
    if not personal:
        articles = list(article_list_published()[:ARTICLES_SHOWN])
    extra_ids = [pk for pk in question_topic_ids if pk not in profile_topic_ids]
    extra_topics = list(Topic.objects.filter(pk__in=extra_ids[:6])) if extra_ids else []
    pending = welcome_pending(user=member)
    refusal, notice = posting_state(member)  # one query for both
    resume = member.welcome_step if member.welcome_step else STEPS[0].slug
    return {
        "since": since,
        "home_feed": feed_page(viewer=member, tab=TEAM, size=FEED_ITEMS_SHOWN),
        "update_form": UpdateForm(),
        "posting_refusal": refusal,
        "review_notice": notice,
        "first_visit": member.previous_visit_at is None,
        "followed_news": followed_questions_with_news(member=member, since=since),
        "articles": articles,
        "articles_personal": personal,
        "new_article_ids": {a.pk for a in articles if a.published_at and a.published_at > since},
        "her_topics": [*interests.topics, *extra_topics],
        "active_questions": home_questions(limit=5),
        "welcome_pending": pending,
        "welcome_resume_step": resume,
        "welcome_step_number": step_index(resume) + 1 if pending else None,
        "welcome_step_count": len(STEPS),
    }
