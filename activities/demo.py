"""Demo activities for `manage.py seed_demo`: teams, a few weeks of updates with comments and
hugs, a pending request and one block. Idempotent: skipped when the demo updates exist."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Block, User
from core.markdown import render_member_markdown
from moderation.models import ModerationState

from .models import Audience, TeamLink, TeamRequest, Update, UpdateComment, UpdateHug

# Teams of people who would find each other: HER2-positive on TCHP, hormone-positive on
# tamoxifen, partners and family.
TEAMS: list[tuple[str, str]] = [
    ("HopefulHeron", "MarigoldMorning"),
    ("HopefulHeron", "AmberAster"),
    ("HopefulHeron", "BraveBirch"),
    ("HopefulHeron", "CobaltCrane"),
    ("MarigoldMorning", "SageSparrow"),
    ("MarigoldMorning", "SunnyFern"),
    ("AmberAster", "CobaltCrane"),
    ("BraveBirch", "RiverStone"),
    ("QuietCedar", "RiverStone"),
    ("SunnyFern", "SageSparrow"),
]
PENDING_REQUESTS: list[tuple[str, str]] = [("WillowWren", "HopefulHeron")]
# (blocker, blocked): nobody is told; the demo shows the settings list.
BLOCKS: list[tuple[str, str]] = [("MarigoldMorning", "OakenOtter")]

# (author, days ago, tag, audience, text, [(commenter, comment), ...], [huggers])
UPDATES: list[tuple[str, int, str, str, str, list[tuple[str, str]], list[str]]] = [
    (
        "HopefulHeron",
        20,
        "infusion_day",
        Audience.MEMBERS,
        "First TCHP infusion today. Six hours in the chair, a good book and a very kind nurse "
        "called Dee. Nervous about the next few days, but it's started, and that feels like "
        "something.",
        [
            (
                "MarigoldMorning",
                "You did the hardest part: walking in. Drink lots, rest lots, "
                "and tell us how you are.",
            ),
            (
                "AmberAster",
                "Ask for the diarrhoea plan before you leave, if you don't have it. "
                "Thinking of you this week.",
            ),
        ],
        ["MarigoldMorning", "AmberAster", "BraveBirch", "SunnyFern"],
    ),
    (
        "HopefulHeron",
        17,
        "hard_day",
        Audience.TEAM,
        "Day three. Everything tastes of coins and I slept most of the afternoon. Just "
        "wanted to tell my team, not the world.",
        [
            (
                "BraveBirch",
                "Days three to five were the worst for me too. It does lift. Sending a big hug.",
            )
        ],
        ["BraveBirch", "CobaltCrane", "MarigoldMorning"],
    ),
    (
        "HopefulHeron",
        12,
        "good_day",
        Audience.MEMBERS,
        "A proper good day: walked to the park, ate a whole sandwich, and laughed at "
        "something on the radio. Keeping this one.",
        [("CobaltCrane", "Love this. Bank the good days!")],
        ["CobaltCrane", "AmberAster", "RiverStone", "SageSparrow", "SunnyFern"],
    ),
    (
        "HopefulHeron",
        2,
        "infusion_day",
        Audience.MEMBERS,
        "Round two done. Knowing what to expect made it easier. Frozen grapes are in the "
        "freezer, thank you all for that tip.",
        [("MarigoldMorning", "Frozen grape club! Rest up.")],
        ["MarigoldMorning", "BraveBirch"],
    ),
    (
        "MarigoldMorning",
        15,
        "scan_day",
        Audience.MEMBERS,
        "Scan this morning, results on Friday. The waiting is its own side effect.",
        [
            ("SageSparrow", "Scanxiety is real. Sending calm your way until Friday."),
            ("HopefulHeron", "Fingers crossed for you."),
        ],
        ["SageSparrow", "SunnyFern", "HopefulHeron"],
    ),
    (
        "MarigoldMorning",
        11,
        "milestone",
        Audience.MEMBERS,
        "Results were clear. I cried in the car park, the good kind of crying.",
        [
            ("SunnyFern", "The best news. So happy for you."),
            ("HopefulHeron", "This made my whole week."),
        ],
        ["SunnyFern", "HopefulHeron", "SageSparrow", "AmberAster", "QuietCedar"],
    ),
    (
        "AmberAster",
        9,
        "tired_day",
        Audience.TEAM,
        "Pertuzumab tummy again. Staying close to home today with toast and tea.",
        [("CobaltCrane", "Little and often with the fluids. Hope it settles soon.")],
        ["CobaltCrane", "HopefulHeron"],
    ),
    (
        "QuietCedar",
        8,
        "appointment_day",
        Audience.MEMBERS,
        "Went with my wife to her Herceptin appointment. Partners, bring snacks and a phone "
        "charger: it is a long day for both of you.",
        [("RiverStone", "Good advice. My husband learned the snack lesson the hard way.")],
        ["RiverStone", "HopefulHeron"],
    ),
    (
        "SageSparrow",
        6,
        "",
        Audience.MEMBERS,
        "Week two of radiation. My skin is a bit pink and I'm tired by the evening, but "
        "otherwise fine. Aloe and loose cotton shirts are my friends.",
        [
            (
                "MarigoldMorning",
                "Same here at this point. The last week is the most tiring; "
                "after that it eases quickly.",
            )
        ],
        ["MarigoldMorning", "SunnyFern"],
    ),
    (
        "RiverStone",
        4,
        "good_day",
        Audience.MEMBERS,
        "Back at work two mornings a week. It feels good to talk about things other than "
        "cancer for a few hours.",
        [("BraveBirch", "That's a big step. Go gently.")],
        ["BraveBirch", "QuietCedar", "HopefulHeron"],
    ),
    (
        "BraveBirch",
        1,
        "appointment_day",
        Audience.MEMBERS,
        "Met my oncologist today. Six rounds, then a year of targeted therapy. Writing it "
        "down here makes it feel more real and less scary at the same time.",
        [("HopefulHeron", "Same plan as me. We'll take it one round at a time together.")],
        ["HopefulHeron", "RiverStone", "CobaltCrane"],
    ),
]


def _members() -> dict[str, User]:
    users = User.objects.filter(email__endswith="@demo.mybcteam.example")
    return {u.email.split("@")[0]: u for u in users}


def _member(members: dict[str, User], name: str) -> User | None:
    return members.get(name.lower())


def seed() -> int:
    """Create the demo teams and updates; returns how many updates were added."""
    members = _members()
    _seed_teams(members)
    added = 0
    now = timezone.now()
    for author_name, days, tag, audience, text, comments, huggers in UPDATES:
        author = _member(members, author_name)
        if author is None or Update.objects.filter(author=author, body=text).exists():
            continue
        posted = now - timedelta(days=days, hours=(added * 5) % 11)
        update = Update.objects.create(
            author=author,
            body=text,
            body_html=render_member_markdown(text),
            tag=tag,
            audience=audience,
            created_at=posted,
        )
        for position, (name, comment) in enumerate(comments):
            if (writer := _member(members, name)) is not None:
                UpdateComment.objects.create(
                    update=update,
                    author=writer,
                    body=comment,
                    body_html=render_member_markdown(comment),
                    created_at=posted + timedelta(hours=2 + 3 * position),
                    notified=True,
                )
        for name in huggers:
            if (hugger := _member(members, name)) is not None:
                UpdateHug.objects.get_or_create(update=update, member=hugger)
        added += 1
    _recount()
    return added


def _seed_teams(members: dict[str, User]) -> None:
    for first, second in TEAMS:
        one, other = _member(members, first), _member(members, second)
        if one is not None and other is not None:
            TeamLink.objects.get_or_create(member=one, mate=other)
            TeamLink.objects.get_or_create(member=other, mate=one)
    for sender, recipient in PENDING_REQUESTS:
        one, other = _member(members, sender), _member(members, recipient)
        if one is not None and other is not None:
            TeamRequest.objects.get_or_create(sender=one, recipient=other)
    for blocker, blocked in BLOCKS:
        one, other = _member(members, blocker), _member(members, blocked)
        if one is not None and other is not None:
            Block.objects.get_or_create(blocker=one, blocked=other)


def _recount() -> None:
    visible = Q(comments__moderation_state=ModerationState.VISIBLE)
    for update in Update.objects.annotate(
        n=Count("comments", filter=visible, distinct=True), n_hugs=Count("hugs", distinct=True)
    ):
        if (update.comment_count, update.hug_count) != (update.n, update.n_hugs):
            Update.objects.filter(pk=update.pk).update(
                comment_count=update.n, hug_count=update.n_hugs
            )
