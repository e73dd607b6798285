"""A demo conversation for `manage.py seed_demo`: two team mates writing to each other, sent
through the real service (encrypted, checked, notified). Idempotent: skipped when the two
already have a conversation."""

from accounts.models import User

from .selectors import conversation_between
from .services import message_send

# HopefulHeron and MarigoldMorning are on each other's team (activities.demo), so they write
# freely; nothing here holds a message for review.
THREAD: list[tuple[str, str]] = [
    (
        "marigoldmorning",
        "I saw your update about the first infusion. How was the night after? I was so tired "
        "after mine that I slept through dinner.",
    ),
    (
        "hopefulheron",
        "Tired, and a little achy, but better than I feared. Thank you for asking. Did the "
        "tiredness get easier with later cycles?",
    ),
    (
        "marigoldmorning",
        "It did for me, mostly the first two days after each one. Short walks helped more than "
        "I expected. Ask your nurse about the days to watch for a temperature.",
    ),
    ("hopefulheron", "I will. It helps to hear it from someone who has been there."),
]


def seed() -> int:
    """Write the demo thread once; returns how many messages it wrote."""
    members = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith="@demo.mybcteam.example")
    }
    first, second = members.get("hopefulheron"), members.get("marigoldmorning")
    if first is None or second is None:
        return 0
    if conversation_between(member_id=first.pk, other_id=second.pk) is not None:
        return 0
    for name, body in THREAD:
        sender = members[name]
        recipient = second if sender == first else first
        message_send(sender=sender, recipient=recipient, body=body)
    return len(THREAD)
