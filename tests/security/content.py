"""Objects of the content apps for URL kwargs: one of each, written by `author`."""

from typing import Any

from accounts.models import User
from tests.factories import UserFactory


def content_objects(*, author: User) -> dict[str, Any]:
    """A question, an answer by someone else, an anonymous question, newsletter tokens..."""
    from forum.models import QuestionFollow
    from forum.services import unfollow_token
    from newsletter.tokens import token_make
    from tests.forum.factories import AnswerFactory, QuestionFactory
    from tests.newsletter.factories import SubscriberFactory

    someone = UserFactory.create()
    question = QuestionFactory.create(author=author)
    subscriber = SubscriberFactory.create()
    found: dict[str, Any] = {
        "question": question,
        "answer": AnswerFactory.create(question=question, author=someone),
        "own_answer": AnswerFactory.create(question=question, author=author),
        "anonymous_question": QuestionFactory.create(author=someone, is_anonymous=True),
        "unfollow_token": unfollow_token(
            follow=QuestionFollow.objects.create(question=question, member=author)
        ),
        "subscriber": subscriber,
        **{
            f"{purpose}_token": token_make(subscriber_id=subscriber.pk, purpose=purpose)
            for purpose in ("confirm", "unsubscribe", "preferences")
        },
    }
    found.update(_articles(author=author, someone=someone))
    found.update(_treatments(author=author))
    found.update(_activities(author=author, someone=someone))
    found.update(_conversations(author=author, someone=someone))
    found.update(_notifications(author=author, someone=someone))
    found["photo_key"] = _photo(owner=someone)
    return found


def _notifications(*, author: User, someone: User) -> dict[str, Any]:
    """A notification for `author` (someone asked to join her team)."""
    from notifications.services import notify

    return {"notification": notify(kind="team_request", recipient=author, actor=someone)}


def _photo(*, owner: User) -> str:
    """A profile photo shared with members (stored in the test's photo folder)."""
    import io

    from accounts.photo_services import profile_photo_set
    from tests.accounts.photo_files import jpeg_bytes

    return profile_photo_set(user=owner, stream=io.BytesIO(jpeg_bytes()), size=None).photo_key


def _articles(*, author: User, someone: User) -> dict[str, Any]:
    try:
        from articles.models import Comment
    except ImportError:
        return {}
    from tests.factories import TopicFactory
    from tests.newsletter.factories import ArticleFactory

    topic = TopicFactory.create()
    article = ArticleFactory.create()
    article.topics.add(topic)
    comment = Comment.objects.create(article=article, author=author, body="A kind comment.")
    other = Comment.objects.create(article=article, author=someone, body="Sending hugs.")
    return {"article": article, "comment": comment, "other_comment": other, "topic": topic}


def _treatments(*, author: User) -> dict[str, Any]:
    """A catalogue treatment, and a question on the author's private care-team list."""
    try:
        from treatments.models import CareQuestion
    except ImportError:
        return {}
    from catalogue.models import Treatment
    from tests.treatments.experience_helpers import experience_for

    treatment = Treatment.objects.order_by("pk")[0]
    return {
        "treatment": treatment,
        "care_question": CareQuestion.objects.create(owner=author, text="What is my HER2 status?"),
        "experience": experience_for(author, treatment, tips="Gentle walks after each cycle."),
    }


def _activities(*, author: User, someone: User) -> dict[str, Any]:
    """An update for all members by `author`, her comment under it, a request to her."""
    from activities.models import TeamRequest
    from tests.activities.factories import UpdateCommentFactory, UpdateFactory

    update = UpdateFactory.create(author=author)
    return {
        "update": update,
        "update_comment": UpdateCommentFactory.create(update=update, author=author),
        "team_request": TeamRequest.objects.create(sender=someone, recipient=author),
        "someone": someone,
    }


def _conversations(*, author: User, someone: User) -> dict[str, Any]:
    """A conversation of `author` with someone (a message each), and a request to her."""
    from conversations.models import Conversation, Message, MessageRequest, Participant

    def conversation_of(first: User, second: User) -> Conversation:
        low, high = sorted((first, second), key=lambda member: member.pk)
        conversation = Conversation.objects.create(first=low, second=high)
        for member in (low, high):
            Participant.objects.create(conversation=conversation, member=member)
        return conversation

    conversation = conversation_of(author, someone)
    own = Message.objects.create(conversation=conversation, author=author, body="Hello")
    Message.objects.create(conversation=conversation, author=someone, body="Hello back")
    requester = UserFactory.create()
    asked = conversation_of(requester, author)
    MessageRequest.objects.create(conversation=asked, sender=requester, recipient=author)
    Message.objects.create(conversation=asked, author=requester, body="May I write to you?")
    return {"conversation": conversation, "own_message": own, "message_request": asked}
