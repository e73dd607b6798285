"""Demo experiences for `seed_demo`: real figures for the flagship treatments, "fewer than 10"
for the rare ones. Idempotent: a member's experience of a treatment is written once.

Forty demo members join the twenty of accounts' demo, most sharing their HER2 status with
members (the reference page is about HER2-positive breast cancer), so "people like me" has a
group to show for HopefulHeron, the demo member, on trastuzumab and TCHP.
"""

import random
from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import Profile, User, Visibility
from catalogue.models import Treatment
from core.markdown import render_member_markdown

from .models import Experience, ExperienceSideEffect, SideEffect
from .services.figures import treatment_figures_refresh

PASSWORD = "demo-pass-2026"
_ADJECTIVES = ["Gentle", "Steady", "Bright", "Patient", "Quiet", "Hardy", "Tender", "Kind"]
_NOUNS = ["Otter", "Lark", "Maple", "Harbor", "Fennel", "Juniper"]
MEMBER_COUNT = 40

# How many demo experiences each treatment gets: flagship ones pass the threshold of 10,
# rare ones stay under it (their pages say "fewer than 10").
PLAN = {
    "trastuzumab": 30,
    "tchp": 18,
    "pertuzumab": 16,
    "phesgo": 13,
    "tamoxifen": 12,
    "radiation": 12,
    "fam-trastuzumab-deruxtecan": 11,
    "ado-trastuzumab-emtansine": 6,
    "capecitabine": 5,
    "neratinib": 4,
    "tucatinib": 3,
    "lapatinib": 2,
}

# Side effects each treatment tends to bring (slugs of the editors' catalogue), most likely first.
LIKELY = {
    "trastuzumab": ["fatigue", "infusion-reaction", "heart-changes", "aches", "diarrhoea"],
    "tchp": ["fatigue", "nausea", "diarrhoea", "hair-loss", "neuropathy", "mouth-sores"],
    "pertuzumab": ["diarrhoea", "fatigue", "rash", "infusion-reaction"],
    "phesgo": ["fatigue", "diarrhoea", "infusion-reaction", "rash"],
    "tamoxifen": ["hot-flushes", "mood", "aches", "fatigue"],
    "radiation": ["fatigue", "rash", "lymphoedema"],
    "fam-trastuzumab-deruxtecan": ["nausea", "fatigue", "hair-loss", "breathlessness"],
    "ado-trastuzumab-emtansine": ["fatigue", "nausea", "low-blood-counts"],
    "capecitabine": ["hand-foot", "diarrhoea", "fatigue"],
    "neratinib": ["diarrhoea", "nausea", "fatigue"],
    "tucatinib": ["diarrhoea", "hand-foot", "fatigue"],
    "lapatinib": ["diarrhoea", "rash"],
}

HELPED = {
    "fatigue": ["A short walk every morning", "Saying yes when friends offered meals"],
    "nausea": ["Ginger biscuits and small meals", "Taking the anti-sickness tablets on time"],
    "diarrhoea": ["Loperamide as my nurse explained", "Plain rice and lots of water"],
    "hair-loss": ["A cold cap saved some of it", "Soft cotton scarves"],
    "neuropathy": ["Telling my team early so they adjusted the dose", "Warm socks"],
    "rash": ["A fragrance-free moisturiser twice a day", "Loose cotton tops"],
    "infusion-reaction": ["A slower drip rate", "Warm blankets in the chair"],
    "heart-changes": ["Keeping every echo appointment", "A week's pause, then back on"],
    "aches": ["Gentle stretching before bed", "Paracetamol my team agreed to"],
    "hot-flushes": ["Layers I can take off", "A small fan on the bedside table"],
    "mood": ["Talking to the breast care nurse", "This community on bad evenings"],
    "hand-foot": ["Urea cream on hands and feet", "Cool water soaks"],
    "mouth-sores": ["A salt and baking soda rinse", "A soft toothbrush"],
    "low-blood-counts": ["Staying away from crowds the week after", "Extra rest"],
    "lymphoedema": ["Arm exercises from the physio", "A compression sleeve"],
    "breathlessness": ["Calling the team the same day, as they asked", "Pacing the stairs"],
}

