"""Forum content inside other apps' pages, so their code never imports the forum."""

from typing import Any

from django import template

from forum import selectors

register = template.Library()


@register.inclusion_tag("forum/includes/latest_questions.html")
def latest_questions_for_topics(
    topics: Any, limit: int = 6, heading: str = "Related questions from members"
) -> dict[str, Any]:
    """Titles (public) of the newest questions sharing these topics, linking to each."""
    topic_list = list(topics.all()) if hasattr(topics, "all") else list(topics or [])
    return {
        "questions": selectors.latest_questions_for_topics(topics=topic_list, limit=int(limit)),
        "heading": heading,
    }
