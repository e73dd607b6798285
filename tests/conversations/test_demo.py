from accounts import demo as accounts_demo
from accounts.models import User
from activities import demo as activities_demo
from conversations import demo
from conversations.models import Message
from conversations.selectors import conversation_between
from moderation.models import ModerationState


def test_demo_seed_writes_one_delivered_conversation_between_team_mates_once(db):
    accounts_demo.seed()
    activities_demo.seed()

    first = demo.seed()
    second = demo.seed()

    heron = User.objects.get(email="hopefulheron@demo.mybcteam.example")
    marigold = User.objects.get(email="marigoldmorning@demo.mybcteam.example")
    conversation = conversation_between(member_id=heron.pk, other_id=marigold.pk)
    assert (first, second) == (len(demo.THREAD), 0)
    assert conversation is not None
    messages = Message.objects.filter(conversation=conversation)
    assert messages.count() == len(demo.THREAD)
    assert not messages.exclude(moderation_state=ModerationState.VISIBLE).exists()