TIPS = [
    "Bring a blanket and a snack to every infusion; the chairs get cold and the days get long.",
    "Write your questions down the night before. I always forgot them in the room.",
    "The first cycle was the hardest. It settled once I knew what to expect.",
    "Ask about the heart scans early so they are booked before you need them.",
    "Tell your nurse about every new symptom, even small ones. They have a fix for most.",
    "Rest when you can, but a little movement helped me more than lying down all day.",
    "Keep a simple diary of side effects; it made my appointments much easier.",
    "Accept the help people offer. Meals and lifts to the hospital meant a lot.",
    "",
    "",
]


def _members() -> list[User]:
    names = [f"{a}{n}" for n in _NOUNS for a in _ADJECTIVES][:MEMBER_COUNT]
    members = []
    for position, name in enumerate(names):
        email = f"{name.lower()}@demo.mybcteam.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            rng = random.Random(name)  # the same facts for her on every machine
            user = User.objects.create_user(
                email,
                PASSWORD,
                display_name=name,
                date_joined=timezone.now() - timedelta(days=90 + position),
            )
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            her2 = "positive" if rng.random() < 0.8 else rng.choice(["low", "negative"])
            hormone = rng.choice(["positive", "negative"])
            stage = rng.choice(["1", "2", "2", "3", "4"])
            # Most share their HER2 status and stage with members; some keep them to themselves.
            Profile.objects.filter(user=user).update(
                role=Profile.Role.LIVING_WITH,
                her2_status=her2,
                her2_status_visibility=Visibility.MEMBERS
                if rng.random() < 0.85
                else Visibility.ONLY_ME,
                hormone_status=hormone,
                hormone_status_visibility=Visibility.MEMBERS
                if rng.random() < 0.6
                else Visibility.ONLY_ME,
                stage=stage,
                stage_visibility=Visibility.MEMBERS if rng.random() < 0.5 else Visibility.ONLY_ME,
                treatments_visibility=Visibility.MEMBERS,
            )
        members.append(user)
    return members


def _experience_write(
    *, author: User, treatment: Treatment, effects: dict[str, SideEffect]
) -> None:
    if Experience.objects.filter(author=author, treatment=treatment).exists():
        return
    rng = random.Random(f"{treatment.slug}:{author.email}")
    tips = rng.choice(TIPS)
    experience = Experience.objects.create(
        author=author,
        treatment=treatment,
        started_on=date(2026, 1, 1) - timedelta(days=31 * rng.randrange(20)),
        still_on=rng.random() < 0.4,
        going=rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 5, 3])[0],
        tips=tips,
        tips_html=render_member_markdown(tips) if tips else "",
    )
    likely = LIKELY.get(treatment.slug, ["fatigue"])
    chosen = [slug for rank, slug in enumerate(likely) if rng.random() < 0.8 / (1 + rank * 0.35)]
    ExperienceSideEffect.objects.bulk_create(
        ExperienceSideEffect(
            experience=experience,
            side_effect=effects[slug],
            bother=rng.choice([1, 2, 2, 3]),
            helped=rng.choice([*HELPED.get(slug, []), ""]),
        )
        for slug in chosen
        if slug in effects
    )


def seed() -> None:
    """Demo members' experiences (and HopefulHeron's own), then the stored figures."""
    members = _members()
    effects = {e.slug: e for e in SideEffect.objects.all()}
    treatments = {t.slug: t for t in Treatment.objects.filter(slug__in=PLAN)}
    for slug, count in PLAN.items():
        treatment = treatments.get(slug)
        if treatment is None:
            continue
        # Seeded by the treatment, so running the seed again picks the same members.
        for author in random.Random(slug).sample(members, count):
            _experience_write(author=author, treatment=treatment, effects=effects)
            author.profile.past_treatments.add(treatment)
    heron = User.objects.filter(email="hopefulheron@demo.mybcteam.example").first()
    if heron is not None and "tchp" in treatments:
        _experience_write(author=heron, treatment=treatments["tchp"], effects=effects)
    treatment_figures_refresh()
