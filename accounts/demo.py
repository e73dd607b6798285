"""Demo members for `manage.py seed_demo`: staff with each role and 20 varied members."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from catalogue.models import Treatment

from .consent import HEALTH_CONSENT_VERSION
from .models import HealthDataConsent, Profile, User, Visibility

DEMO_PASSWORD = "demo-pass-2026"

# Members who keep their health details to themselves, so the demo shows both cases.
_PRIVATE = {"PlumPuffin", "JuniperJay"}

# (display name, role, diagnosis, HER2, hormone, stage, age, region, bio)
_MEMBERS = [
    (
        "HopefulHeron",
        "living_with",
        "idc",
        "positive",
        "negative",
        "2",
        "40s",
        "Ohio",
        "Three weeks into TCHP. Learning as I go.",
    ),
    (
        "MarigoldMorning",
        "living_with",
        "idc",
        "positive",
        "positive",
        "1",
        "50s",
        "Texas",
        "Finished radiation in spring, now on tamoxifen.",
    ),
    (
        "QuietCedar",
        "partner",
        "",
        "",
        "",
        "",
        "50s",
        "Oregon",
        "Husband of a brave woman on Herceptin.",
    ),
    (
        "SunnyFern",
        "living_with",
        "dcis",
        "negative",
        "positive",
        "0",
        "60s",
        "Florida",
        "DCIS, lumpectomy, grateful it was caught early.",
    ),
    (
        "RiverStone",
        "living_with",
        "metastatic",
        "positive",
        "positive",
        "4",
        "50s",
        "Ontario",
        "Living with MBC for six years. Enhertu now.",
    ),
    ("LilacLantern", "family", "", "", "", "", "30s", "Kent", "My mum was diagnosed last month."),
    (
        "TealTortoise",
        "living_with",
        "ilc",
        "negative",
        "positive",
        "2",
        "60s",
        "Queensland",
        "Lobular, on anastrozole. Gardening keeps me sane.",
    ),
    (
        "BraveBirch",
        "living_with",
        "inflammatory",
        "positive",
        "negative",
        "3",
        "30s",
        "Michigan",
        "IBC warrior. Phesgo injections every three weeks.",
    ),
    ("GentleGull", "friend", "", "", "", "", "40s", "Dublin", "Here to support my best friend."),
    (
        "WillowWren",
        "living_with",
        "idc",
        "low",
        "positive",
        "2",
        "40s",
        "Bavaria",
        "HER2-low, lots of questions.",
    ),
    (
        "AmberAster",
        "living_with",
        "idc",
        "positive",
        "positive",
        "3",
        "40s",
        "Georgia",
        "Neratinib after Herceptin year. Diarrhoea tips welcome.",
    ),
    (
        "CobaltCrane",
        "living_with",
        "metastatic",
        "positive",
        "negative",
        "4",
        "60s",
        "Arizona",
        "Tucatinib plus capecitabine since 2024.",
    ),
    ("PeachPelican", "partner", "", "", "", "", "40s", "Wales", "Wife had a mastectomy in June."),
    (
        "SageSparrow",
        "living_with",
        "idc",
        "negative",
        "negative",
        "2",
        "30s",
        "California",
        "Triple negative, finished chemo.",
    ),
    (
        "MeadowMoth",
        "living_with",
        "idc",
        "positive",
        "positive",
        "1",
        "50s",
        "Victoria",
        "Kadcyla after residual disease at surgery.",
    ),
    ("OakenOtter", "family", "", "", "", "", "under30", "Quebec", "Daughter of a survivor."),
    (
        "PlumPuffin",
        "living_with",
        "dcis",
        "unknown",
        "unknown",
        "unknown",
        "40s",
        "Andalusia",
        "Diagnosed in Spain, now living in England.",
    ),
    (
        "CloverComet",
        "living_with",
        "idc",
        "positive",
        "negative",
        "2",
        "50s",
        "Illinois",
        "In a clinical trial. Happy to share what it is like.",
    ),
    (
        "JuniperJay",
        "living_with",
        "ilc",
        "positive",
        "positive",
        "3",
        "70plus",
        "Maine",
        "Retired nurse, now the patient.",
    ),
    (
        "HazelHarbor",
        "friend",
        "",
        "",
        "",
        "",
        "50s",
        "Colorado",
        "Driving my friend to infusions every Tuesday.",
    ),
]


# Demo members' treatments from the catalogue: (current, past) slugs.
_TREATMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "HopefulHeron": (("tchp",), ()),
    "MarigoldMorning": (("tamoxifen",), ("lumpectomy", "radiation", "trastuzumab")),
    "SunnyFern": ((), ("lumpectomy",)),
    "RiverStone": (("fam-trastuzumab-deruxtecan",), ("trastuzumab", "pertuzumab", "tchp")),
    "TealTortoise": (("anastrozole",), ("mastectomy",)),
    "BraveBirch": (("phesgo",), ("chemotherapy", "mastectomy", "radiation")),
    "WillowWren": (("chemotherapy",), ()),
    "AmberAster": (("neratinib",), ("trastuzumab", "mastectomy")),
    "CobaltCrane": (("tucatinib", "capecitabine", "trastuzumab"), ("lapatinib",)),
    "SageSparrow": ((), ("chemotherapy", "lumpectomy")),
    "MeadowMoth": (("ado-trastuzumab-emtansine",), ("tchp", "mastectomy")),
    "CloverComet": (("trastuzumab-dkst",), ("ac-th",)),
    "JuniperJay": (("tamoxifen",), ("mastectomy", "reconstruction", "radiation")),
}


def _ensure_user(email: str, display_name: str, **extra: object) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        # Demo people have been here for weeks: past the welcome flow.
        extra.setdefault("welcome_done_at", timezone.now())
        user = User.objects.create_user(email, DEMO_PASSWORD, display_name=display_name, **extra)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed() -> list[tuple[str, str]]:
    """Create the demo staff and members; returns (role, email) pairs for the login list."""
    admin = _ensure_user(
        "admin@demo.mybcteam.example", "SiteAdmin", is_staff=True, is_superuser=True
    )
    editor = _ensure_user("editor@demo.mybcteam.example", "EditorElena", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    moderator = _ensure_user("moderator@demo.mybcteam.example", "ModeratorMaya", is_staff=True)
    moderator.groups.add(Group.objects.get_or_create(name="Moderators")[0])

    for name, role, diagnosis, her2, hormone, stage, age, region, bio in _MEMBERS:
        user = _ensure_user(f"{name.lower()}@demo.mybcteam.example", name)
        user.date_joined = min(user.date_joined, timezone.now() - timedelta(days=60))
        user.save(update_fields=["date_joined"])
        profile = Profile.objects.get(user=user)
        profile.role, profile.bio = role, bio
        if diagnosis or her2:
            if not user.health_consents.exists():
                HealthDataConsent.objects.create(user=user, wording_version=HEALTH_CONSENT_VERSION)
            profile.diagnosis_type, profile.her2_status = diagnosis, her2
            profile.hormone_status, profile.stage = hormone, stage
            # Most demo members share their health details with members; a few keep them private.
            shared = Visibility.ONLY_ME if name in _PRIVATE else Visibility.MEMBERS
            profile.diagnosis_type_visibility = profile.her2_status_visibility = shared
            profile.stage_visibility = profile.hormone_status_visibility = shared
            profile.treatments_visibility = shared
            current, past = _TREATMENTS.get(name, ((), ()))
            profile.current_treatments.set(Treatment.objects.filter(slug__in=current))
            profile.past_treatments.set(Treatment.objects.filter(slug__in=past))
        profile.age_range, profile.region = age, region
        profile.age_range_visibility = profile.region_visibility = Visibility.MEMBERS
        profile.full_clean()  # demo data obeys the same choices a member's form does
        profile.save()
    return [
        ("admin", admin.email),
        ("editor", editor.email),
        ("moderator", moderator.email),
        ("member", "hopefulheron@demo.mybcteam.example"),
    ]
