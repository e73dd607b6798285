"""The member side of the page-speed data set: what the bench member sees when logged in.

The bench member (bench-member-0) has a team of 200 mates who posted for a year (about one
update a week each, a few hugs and comments), her own year of updates, a few hundred
notifications about them, a 500-message conversation with her first mate, and trastuzumab has
a few hundred experiences with its figures computed. Rows go in with bulk_create; the few that
need the product's exact behaviour go through its services: the conversation is opened and its
newest messages sent by `message_send` (encryption, delivery, participants), the older ones
are written through the same encrypted field, and the figures by the figures service. Her
"My team" feed is not written here: the benchmark starts on an empty Redis, and the product
rebuilds a missing feed from SQL on its first read, as it does after a Redis restart.

Each part checks its own marker and adds only what is missing, so running it again on a
database that holds the set changes nothing.
"""

import random
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

TEAM_SIZE = 200
UPDATES_PER_MATE = 52  # a year, one a week
OWN_UPDATES = 120
NOTIFICATIONS = 400  # at most: as many as her updates' comments and hugs make (about 350)
UNREAD = 25
EXPERIENCES = 400
CONVERSATION_MESSAGES = 500
SENT_BY_SERVICE = 10  # the newest ones, through message_send
TREATMENT_SLUG = "trastuzumab"
BATCH = 2_000

_UPDATES = [
    "Infusion day number {n}. The nurses remembered my name and my favourite blanket.",
    "Scan results were stable. I cried in the car park, the good kind of tears.",
    "Tired today, but I walked to the end of the road and back. Small wins.",
    "Cold cap again; still have most of my hair. Ask about it if you can.",
    "Hard day. The fatigue is heavy and the kids are loud. Tomorrow will be better.",
    "Milestone: last radiation session done! Rang the bell with my sister beside me.",
    "Waiting for results is the worst part. Anyone have tricks for the waiting week?",
    "Good day: lunch with friends and I ate everything on my plate.",
]
_COMMENTS = [
    "Sending you a big hug.",
    "So glad to hear it. Rest well tonight.",
    "The waiting week is awful; I watched old films and it helped a little.",
    "You are doing so well. One day at a time.",
]


def _rendered(text: str) -> str:
    from core.markdown import render_member_markdown

    return render_member_markdown(text)


def build(*, bench_email: str, rng: random.Random) -> None:
    """Add whatever of the member side is missing (each part is idempotent)."""
    from accounts.models import User

    now = timezone.now()
    member = User.objects.get(email=bench_email)
    if member.date_joined > now - timedelta(days=400):  # a member for over a year
        User.objects.filter(pk=member.pk).update(date_joined=now - timedelta(days=420))
    mates = list(
        User.objects.filter(email__endswith="@bench.mybcteam.example")
        .exclude(pk=member.pk)
        .order_by("pk")[:TEAM_SIZE]
    )
    with transaction.atomic():
        _team(member, mates)
    with transaction.atomic():
        _updates(member, mates, rng, now)
    with transaction.atomic():
        _notifications(member, mates, rng, now)
    with transaction.atomic():
        _experiences(rng)
    _conversation(member, mates[0], now)


def _team(member: Any, mates: list[Any]) -> None:
    from activities.models import TeamLink

    if TeamLink.objects.filter(member=member).count() >= len(mates):
        return
    links = [TeamLink(member=member, mate=m) for m in mates]
    links += [TeamLink(member=m, mate=member) for m in mates]
    TeamLink.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


