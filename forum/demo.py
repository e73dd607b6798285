"""Demo questions and answers for `manage.py seed_demo`; idempotent (keyed on the title)."""

from datetime import timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone

from accounts.models import User
from catalogue.demo import demo_topic
from catalogue.models import Treatment
from core.markdown import render_member_markdown
from moderation.models import ModerationState
from moderation.services import content_after_create

from .models import Answer, Question, QuestionFollow, QuestionHug
from .services import question_slug

# (asker, title, details, topics, treatments, anonymous, [(answerer, answer), ...])
# The first seven are the questions the reference page lists; the rest round out the demo.
QUESTIONS: list[tuple[str, str, str, list[str], list[str], bool, list[tuple[str, str]]]] = [
    (
        "HopefulHeron",
        "What are symptoms after the first round of TCHP?",
        "I had my first TCHP infusion on Monday. Today I feel wiped out and food tastes like metal. What did the first week feel like for you, and when did it ease?",
        ["her2-positive", "side-effects"],
        ["tchp"],
        False,
        [
            (
                "MarigoldMorning",
                "Days three to five were my hardest each round: tired, a heavy head, and that same metal taste. Plastic cutlery and sucking on frozen grapes helped more than I expected. By day eight I felt close to normal.",
            ),
            (
                "AmberAster",
                "Diarrhoea was my big one with the pertuzumab. My nurse gave me a plan for it at the first visit, so ask for one if you have not got it. Drinking little and often kept me out of trouble.",
            ),
            (
                "QuietCedar",
                "My wife slept most of days two to four after round one. We learned to plan nothing for those days and to keep the thermometer by the bed, because a temperature during chemo means calling the unit straight away.",
            ),
        ],
    ),
    (
        "BraveBirch",
        "Has anyone started HER2-positive therapy? How long was your chemo?",
        "My oncologist mentioned six rounds of chemo and then a year of targeted therapy. That feels endless. How long did yours last from start to finish?",
        ["her2-positive", "treatment-decisions"],
        ["trastuzumab", "pertuzumab"],
        False,
        [
            (
                "HopefulHeron",
                "Six rounds of TCHP three weeks apart for me, so about four months of chemo. After surgery the Herceptin and Perjeta carry on alone, which is much gentler.",
            ),
            (
                "RiverStone",
                "Mine was twelve weekly paclitaxel infusions with Herceptin, then Herceptin every three weeks to finish the year. The year sounds long, but the targeted part let me go back to work.",
            ),
            (
                "CobaltCrane",
                "Four months of chemo, then the rest of the year on Phesgo injections. The injection takes minutes, which made the second half feel much shorter.",
            ),
        ],
    ),
    (
        "SageSparrow",
        "Small HER2 tumour of 2 mm: my doctor wants radiation and tamoxifen. Has anyone else done this treatment plan?",
        "It was found early and is hormone-positive as well. No chemo was suggested. I feel lucky and nervous at the same time. Did anyone have a plan like this?",
        ["her2-positive", "treatment-decisions"],
        ["radiation", "tamoxifen"],
        False,
        [
            (
                "MarigoldMorning",
                "Very close to mine: lumpectomy, three weeks of radiation, and tamoxifen now. The radiation made my skin pink and tired me out by the last week, nothing worse. Feeling lucky and nervous together is completely normal.",
            ),
            (
                "SunnyFern",
                "Tamoxifen gave me hot flushes for the first few months and then they calmed down. Write down your questions for each appointment; it helped me feel less swept along.",
            ),
        ],
    ),
    (
        "WillowWren",
        "When is shortness of breath an issue while using Herceptin for HER2+?",
        "I get a bit breathless on the stairs since starting Herceptin. My next heart scan is in a month. How did you know when to call?",
        ["her2-positive", "side-effects"],
        ["trastuzumab"],
        False,
        [
            (
                "RiverStone",
                "Herceptin can affect the heart, which is why they do the scans. My team told me to call the same day for breathlessness that is new or getting worse, swollen ankles, or a racing heart, and to call emergency services for chest pain. Please ring them about the stairs now rather than waiting a month.",
            ),
            (
                "CloverComet",
                "I called about the same thing and they brought my scan forward. It turned out to be anaemia from chemo, not my heart, but I was so glad I asked.",
            ),
        ],
    ),
    (
        "TealTortoise",
        "HER2-negative: does anybody have information on this?",
        "My report says HER2-negative and ER-positive. Everything I read online is about HER2-positive. What does negative mean for treatment?",
        ["diagnosis", "her2-positive"],
        [],
        False,
        [
            (
                "SunnyFern",
                "HER2-negative means the cancer cells do not have extra HER2 protein, so the HER2 drugs like Herceptin are not part of the plan. Being ER-positive means hormone therapy usually is. My oncologist drew me a little chart, and it helped a lot.",
            ),
            (
                "MeadowMoth",
                "Ask whether yours was tested for HER2-low too. Mine was HER2-low, which now matters for some treatments if the cancer ever comes back.",
            ),
        ],
    ),
    (
        "LilacLantern",
        "Is ER+ HER2- the same as HER2-positive? I am in England and was diagnosed in Spain, and I am confused",
        "My mum was diagnosed in Spain with 'ER+ HER2-' and now her team in England talks about hormone therapy only. Is something being missed?",
        ["diagnosis"],
        [],
        False,
        [
            (
                "GentleGull",
                "It sounds like the same result written two ways: ER-positive (hormone receptor positive) and HER2-negative. HER2-negative means Herceptin-type drugs are not used, which is why England talks about hormone therapy. Asking the new team to confirm they have the Spanish pathology report is a good idea.",
            ),
            (
                "TealTortoise",
                "I am ER+ HER2- as well. It is the most common type, and hormone tablets were the main treatment after my surgery. Your mum is lucky to have you asking.",
            ),
        ],
    ),
    (
        "SunnyFern",
        "I had DCIS and no stage. What does that mean?",
        "My letter says DCIS and there is no stage written anywhere. Does that mean they do not know how bad it is?",
        ["diagnosis"],
        ["lumpectomy"],
        False,
        [
            (
                "PlumPuffin",
                "DCIS is sometimes called stage 0 because the cells are still inside the milk ducts and have not spread into the breast tissue. Mine was treated with a lumpectomy and radiation. Having no stage written down was a good sign, not a gap.",
            ),
            (
                "HazelHarbor",
                "My friend had DCIS and her surgeon explained that the stage numbers are for invasive cancer. Ask them to write 'stage 0' on the letter if that helps you settle.",
            ),
        ],
    ),
    (
        "CobaltCrane",
        "How did you find the switch from IV Herceptin to Phesgo injections?",
        "I am offered Phesgo for the rest of my year. Does the injection hurt, and is it really that quick?",
        ["her2-positive", "treatment-decisions"],
        ["phesgo", "trastuzumab"],
        False,
        [
            (
                "BraveBirch",
                "It stings a little and the thigh feels full for a few minutes, but I was in and out in under an hour including waiting. No cannula was the best part.",
            ),
            (
                "AmberAster",
                "I asked them to inject slowly and that helped a lot. I would choose it again.",
            ),
        ],
    ),
    (
        "AmberAster",
        "What helped your nausea during chemo?",
        "Anti-sickness tablets take the edge off but not all of it. What else worked for you?",
        ["side-effects"],
        ["chemotherapy"],
        False,
        [
            (
                "HopefulHeron",
                "Eating small bland snacks before I got hungry. Crackers by the bed in the morning made a real difference.",
            ),
            (
                "JuniperJay",
                "Ginger biscuits and cold food, because smells were worse than tastes for me. And tell the team if the tablets are not enough; they changed mine and it was much better.",
            ),
        ],
    ),
    (
        "MeadowMoth",
        "Did anyone keep working during treatment?",
        "I am self-employed and worried about money. How did you manage work during chemo?",
        ["everyday-life"],
        [],
        False,
        [
            (
                "RiverStone",
                "I worked mornings only in the good week of each cycle. Telling two clients the truth early made it easier to move deadlines.",
            ),
            (
                "PeachPelican",
                "My partner kept working from home and we leaned on a rota of friends for lifts. Ask the hospital about a benefits adviser; ours found help we did not know existed.",
            ),
        ],
    ),
    (
        "CloverComet",
        "How do you cope with scanxiety before results?",
        "My next scan is Thursday and I cannot sleep. How do you get through the waiting?",
        ["emotional-support"],
        [],
        False,
        [
            (
                "RiverStone",
                "Six years in and it still gets me. I book something small for the afternoon of results day, whatever the news, and I let myself be a mess the night before.",
            ),
            (
                "WillowWren",
                "Breathing exercises on an app, and telling people the date so they check in. You are not alone in this.",
            ),
            (
                "GentleGull",
                "As a friend, I am always glad when someone tells me their scan day. Let your people know; we want to help.",
            ),
        ],
    ),
    (
        "JuniperJay",
        "Is it normal to feel low after finishing active treatment?",
        "Everyone expects me to be happy now treatment is over, but I feel flat and scared.",
        ["emotional-support"],
        [],
        True,
        [
            (
                "MarigoldMorning",
                "Yes. The end of treatment was one of my hardest times: the safety net of appointments disappears. My team had a nurse I could still call, and a counsellor helped.",
            ),
            (
                "SageSparrow",
                "I felt this too. Give yourself time; your body and mind have been through a lot.",
            ),
        ],
    ),
    (
        "PlumPuffin",
        "What questions should I ask at my first oncology appointment?",
        "I see the oncologist next week and my mind goes blank in appointments.",
        ["diagnosis", "treatment-decisions"],
        [],
        False,
        [
            (
                "SunnyFern",
                "What type and stage is it, what is the goal of treatment, what is the plan and how long does it take, and who do I call out of hours. Take someone with you to write the answers down.",
            ),
            (
                "BraveBirch",
                "Ask for a copy of your pathology report. I understood mine much better once I could read it at home.",
            ),
        ],
    ),
    (
        "OakenOtter",
        "How can I support my sister through chemo from far away?",
        "I live four hours away. What actually helps?",
        ["emotional-support", "everyday-life"],
        [],
        False,
        [
            (
                "LilacLantern",
                "A short message with no need to reply. My mum loved getting little postcards.",
            ),
            (
                "HopefulHeron",
                "Paying for a cleaner or a meal delivery on the hard days was the kindest thing anyone did for me.",
            ),
        ],
    ),
    (
        "GentleGull",
        "What should I put in a chemo day bag?",
        "My friend starts chemo on Monday and I want to bring her a bag.",
        ["everyday-life"],
        ["chemotherapy"],
        False,
        [
            (
                "AmberAster",
                "A soft blanket, lip balm, a water bottle, mints for the taste, a phone charger with a long cable, and something easy to read.",
            ),
            ("CobaltCrane", "Warm socks. Infusion rooms are cold."),
        ],
    ),
    (
        "HazelHarbor",
        "Did cold capping work for anyone on TCHP?",
        "I am helping a friend decide whether to try a cold cap.",
        ["side-effects"],
        ["tchp"],
        False,
        [
            (
                "HopefulHeron",
                "I kept about half my hair with the cap on TCHP. It added time to each session and was very cold for the first ten minutes, but I am glad I tried.",
            ),
        ],
    ),
    (
        "WillowWren",
        "How did you manage fatigue on Herceptin alone?",
        "Chemo is over but I am still tired on Herceptin. Does it lift?",
        ["her2-positive", "side-effects"],
        ["trastuzumab"],
        False,
        [
            (
                "RiverStone",
                "It did lift for me over a couple of months. Short walks every day helped more than resting all day.",
            ),
            ("CloverComet", "Mine was partly anaemia, so it is worth asking for a blood test."),
        ],
    ),
    (
        "BraveBirch",
        "What was recovery from a mastectomy like?",
        "Surgery is in three weeks. What should I prepare at home?",
        ["treatment-decisions"],
        ["mastectomy"],
        False,
        [
            (
                "TealTortoise",
                "Button-up tops, a small pillow for the car seatbelt, and things on shelves at waist height. The drain was the most annoying part, but it came out after ten days.",
            ),
            (
                "MeadowMoth",
                "Do the arm exercises the physio gives you, even when you do not want to. My shoulder thanks me now.",
            ),
        ],
    ),
    (
        "TealTortoise",
        "Did anyone have joint pain on anastrozole?",
        "Three months on anastrozole and my hands ache in the morning.",
        ["side-effects"],
        ["anastrozole"],
        False,
        [
            (
                "SunnyFern",
                "Yes, stiff hands and knees. Swimming and gentle yoga helped, and my doctor said it is common. Tell your team; there are options if it gets too much.",
            ),
        ],
    ),
    (
        "RiverStone",
        "Living with metastatic HER2-positive cancer: how do you plan ahead?",
        "Six years with MBC. How do others balance hope and planning?",
        ["her2-positive", "emotional-support"],
        ["fam-trastuzumab-deruxtecan"],
        False,
        [
            (
                "PlumPuffin",
                "I plan in three-month chunks, the length of my scan cycle. It keeps hope practical.",
            ),
            (
                "HazelHarbor",
                "Watching my friend live well with MBC taught me that planning and hoping are not opposites.",
            ),
        ],
    ),
    (
        "MarigoldMorning",
        "How long did radiation fatigue last after you finished?",
        "I finished three weeks of radiation and I am still tired.",
        ["side-effects"],
        ["radiation"],
        False,
        [
            (
                "SageSparrow",
                "About six weeks for me. It peaked two weeks after the last session, which surprised me.",
            ),
        ],
    ),
    (
        "CobaltCrane",
        "What is neratinib like after a year of Herceptin?",
        "My oncologist suggested neratinib. I am worried about the diarrhoea.",
        ["her2-positive", "treatment-decisions"],
        ["neratinib"],
        False,
        [
            (
                "AmberAster",
                "They started me on a low dose and built up, with medicine to prevent the diarrhoea from day one. The first two weeks were the hardest.",
            ),
        ],
    ),
    (
        "PeachPelican",
        "How do I talk to our children about my wife's diagnosis?",
        "Our kids are seven and eleven.",
        ["emotional-support"],
        [],
        False,
        [
            (
                "QuietCedar",
                "We used simple true words: mum has an illness called cancer, the doctors have a plan, and it is nobody's fault. The hospital had a leaflet for children that helped.",
            ),
            (
                "LilacLantern",
                "Let them ask questions over time. Our youngest asked the big ones at bedtime.",
            ),
        ],
    ),
    (
        "SageSparrow",
        "Did anyone do a clinical trial for HER2-positive cancer?",
        "I have been offered a trial and I am not sure.",
        ["her2-positive", "treatment-decisions"],
        [],
        False,
        [
            (
                "RiverStone",
                "I joined one in year three. I still received standard treatment, and the extra checks made me feel looked after. Ask what happens if you want to stop.",
            ),
        ],
    ),
    (
        "AmberAster",
        "Is it safe to exercise during chemo?",
        "I used to run and I miss it.",
        ["everyday-life", "side-effects"],
        ["chemotherapy"],
        False,
        [
            (
                "BraveBirch",
                "My team encouraged walking and gentle jogging on good days, and rest when my counts were low. Ask them about your own limits.",
            ),
        ],
    ),
    (
        "HopefulHeron",
        "How did you deal with losing your eyebrows?",
        "The hair on my head I was ready for, but the eyebrows hit me hard.",
        ["side-effects", "emotional-support"],
        ["tchp"],
        False,
        [
            (
                "JuniperJay",
                "A brow pencil and a short video tutorial. A friend came over and we practised together; we laughed a lot.",
            ),
        ],
    ),
    (
        "MeadowMoth",
        "What does HER2-low mean for treatment?",
        "My report says HER2-low. Is that positive or negative?",
        ["diagnosis", "her2-positive"],
        ["fam-trastuzumab-deruxtecan"],
        False,
        [
            (
                "RiverStone",
                "It sits between the two: some HER2 protein, but not enough to count as positive. It can matter for Enhertu if the cancer spreads, so keep the result in your notes.",
            ),
        ],
    ),
    (
        "JuniperJay",
        "How did you handle the first work day after treatment?",
        "I go back next month, part-time.",
        ["everyday-life"],
        [],
        False,
        [
            (
                "MarigoldMorning",
                "I chose a Wednesday so the week was short, and I told my manager what I did and did not want to talk about.",
            ),
        ],
    ),
    (
        "WillowWren",
        "What helped with mouth sores during chemo?",
        "Eating is painful.",
        ["side-effects"],
        ["chemotherapy"],
        False,
        [
            (
                "HopefulHeron",
                "A salt and baking soda rinse several times a day, a soft toothbrush, and soft cool food. My team also prescribed a mouthwash.",
            ),
        ],
    ),
    (
        "CloverComet",
        "How often did you have heart scans on Herceptin?",
        "They scheduled me every three months.",
        ["her2-positive", "treatment-decisions"],
        ["trastuzumab"],
        False,
        [
            ("WillowWren", "Every three months for me too, and one extra when I felt breathless."),
        ],
    ),
    (
        "PlumPuffin",
        "Did anyone choose lumpectomy over mastectomy?",
        "I have the choice and I am going round in circles.",
        ["treatment-decisions"],
        ["lumpectomy", "mastectomy"],
        False,
        [
            (
                "SunnyFern",
                "I chose lumpectomy with radiation. My surgeon explained that the outcomes were similar for my situation, so it came down to what I could live with.",
            ),
            ("TealTortoise", "I chose mastectomy to avoid radiation. Both choices are brave."),
        ],
    ),
    (
        "LilacLantern",
        "How do I look after myself while caring for my mum?",
        "I am exhausted and feel guilty for saying it.",
        ["emotional-support"],
        [],
        False,
        [
            (
                "QuietCedar",
                "You cannot pour from an empty cup. I took one evening a week for myself and my wife insisted on it.",
            ),
            (
                "OakenOtter",
                "There are carers' groups; mine meets online and it helped me not feel alone.",
            ),
        ],
    ),
    (
        "GentleGull",
        "What should I not say to a friend with breast cancer?",
        "I want to get it right.",
        ["emotional-support"],
        [],
        False,
        [
            (
                "HopefulHeron",
                "Please skip the stories about other people who died, and the miracle cures. 'I am here, and I am not going anywhere' is perfect.",
            ),
        ],
    ),
    (
        "BraveBirch",
        "Did anyone have reconstruction at the same time as mastectomy?",
        "My surgeon offers both options.",
        ["treatment-decisions"],
        ["reconstruction", "mastectomy"],
        False,
        [
            (
                "TealTortoise",
                "I waited a year because I needed radiation. It meant two surgeries but I felt more ready the second time.",
            ),
        ],
    ),
    (
        "SunnyFern",
        "How did you manage hot flushes on tamoxifen?",
        "They wake me up every night.",
        ["side-effects"],
        ["tamoxifen"],
        False,
        [
            (
                "MarigoldMorning",
                "A fan by the bed, layers I could throw off, and cutting down on evening wine. They eased after about six months.",
            ),
        ],
    ),
    (
        "CobaltCrane",
        "How did you keep track of all your appointments and medicines?",
        "I keep forgetting which tablets are for what.",
        ["everyday-life"],
        [],
        False,
        [
            (
                "PeachPelican",
                "We used one notebook that went to every appointment, and a pill box with days of the week. My wife's nurse checked the list with us.",
            ),
        ],
    ),
    (
        "TealTortoise",
        "Lymph node surgery: did you get lymphoedema?",
        "Three nodes removed and my arm feels heavy some days.",
        ["side-effects"],
        ["lymph-node-surgery"],
        False,
        [
            (
                "MeadowMoth",
                "A heavy feeling was my first sign. I was referred to a lymphoedema clinic and a sleeve helped. Ask for a referral early.",
            ),
        ],
    ),
    (
        "HazelHarbor",
        "How can a friend help after surgery?",
        "My friend has surgery next week.",
        ["everyday-life", "emotional-support"],
        [],
        False,
        [
            (
                "BraveBirch",
                "Drive her to appointments, bring meals that freeze well, and offer to sit with her so her partner can rest.",
            ),
        ],
    ),
]


