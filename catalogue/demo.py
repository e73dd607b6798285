"""Demo topics shared by the articles and forum demos (`manage.py seed_demo`).

The treatment catalogue needs no demo data: its rows are seeded by a migration, so every
database, demo or not, starts with the treatments members meet most.
"""

from .models import Topic

# (slug, name, description): the description is the lead of the topic's page.
TOPICS = [
    (
        "her2-positive",
        "HER2-positive breast cancer",
        "What being HER2-positive means, how it is treated and what members have learned.",
    ),
    (
        "targeted-therapy",
        "Targeted therapy",
        "Medicines that find cancer cells by a feature they carry, such as the HER2 protein.",
    ),
    (
        "surgery-and-radiation",
        "Surgery and radiation",
        "Lumpectomy, mastectomy, lymph node surgery, reconstruction and radiation therapy.",
    ),
    (
        "chemotherapy",
        "Chemotherapy",
        "Chemotherapy on its own and alongside targeted drugs: regimens, schedules, side effects.",
    ),
    (
        "hormone-therapy",
        "Hormone therapy",
        "Endocrine treatment for hormone receptor-positive cancer, including tamoxifen.",
    ),
    (
        "clinical-trials",
        "Clinical trials",
        "How research studies work, what they can offer and the questions worth asking.",
    ),
    (
        "treatment-decisions",
        "Treatment decisions",
        "Working with your care team to choose a plan that fits your goals and values.",
    ),
    (
        "side-effects",
        "Side effects",
        "What treatment can do to your body, how to ease it and when to call your team.",
    ),
    (
        "diagnosis",
        "Diagnosis and tests",
        "Biopsies, scans and pathology reports: what each test tells you and your team.",
    ),
    (
        "emotional-support",
        "Emotional support",
        "Fear, worry, low mood and hope: looking after your mind through cancer and beyond.",
    ),
    (
        "everyday-life",
        "Everyday life",
        "Work, money, food, sleep and movement: living your life during and after treatment.",
    ),
    (
        "caregivers",
        "Caregivers",
        "For partners, family and friends who care for someone with breast cancer, and "
        "for themselves.",
    ),
    (
        "hormone-receptor-positive",
        "Hormone receptor-positive breast cancer",
        "Cancer that grows with oestrogen or progesterone: endocrine therapy and what goes with it.",
    ),
    (
        "triple-negative",
        "Triple-negative breast cancer",
        "Cancer without hormone receptors or extra HER2: chemotherapy, immunotherapy and beyond.",
    ),
    (
        "metastatic",
        "Metastatic breast cancer",
        "Living well with cancer that has spread: treatment over time, care and support.",
    ),
]

_BY_SLUG = {slug: (name, description) for slug, name, description in TOPICS}


def demo_topic(slug: str) -> Topic:
    """The demo topic with this slug, created if missing (or given its description if it
    has none). Idempotent.

    An editor may already have made a topic of the same name under another slug (names are
    unique too): that one is reused rather than failing the seed.
    """
    name, description = _BY_SLUG[slug]
    topic = Topic.objects.filter(slug=slug).first() or Topic.objects.filter(name=name).first()
    if topic is None:
        topic = Topic.objects.create(slug=slug, name=name, description=description)
    elif not topic.description and description:
        # Earlier seeds left some topics bare; fill the gap, never overwrite an editor's words.
        topic.description = description
        topic.save(update_fields=["description"])
    return topic