def _updates(member: Any, mates: list[Any], rng: random.Random, now: Any) -> None:
    from activities.models import Audience, Update, UpdateComment, UpdateHug, UpdateTag

    if Update.objects.filter(author=member).exists():
        return
    texts = [t.format(n=n) for t in _UPDATES for n in range(1, 4)]
    rendered = {t: _rendered(t) for t in texts}
    tags = [tag for tag, _ in UpdateTag.choices]
    year = 365 * 24 * 60
    rows = []
    for author in [member] * OWN_UPDATES + [m for m in mates for _ in range(UPDATES_PER_MATE)]:
        text = rng.choice(texts)
        rows.append(
            Update(
                author=author,
                body=text,
                body_html=rendered[text],
                tag=rng.choice(tags),
                audience=Audience.TEAM if rng.random() < 0.2 else Audience.MEMBERS,
                created_at=now - timedelta(minutes=rng.randint(1, year)),
            )
        )
    Update.objects.bulk_create(rows, batch_size=BATCH)
    recent = list(Update.objects.filter(author__in=[member, *mates]).order_by("-created_at")[:600])
    # She hugged a third of the newest updates; mates comment on some, her own most of all.
    hugs = [UpdateHug(update=u, member=member) for u in recent if u.author_id != member.pk][::3]
    own = [u for u in recent if u.author_id == member.pk]
    hugs += [UpdateHug(update=u, member=m) for u in own for m in rng.sample(mates, 5)]
    UpdateHug.objects.bulk_create(hugs, batch_size=BATCH, ignore_conflicts=True)
    comments = []
    for update in [*own, *recent[::4]]:
        for _ in range(rng.randint(1, 4)):
            text = rng.choice(_COMMENTS)
            comments.append(
                UpdateComment(
                    update=update,
                    author=rng.choice(mates) if update.author_id == member.pk else member,
                    body=text,
                    body_html=_rendered(text),
                    created_at=update.created_at + timedelta(minutes=rng.randint(5, 600)),
                )
            )
    UpdateComment.objects.bulk_create(comments, batch_size=BATCH)
    _counts_refresh()