_TOPIC_OF_TREATMENT = {
    "trastuzumab": "targeted-therapy",
    "pertuzumab": "targeted-therapy",
    "phesgo": "targeted-therapy",
    "neratinib": "targeted-therapy",
    "fam-trastuzumab-deruxtecan": "targeted-therapy",
    "tchp": "chemotherapy",
    "chemotherapy": "chemotherapy",
    "tamoxifen": "hormone-therapy",
    "anastrozole": "hormone-therapy",
    "lumpectomy": "surgery-and-radiation",
    "mastectomy": "surgery-and-radiation",
    "radiation": "surgery-and-radiation",
    "reconstruction": "surgery-and-radiation",
    "lymph-node-surgery": "surgery-and-radiation",
}


def _topic_slugs(given: list[str], treatments: list[str]) -> list[str]:
    slugs = list(given)
    for treatment in treatments:
        extra = _TOPIC_OF_TREATMENT.get(treatment)
        if extra and extra not in slugs:
            slugs.append(extra)
    return slugs[:3]


def _member(name: str) -> User | None:
    return User.objects.filter(email=f"{name.lower()}@demo.mybcteam.example").first()


def seed() -> int:
    """Create the demo questions with answers, hugs and follows; returns how many were added."""
    now = timezone.now()
    treatments = {t.slug: t for t in Treatment.objects.all()}
    added = 0
    for index, (asker, title, body, topics, treats, anonymous, answers) in enumerate(QUESTIONS):
        author = _member(asker)
        if author is None or Question.objects.filter(title=title).exists():
            continue
        asked_at = now - timedelta(days=len(QUESTIONS) - index, hours=index % 7)
        question = Question.objects.create(
            title=title,
            slug=question_slug(title),
            body=body,
            body_html=render_member_markdown(body),
            author=author,
            is_anonymous=anonymous,
            created_at=asked_at,
            last_activity_at=asked_at,
        )
        content_after_create(item=question, held_reason="")
        question.topics.set([demo_topic(slug) for slug in _topic_slugs(topics, treats)])
        question.treatments.set([treatments[s] for s in treats if s in treatments])
        QuestionFollow.objects.get_or_create(member=author, question=question)
        for position, (answerer, text) in enumerate(answers):
            member = _member(answerer)
            if member is None:
                continue
            answer = Answer.objects.create(
                question=question,
                author=member,
                body=text,
                body_html=render_member_markdown(text),
                is_helpful=position == 0 and len(answers) > 1,
                created_at=asked_at + timedelta(hours=3 + 5 * position),
            )
            content_after_create(item=answer, held_reason="")
            QuestionFollow.objects.get_or_create(member=member, question=question)
            QuestionHug.objects.get_or_create(member=member, question=question)
        added += 1
    _recount_all()
    return added


def _recount_all() -> None:
    # Answers only: replies under them are part of the conversation, not answers.
    visible = Q(answers__moderation_state=ModerationState.VISIBLE, answers__parent__isnull=True)
    titles = [row[1] for row in QUESTIONS]
    for question in Question.objects.filter(title__in=titles).annotate(
        n=Count("answers", filter=visible, distinct=True),
        n_hugs=Count("hugs", distinct=True),
        latest=Max("answers__created_at"),
    ):
        Question.objects.filter(pk=question.pk).update(
            answer_count=question.n,
            hug_count=question.n_hugs,
            last_activity_at=max(question.created_at, question.latest or question.created_at),
        )
