"""Posts of other apps that join team feeds (the forum's questions, through core's registry)."""

from .feed import feed_question_published


def team_post_published(*, kind: str, post_id: int, author_id: int) -> None:
    """core.team_feed_registry listener: a team-feed post of another app went up."""
    if kind == "question":
        feed_question_published(question_id=post_id, author_id=author_id)