def _counts_refresh() -> None:
    """hug_count and comment_count, as the services keep them."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE activities_update u SET hug_count = h.n FROM (SELECT update_id, count(*) n"
            " FROM activities_updatehug GROUP BY update_id) h WHERE h.update_id = u.id"
        )
        cursor.execute(
            "UPDATE activities_update u SET comment_count = c.n FROM (SELECT update_id,"
            " count(*) n FROM activities_updatecomment WHERE moderation_state = 'visible'"
            " GROUP BY update_id) c WHERE c.update_id = u.id"
        )


def _notifications(member: Any, mates: list[Any], rng: random.Random, now: Any) -> None:
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User
    from activities.models import Update, UpdateComment
    from notifications.models import Notification

    # Her comment notifications mark this part as done (the conversation adds message ones).
    if Notification.objects.filter(recipient=member, kind="update_comment").exists():
        return
    update_type = ContentType.objects.get_for_model(Update)
    comment_type = ContentType.objects.get_for_model(UpdateComment)
    comments = list(
        UpdateComment.objects.filter(update__author=member).exclude(author=member)[:NOTIFICATIONS]
    )
    own = list(Update.objects.filter(author=member))
    rows = []
    for comment in comments[: NOTIFICATIONS * 2 // 3]:
        rows.append(
            Notification(
                recipient=member,
                kind="update_comment",
                actor_id=comment.author_id,
                actor_ids=[comment.author_id],
                target_type=comment_type,
                target_id=comment.pk,
                created_at=comment.created_at,
                updated_at=comment.created_at,
            )
        )
    for update in own:  # hugs are grouped: one row per update, its latest huggers
        if len(rows) >= NOTIFICATIONS - 20:
            break
        huggers = [m.pk for m in rng.sample(mates, 3)]
        rows.append(
            Notification(
                recipient=member,
                kind="update_hug",
                actor_id=huggers[0],
                actor_ids=huggers,
                actor_count=len(huggers) + rng.randint(0, 6),
                target_type=update_type,
                target_id=update.pk,
                created_at=update.created_at + timedelta(hours=1),
                updated_at=update.created_at + timedelta(hours=2),
            )
        )
    for mate in mates[: NOTIFICATIONS - len(rows)]:
        at = now - timedelta(days=rng.randint(200, 400))
        rows.append(
            Notification(
                recipient=member,
                kind="team_accepted",
                actor=mate,
                actor_ids=[mate.pk],
                created_at=at,
                updated_at=at,
            )
        )
    rows.sort(key=lambda row: row.updated_at)
    for row in rows[:-UNREAD]:
        row.read_at = row.updated_at + timedelta(hours=3)
    Notification.objects.bulk_create(rows, batch_size=BATCH)
    unread = Notification.objects.filter(recipient=member, read_at__isnull=True).count()
    User.objects.filter(pk=member.pk).update(notifications_unread=unread)


def _experiences(rng: random.Random) -> None:
    from datetime import date

    from accounts.models import Profile
    from catalogue.models import Treatment
    from treatments.models import Experience, ExperienceSideEffect, SideEffect
    from treatments.services.figures import treatment_figures_refresh

    treatment = Treatment.objects.filter(slug=TREATMENT_SLUG).first()
    if treatment is None or Experience.objects.filter(treatment=treatment).count() >= EXPERIENCES:
        return
    authors = list(
        Profile.objects.filter(user__email__endswith="@bench.mybcteam.example")
        .exclude(user__treatment_experiences__treatment=treatment)
        .order_by("?")
        .values_list("user_id", "pk")[:EXPERIENCES]
    )
    effects = list(SideEffect.objects.filter(active=True).values_list("pk", flat=True))
    tips = "Short walks and ginger tea. Ask about a port before the first infusion."
    tips_html = _rendered(tips)
    saved = Experience.objects.bulk_create(
        [
            Experience(
                author_id=user_id,
                treatment=treatment,
                started_on=date(2024, 6, 1) + timedelta(days=31 * rng.randrange(18)),
                still_on=rng.random() < 0.4,
                going=rng.randint(1, 5),
                tips=tips if rng.random() < 0.5 else "",
                tips_html=tips_html,
                moderation_state="visible" if rng.random() < 0.97 else "pending",
            )
            for user_id, _ in authors
        ],
        batch_size=BATCH,
    )
    ExperienceSideEffect.objects.bulk_create(
        [
            ExperienceSideEffect(
                experience_id=e.pk, side_effect_id=effect, bother=rng.randint(1, 3)
            )
            for e in saved
            for effect in rng.sample(effects, min(len(effects), rng.randint(0, 5)))
        ],
        batch_size=BATCH,
    )
    through = Profile.past_treatments.through
    through.objects.bulk_create(
        [through(profile_id=pk, treatment_id=treatment.pk) for _, pk in authors],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    treatment_figures_refresh(treatment_ids=[treatment.pk])


def _conversation(member: Any, mate: Any, now: Any) -> None:
    """500 messages between her and her first mate: opened and finished by the real service,
    the history between written through the same encrypted field."""
    from conversations.models import Conversation, Message
    from conversations.selectors import conversation_between
    from conversations.services import message_send

    conversation = conversation_between(member_id=member.pk, other_id=mate.pk)
    if conversation is not None and conversation.messages.count() >= CONVERSATION_MESSAGES:
        return
    if conversation is None:
        message_send(sender=member, recipient=mate, body="Hello! How was the first infusion?")
        conversation = conversation_between(member_id=member.pk, other_id=mate.pk)
        assert conversation is not None, "the first message did not open a conversation"
        # The opening message a year ago, so the history reads in time order.
        conversation.messages.update(created_at=now - timedelta(days=365))
    older = CONVERSATION_MESSAGES - SENT_BY_SERVICE - conversation.messages.count()
    members = [mate, member]
    Message.objects.bulk_create(
        [
            Message(
                conversation=conversation,
                author=members[number % 2],
                body=f"Message {number}: how the week went, the scan, and what helped.",
                created_at=now - timedelta(days=364) + timedelta(minutes=number * 1000),
                delivered_at=now - timedelta(days=364) + timedelta(minutes=number * 1000),
            )
            for number in range(max(0, older))
        ],
        batch_size=BATCH,
    )
    for number in range(SENT_BY_SERVICE):
        sender = members[number % 2]
        message_send(
            sender=sender,
            recipient=member if sender == mate else mate,
            body=f"Thinking of you today ({number}). How was the appointment?",
            conversation=Conversation.objects.get(pk=conversation.pk),
        )


def targets(*, bench_email: str) -> dict[str, Any]:
    """The member pages' URLs."""
    from accounts.models import User
    from activities.models import TeamLink
    from catalogue.models import Treatment
    from conversations.selectors import conversation_between

    member = User.objects.get(email=bench_email)
    link = TeamLink.objects.filter(member=member).select_related("mate").order_by("mate_id")
    mate = link.first().mate if link.exists() else None  # type: ignore[union-attr]
    conversation = conversation_between(member_id=member.pk, other_id=mate.pk) if mate else None
    treatment = Treatment.objects.filter(slug=TREATMENT_SLUG).first()
    return {
        "feed": "/activities/",
        "activities": f"/members/{mate.handle}/activities/" if mate else None,
        "notifications": "/notifications/",
        "treatment": f"/treatments/{treatment.slug}/" if treatment else None,
        "conversation": conversation.get_absolute_url() if conversation else None,
        "profile": f"/members/{mate.handle}/" if mate else None,
        "member_counts": {
            "team": link.count(),
            "conversation_messages": conversation.messages.count() if conversation else 0,
            "notifications": member.notifications.count(),
        },
    }
