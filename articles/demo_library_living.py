"""The library's articles on living with breast cancer, written for this project.

Emotional support, everyday life, clinical trials, caregivers, treatment decisions, surgery
and radiation, and chemotherapy: at least two articles on every one of these topics, each
reviewed by someone who works in the field. Entries have the shape of `demo_content.ARTICLES`
plus a `reviewer` (name, credentials). References link to the primary source where there is
one (a DOI), otherwise to a page of the organisation that publishes the guidance.
"""

from typing import Any

from .demo_content import REVIEWER as ONCOLOGIST

PSYCHO_ONCOLOGIST = ("Dr. Helena Marsh", "PhD, clinical psychologist in psycho-oncology")
SOCIAL_WORKER = ("Denise Ortega", "LCSW, oncology social worker")
DIETITIAN = ("Priya Raman", "RD, CSO, oncology dietitian")
REHABILITATION = ("Dr. Samuel Achebe", "MD, cancer rehabilitation physician")
BREAST_SURGEON = ("Dr. Lucia Ferraro", "MD, FACS, breast surgical oncologist")
RADIATION_ONCOLOGIST = ("Dr. Kenji Watanabe", "MD, radiation oncologist")
ONCOLOGY_NURSE = ("Maureen Doyle", "RN, MSN, OCN, oncology clinical nurse specialist")


def _points(*lines: str) -> str:
    return "\n".join(lines)


FEAR_OF_RECURRENCE_BODY = """\
Finishing treatment is meant to feel like an ending. For many people it also opens a new
worry: what if the cancer comes back? If that thought visits you often, you are in very large
company, and there is real help for it.

## Why the fear is so common

In study after study, fear that cancer will return is one of the concerns people name most
often once treatment is over. It is not a sign that you are coping badly or thinking
negatively. You have lived through something frightening, and your mind is trying to keep
watch. For many people the fear is loudest in the first year or two and then loosens its grip,
although it can flare up again later.

## What can set it off

Members often notice the worry rising at moments they can predict:

- the weeks before a check-up or a scan, which some call "scanxiety"
- the anniversary of the diagnosis or of surgery
- a new ache, cough or lump that would not have worried you before
- hearing that someone else's cancer has come back
- pink ribbons everywhere in October, or a scene in a film

Knowing your own triggers will not stop them, but it means they surprise you less. Some people
plan something kind for the day a result is due; others ask the clinic in advance how and when
results will be shared, so they are not left waiting by the phone.

## When a symptom worries you

Your team would always rather hear about a symptom than have you sit alone with it. Ask which
changes they want to know about and how quickly. Many teams want a call about a new symptom
that lasts more than two weeks or keeps getting worse, and straight away for anything severe.

## Things that help

- **Name it.** Saying to yourself "this is my fear of recurrence talking" can put a little
  distance between you and the thought.
- **Give worry a time slot.** Some people write their worries down during fifteen minutes
  set aside each day, and gently postpone them outside that time.
- **Share it.** Talking with people who have been there, including members here, often takes
  some of the weight off.
- **Move your body.** Regular activity eases anxiety for many people: see
  [staying active during and after treatment](/articles/exercise-during-and-after-treatment/).
- **Know your follow-up plan.** Understanding which checks are planned, and why, can make the
  quiet months between appointments easier to bear.

## When to ask for more help

Tell your team if the fear fills much of your day, keeps you awake, stops you from making plans,
or leads you to check your body many times a day. Talking therapies designed for fear of
recurrence have been tested in randomised trials, and in them the fear eased and stayed lower
for months after the sessions ended. A psycho-oncologist, a counsellor or a cancer support
service can offer this kind of help, often by video too.

## Questions you might bring

- Which symptoms should I report to you, and how quickly?
- What does my follow-up plan look like for the next few years?
- Is there a psychologist or counsellor here who works with people after cancer?
- Could we talk about my own risk, so my worry has something real to measure against?
"""

ANXIETY_DEPRESSION_BODY = """\
Sadness, fear and anger are ordinary answers to a cancer diagnosis. They come and go, and most
people find their footing again over weeks or months. Sometimes, though, low mood or worry
settles in and stops lifting. That is not weakness, and it is treatable.

## How common it is

A large review of studies in which people with cancer were assessed by clinicians found that
about one in seven had major depression at the time, around one in five had depression of some
kind, and about one in ten had an anxiety disorder. Many more had a shorter spell of struggling
to adjust. In other words, if you are finding this hard, you are far from alone.

## Signs it may be more than a bad patch

Some signs of depression overlap with treatment itself: tiredness, poor sleep and a changed
appetite can come from chemotherapy as easily as from low mood. So pay particular attention to
how you feel inside. Talk to your team if, for two weeks or more, you notice most days that:

- you feel low, empty or tearful for most of the day
- you have lost interest or pleasure in things you used to enjoy
- you feel worthless, guilty or a burden to others
- you feel hopeless about the future, beyond worry about the cancer itself
- you find it hard to concentrate or make small decisions

Anxiety can show itself as constant worry you cannot switch off, feeling on edge, a racing
heart, panic attacks, or avoiding appointments because they feel unbearable.

## What helps

- **Talking therapies.** Cognitive behavioural therapy and other psychological treatments
  help many people with cancer. Ask whether your centre has a psycho-oncology service.
- **Medicines.** Antidepressants can help, alone or with therapy. If you take tamoxifen,
  make sure whoever prescribes an antidepressant knows, because a few of them can weaken
  tamoxifen and others can be chosen instead.
- **Support groups.** Meeting people in the same situation, in person or online, eases the
  sense of being the only one.
- **The basics.** Gentle activity, daylight, regular meals and keeping in touch with people
  do not cure depression, but they support every other treatment.

Many cancer centres ask you to fill in a short questionnaire about distress at visits. Answer
it honestly: it is there to open a door, and nobody will think less of you.

## When to get help straight away

If you have thoughts of harming yourself or that you would be better off dead, please reach
out now, not at your next appointment. In the United States you can call or text 988. In the
UK and Ireland, Samaritans answer on 116 123. Elsewhere, call your local emergency number or
go to an emergency department. You can also call your oncology team's number at any hour.

## Questions you might bring

- Could my low mood or worry be related to my treatment or medicines?
- Is there a psychologist, psychiatrist or counsellor who works with people with cancer here?
- Would an antidepressant suit me, and does it work well with my other medicines?
- Are there support groups you would recommend, in person or online?
"""

CHILDREN_BODY = """\
Of all the conversations a diagnosis brings, telling your children can feel like the hardest.
There is no perfect script. What helps most is honesty, in words that fit their age, and the
promise that they can keep asking.

## Why telling them helps

Children notice far more than adults think: whispered phone calls, a parent who is suddenly
tired, visitors with worried faces. When nobody explains, they fill the silence with their own
stories, which are often scarier than the truth, and they may decide it is something they must
not ask about. Hearing it from you keeps their trust and lets them bring their worries to you.

## What to say

Use the word "cancer", so they do not hear it first from someone else. Then cover a few things
children of every age tend to wonder about, even if they do not say so:

- **It is nobody's fault.** Nothing they did, thought or said caused it.
- **You cannot catch it.** They can still hug you, share a sofa and sit close.
- **Who will look after them.** Tell them who will take them to school or make dinner on the
  days you cannot.
- **What will change.** Explain, simply and ahead of time, the changes they will see, such
  as hair loss, tiredness or a stay in hospital.

You do not need every answer. "I don't know yet, but I will tell you when I do" is honest and
reassuring.

## By age

- **Young children** need short, concrete explanations: "I have an illness called cancer.
  The doctors are giving me strong medicine that might make me tired." Keeping daily routines
  steady matters more to them than detail.
- **School-age children** may want to know how treatment works and may ask blunt questions.
  Answer plainly, and let them help in small ways if they want to.
- **Teenagers** can understand a great deal and may want to read about it themselves. They
  may also pull away, spend more time with friends or seem not to care. That is often how
  they cope. Keep the door open and respect their need for some normal life.

## Keep talking

One conversation is rarely enough. Children come back to a subject when they are ready, often
at bedtime or in the car. It is fine for them to see you sad sometimes; it shows them feelings
can be spoken about. With your permission, let their teachers know, so school can notice
changes and offer support.

## When a child may need more help

Some upset is natural. If, over several weeks, a child has trouble sleeping, goes back to
behaviour they had outgrown, struggles at school or seems withdrawn, ask your care team about a
social worker, child life specialist or counsellor who works with families facing cancer.

## Questions you might bring

- Is there someone here who helps parents talk with children about cancer?
- Which side effects should I prepare my children for, and when?
- Can my teenager come to an appointment and ask their own questions?
- Are there groups or books for children who have a parent with cancer?
"""

BODY_IMAGE_BODY = """\
Breast cancer treatment can change how your body looks, feels and responds, sometimes all at
once. It can take time to feel at home in your body again. These changes are common, they are
a real part of your care, and you deserve help with them as much as with any other side effect.

## Changes you may notice

- **After surgery**: a scar, a breast that looks or feels different, the loss of one or both
  breasts, or a reconstructed breast that usually has less feeling than before.
- **During chemotherapy**: hair loss, changes to skin and nails, and weight going up or down.
- **After lymph node surgery**: tightness in the arm, or swelling called lymphoedema.
- **From hormonal changes**: chemotherapy can bring on menopause early, and hormone therapy
  lowers oestrogen or blocks it. Hot flushes, vaginal dryness, pain during sex and lower
  desire are all common as a result.

## Body image

Many people avoid mirrors for a while, then find their own way back. Some find it easier to
look at a scar with a nurse or partner first. Others find that clothes, a well-fitted
prosthesis, a tattoo over a scar, or choosing to go flat helps them feel like themselves. There
is no right way to feel about your body, and your feelings may change over time.

## Sex and intimacy

Desire often drops during treatment, from tiredness, worry, pain or hormones. Intimacy can
still mean closeness without sex: touching, holding and time together.

When dryness or pain is the problem, practical steps help:

- a **vaginal moisturiser** used regularly, a few times a week, not only before sex
- a **lubricant** during sex, water-based or silicone-based
- pelvic floor physiotherapy when muscles tighten in anticipation of pain
- asking your oncologist whether a low-dose vaginal hormone treatment is suitable for you,
  which depends on your cancer and your other treatment

## Talking with a partner

Partners are often afraid of hurting you or of seeming to push. Say what feels good, what does
not, and what you need right now. If you are single, questions about when and how to tell a new
partner are common too; members here have shared many ways of doing it.

## Ask for help

Doctors do not always raise these subjects, so it is fine to bring them up yourself. A breast
care nurse, a gynaecologist, a psychologist or a sex therapist who works with people after
cancer can all help. You are not being trivial: quality of life is part of the treatment.

## Questions you might bring

- Which changes to my body should I expect from my treatment, and for how long?
- What can I use for vaginal dryness that is safe with my cancer and medicines?
- Can you refer me to a specialist nurse, physiotherapist or therapist for sexual health?
- Where can I get a prosthesis fitted, and what options are there if I do not want one?
"""

WORK_MONEY_BODY = """\
Cancer does not only affect your body: it reaches into your job, your income and your bills.
Planning early, and knowing what help exists, can take some of that strain off while you focus
on treatment.

## Working during treatment

Some people keep working through treatment, some cut their hours, and some stop for a while.
All are reasonable. It depends on your treatment, your side effects, the kind of work you do
and what you can afford. A large review found that people who had had cancer were more likely to
be out of work than people who had not, which is one reason to learn your rights before you
need them.

## Telling your employer

You usually do not have to tell your employer you have cancer. But some legal protections and
adjustments only apply once your employer knows about your condition. You can decide how much
detail to share and who else at work is told.

## Your rights

- **In the United States**, the Americans with Disabilities Act requires employers with 15 or
  more employees to make reasonable accommodations for people whose cancer or treatment limits
  them. The Family and Medical Leave Act gives eligible employees up to 12 weeks of unpaid,
  job-protected leave a year, which can be taken in blocks or a day at a time.
- **In the UK**, the Equality Act 2010 treats cancer as a disability from the day of diagnosis,
  so employers must make reasonable adjustments and must not treat you unfairly because of it.

Adjustments members have found useful include flexible hours, working from home, time off for
appointments, a phased return, rest breaks, and a change of duties while recovering.

## Money worries

Cancer care can cost a great deal, even with insurance: co-payments, travel, parking,
childcare and lost earnings add up. Researchers call the strain this causes "financial
toxicity", and it is common enough that many cancer centres have staff whose job is to help.

- **Ask early** for an oncology social worker or financial navigator, before bills pile up.
- **Check your cover**: what your insurance pays for, which approvals it needs in advance,
  and how much you will pay yourself in a year.
- **Ask about assistance**: many drug makers, hospitals and charities run programmes that
  help with medicine costs, travel or household bills.
- **Look into benefits**: disability or sickness benefits may apply while you cannot work.
- **Keep one folder** for bills, letters and notes of phone calls, with dates and names.

If cost is making you consider skipping treatment, tell your team. There are often cheaper
options or sources of help they can point you to.

## Questions you might bring

- Is there a social worker or financial navigator I can talk to?
- How will my treatment schedule affect my work, and when might I feel able to return?
- Could you write a letter to my employer about the adjustments I need?
- Are there programmes that can help with the cost of my medicines or travel?
"""

EXERCISE_BODY = """\
Not long ago, people having cancer treatment were told to rest. Today the advice has turned
around: for most people, staying as active as you safely can is one of the most helpful things
you can do for yourself, during treatment and after it.

## What the evidence shows

An international panel of experts reviewed the research in 2018 and concluded that exercise is
generally safe for people with cancer, and that everyone should avoid being inactive. Regular
aerobic exercise, strength training or both improved anxiety, depressive symptoms, fatigue,
physical function and quality of life. The doses that helped were modest:

- moderate aerobic activity, such as brisk walking or cycling, for about 30 minutes, three
  times a week
- strength exercises twice a week, working the large muscle groups
- kept up for at least eight to twelve weeks

Moderate means you can talk but not sing. Longer term, cancer guidelines suggest working towards
the same target as everyone else: 150 to 300 minutes of moderate activity a week.

## Lymphoedema and lifting

Many people were once told never to lift anything heavy with the arm on the side of their
surgery. In a well-known randomised trial, women with lymphoedema after breast cancer who did
slowly progressive, supervised weight training did not see their swelling worsen, and had fewer
flare-ups than women who did not train. If you have lymphoedema or are at risk of it, start
with light weights, build up slowly, and ask a physiotherapist or lymphoedema therapist about a
compression sleeve.

## Starting where you are

- **On hard days**, a ten-minute walk still counts. Some activity is better than none.
- **After surgery**, do the shoulder and arm exercises your team gives you, and ask when you
  can add more.
- **During chemotherapy**, many people move more in the good week of each cycle and less in
  the hard one. That is fine.
- **Find support**: some centres offer exercise programmes for people with cancer, run by
  physiotherapists or exercise physiologists.

## When to be careful

Check with your team before starting or stepping up exercise, and stop and call if something
feels wrong. Take particular care, or ask for tailored advice, if you have:

- a fever or signs of infection, or very low blood counts
- dizziness, breathlessness or chest pain
- cancer that has spread to the bones
- numbness in the feet that affects your balance
- a wound, drain, port or reconstruction that is still healing

## Questions you might bring

- Is there any activity I should avoid during my treatment?
- Can you refer me to a physiotherapist or an exercise programme for people with cancer?
- How should I exercise the arm on the side of my surgery?
- On which days of my treatment cycle is it safest to be more active?
"""

EATING_BODY = """\
Food carries a lot of hope and a lot of advice, and people with cancer hear plenty of both.
Here is what the evidence supports, and what to set aside.

## During treatment: keep your strength

While you are in treatment, the aim is not a perfect diet. It is to eat enough energy and
protein to keep your weight steady, keep your muscles and help your body repair. Some days that
means whatever you can manage.

- **Protein at every meal** if you can: eggs, dairy, fish, poultry, beans, lentils, tofu, nuts.
- **Small, frequent meals** are often easier than three big ones.
- **Drink through the day**, especially if you have diarrhoea or vomiting.

## Eating with side effects

- **Nausea**: bland, dry or cold foods, eaten slowly, often sit better. Ask your team about
  anti-sickness medicine: it works best taken as prescribed, before nausea builds.
- **Taste changes**: if food tastes metallic, plastic cutlery and sharp flavours such as lemon
  or herbs may help. Favourite foods can taste wrong for a while, and that passes.
- **Sore mouth**: soft, moist foods, and avoid very spicy, salty or acidic ones.
- **Low appetite**: eat when you are hungriest, which for many people is the morning, and keep
  easy snacks to hand.

## Food safety when your counts are low

Chemotherapy can lower the white blood cells that fight infection. During that time, cook meat,
fish and eggs thoroughly, wash fruit and vegetables, avoid unpasteurised milk and cheese, and
keep to use-by dates.

## Supplements

Tell your team about every vitamin, herb and supplement you take or plan to take. Some interact
with cancer medicines: St John's wort, for example, can lower the levels of many drugs, and
grapefruit affects how the body handles some medicines. High-dose antioxidant supplements during
chemotherapy or radiation are not recommended unless your team advises them. Food is the better
source of vitamins for most people.

## Claims to set aside

- **"Sugar feeds cancer."** Every cell in your body uses glucose, and your body makes its own
  when you eat none. Cutting out all sugar does not starve a tumour, though eating less added
  sugar is good for health in general.
- **Alkaline diets.** Food cannot change the acidity of your blood.
- **Juice cleanses, raw-only or fasting cures.** These can cause weight and muscle loss when
  you most need strength. No diet replaces treatment, and none has been shown to cure cancer.
- **Soy.** Soy foods such as tofu and soy milk, eaten in ordinary amounts, are considered safe
  for people who have had breast cancer.

## After treatment

Guidelines for people who have finished treatment suggest a pattern rather than a single food:
plenty of vegetables, fruit, whole grains and pulses; less red and processed meat, sugary
drinks and highly processed food; and little or no alcohol, which is linked to breast cancer.

## Questions you might bring

- Can I see a dietitian who works with people with cancer?
- Are any foods, drinks or supplements unsafe with my treatment?
- What should I do if I am losing weight without trying?
- Do I need to follow food safety precautions, and for how long?
"""

SLEEP_BODY = """\
Lying awake at three in the morning is one of the loneliest parts of cancer treatment. Poor
sleep is very common during and after treatment, and it is not something you simply have to
put up with: there are effective ways to improve it.

## Why sleep goes wrong

- **Worry**: a mind full of appointments, results and what-ifs finds it hard to switch off.
- **Hot flushes and night sweats**: chemotherapy can bring on menopause, and hormone therapy
  such as tamoxifen or an aromatase inhibitor often causes flushes.
- **Steroids**: given with some chemotherapy to prevent sickness, they can keep you wide awake.
- **Pain, breathlessness or needing the toilet** in the night.
- **Daytime naps and less daylight**: long rests and days indoors shift your body clock.

Once poor sleep has gone on for a while, the habits built around it, such as lying in bed
trying hard to sleep, can keep it going even after the original cause has faded.

## The treatment that works best

Cognitive behavioural therapy for insomnia, known as CBT-I, is the recommended first treatment
for long-lasting insomnia, and it has been tested in people who have had cancer. In a review of
randomised trials, it helped people fall asleep faster, wake less in the night and rate their
insomnia as much less severe, and the benefit lasted for months. CBT-I is available from trained
therapists, and in some places as an online course or app.

## Things you can try now

- **Keep a steady wake-up time**, even after a bad night and at weekends.
- **Use your bed for sleep and sex only**, not for scrolling, worrying or watching television.
- **Get up if you are awake** for what feels like more than twenty minutes, do something quiet
  in dim light, and go back to bed when sleepy.
- **Keep naps short**, under about half an hour and before mid-afternoon.
- **Get daylight in the morning** and move your body during the day.
- **Cut down on caffeine after midday**, and go easy on alcohol, which breaks up sleep later
  in the night.
- **Write a worry list** before bed, with one next step for each item, and then set it aside.

For hot flushes, keep the bedroom cool, wear layers you can shed and keep a fan nearby. Tell
your team if flushes are frequent: there are non-hormonal medicines that can reduce them. If
steroids keep you up, ask whether your dose can be taken earlier in the day.

## When to talk to your team

Mention sleep at your next visit if it has been poor for more than a few weeks or is affecting
your days. Tell them soon if a partner notices loud snoring or pauses in your breathing, if
your legs feel restless at night, or if poor sleep comes with low mood. Sleeping tablets may
help for a short while, but they are not a long-term answer for most people.

## Questions you might bring

- Could any of my medicines be affecting my sleep, and can their timing change?
- Is CBT for insomnia available here, or online?
- What can I take for hot flushes that is safe with my treatment?
- Should I be checked for another sleep problem, such as sleep apnoea?
"""


_EMOTIONAL_AND_EVERYDAY: list[dict[str, Any]] = [
    {
        "slug": "living-with-fear-of-recurrence",
        "title": "Living with the fear that cancer will come back",
        "summary": (
            "Why fear of recurrence is so common after treatment, what tends to set it off, "
            "and what helps when it takes up too much room."
        ),
        "key_points": _points(
            "Fear that cancer will return is one of the most common concerns after treatment.",
            "It often rises before scans, on anniversaries and with a new ache.",
            "Naming the fear, sharing it and staying active can loosen its grip.",
            "Talking therapies designed for this fear have helped in randomised trials.",
        ),
        "topics": ["emotional-support", "everyday-life"],
        "treatments": [],
        "body": FEAR_OF_RECURRENCE_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "Simard S, Thewes B, Humphris G, et al. Fear of cancer recurrence in adult "
                "cancer survivors: a systematic review of quantitative studies. J Cancer Surviv. "
                "2013;7(3):300-322.",
                "https://doi.org/10.1007/s11764-013-0272-z",
            ),
            (
                "Butow PN, Turner J, Gilchrist J, et al. Randomized trial of ConquerFear: a "
                "novel, theoretically based psychosocial intervention for fear of cancer "
                "recurrence. J Clin Oncol. 2017;35(36):4066-4077.",
                "https://doi.org/10.1200/JCO.2017.73.1257",
            ),
            (
                "Cancer.Net (American Society of Clinical Oncology). Coping with fear of "
                "recurrence.",
                "https://www.cancer.net/survivorship/life-after-cancer/coping-with-fear-recurrence",
            ),
        ],
        "days_ago": 6,
    },
    {
        "slug": "anxiety-and-depression-when-to-get-help",
        "title": "Anxiety, low mood and depression: when to get help",
        "summary": (
            "How to tell an understandable bad patch from depression or an anxiety disorder, "
            "what treatment looks like, and when to reach out straight away."
        ),
        "key_points": _points(
            "About one in seven people in cancer care has major depression at a given time.",
            "Feeling low or losing interest for two weeks or more is worth raising.",
            "Talking therapies, medicines and support groups all help.",
            "Thoughts of self-harm need help now: in the US call or text 988.",
        ),
        "topics": ["emotional-support"],
        "treatments": ["tamoxifen"],
        "body": ANXIETY_DEPRESSION_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "Mitchell AJ, Chan M, Bhatti H, et al. Prevalence of depression, anxiety, and "
                "adjustment disorder in oncological, haematological, and palliative-care "
                "settings: a meta-analysis of 94 interview-based studies. Lancet Oncol. "
                "2011;12(2):160-174.",
                "https://doi.org/10.1016/S1470-2045(11)70002-X",
            ),
            (
                "National Cancer Institute. Feelings and cancer.",
                "https://www.cancer.gov/about-cancer/coping/feelings",
            ),
        ],
        "days_ago": 20,
    },
    {
        "slug": "talking-with-children-about-breast-cancer",
        "title": "Talking with your children about breast cancer",
        "summary": (
            "Honest, age-appropriate ways to tell children about a parent's cancer, and how "
            "to keep the conversation going through treatment."
        ),
        "key_points": _points(
            "Children notice changes; hearing the truth from you keeps their trust.",
            "Tell them it is nobody's fault, they cannot catch it, and who will care for them.",
            "Match the detail to their age, and keep daily routines steady.",
            "Ask your team for family support if a child struggles for several weeks.",
        ),
        "topics": ["emotional-support", "caregivers"],
        "treatments": [],
        "body": CHILDREN_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "National Cancer Institute. When your parent has cancer: a guide for teens.",
                "https://www.cancer.gov/publications/patient-education/when-your-parent-has-cancer",
            ),
            (
                "Macmillan Cancer Support. Talking to children and teenagers when an adult has "
                "cancer.",
                "https://www.macmillan.org.uk/",
            ),
        ],
        "days_ago": 34,
    },
    {
        "slug": "body-image-sex-and-intimacy",
        "title": "Body image, sex and intimacy during and after treatment",
        "summary": (
            "The changes treatment can bring to how your body looks and feels, and practical "
            "help for body image, desire, dryness and closeness."
        ),
        "key_points": _points(
            "Surgery, chemotherapy and hormone therapy can all change body image and sex life.",
            "Vaginal moisturisers and lubricants help with dryness and pain.",
            "Intimacy can mean closeness without sex, and talking helps partners.",
            "These are real side effects: it is fine to raise them with your team.",
        ),
        "topics": ["emotional-support", "surgery-and-radiation"],
        "treatments": ["mastectomy", "reconstruction", "tamoxifen", "anastrozole"],
        "body": BODY_IMAGE_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "National Cancer Institute. Breast reconstruction after mastectomy.",
                "https://www.cancer.gov/types/breast/reconstruction-fact-sheet",
            ),
            (
                "Cancer.Net (American Society of Clinical Oncology). Dating, sex and reproduction.",
                "https://www.cancer.net/",
            ),
        ],
        "days_ago": 61,
    },
    {
        "slug": "work-and-money-during-treatment",
        "title": "Work and money during treatment",
        "summary": (
            "Working through treatment, your rights at work, and where to find help with the "
            "costs that cancer brings."
        ),
        "key_points": _points(
            "You can choose whether and how much to tell your employer.",
            "US and UK law protect workers with cancer and require reasonable adjustments.",
            "Ask early for a social worker or financial navigator.",
            "Tell your team if cost makes you consider skipping treatment.",
        ),
        "topics": ["everyday-life"],
        "treatments": [],
        "body": WORK_MONEY_BODY,
        "reviewer": SOCIAL_WORKER,
        "references": [
            (
                "de Boer AGEM, Taskila T, Ojajärvi A, van Dijk FJH, Verbeek JHAM. Cancer "
                "survivors and unemployment: a meta-analysis and meta-regression. JAMA. "
                "2009;301(7):753-762.",
                "https://doi.org/10.1001/jama.2009.187",
            ),
            (
                "U.S. Department of Labor, Wage and Hour Division. Family and Medical Leave Act.",
                "https://www.dol.gov/agencies/whd/fmla",
            ),
            (
                "Macmillan Cancer Support. Work and cancer; help with cancer costs.",
                "https://www.macmillan.org.uk/",
            ),
        ],
        "days_ago": 75,
    },
    {
        "slug": "exercise-during-and-after-treatment",
        "title": "Staying active during and after treatment",
        "summary": (
            "What the research says about exercise and cancer, how much helps, and how to "
            "start safely wherever you are."
        ),
        "key_points": _points(
            "Exercise is generally safe during and after treatment; avoid being inactive.",
            "About 30 minutes of moderate activity three times a week eases fatigue and anxiety.",
            "Add strength exercises twice a week, building up slowly.",
            "Supervised weight training did not worsen lymphoedema in a randomised trial.",
        ),
        "topics": ["everyday-life", "side-effects"],
        "treatments": [],
        "body": EXERCISE_BODY,
        "reviewer": REHABILITATION,
        "references": [
            (
                "Campbell KL, Winters-Stone KM, Wiskemann J, et al. Exercise guidelines for "
                "cancer survivors: consensus statement from international multidisciplinary "
                "roundtable. Med Sci Sports Exerc. 2019;51(11):2375-2390.",
                "https://doi.org/10.1249/MSS.0000000000002116",
            ),
            (
                "Schmitz KH, Ahmed RL, Troxel A, et al. Weight lifting in women with "
                "breast-cancer-related lymphedema. N Engl J Med. 2009;361(7):664-673.",
                "https://doi.org/10.1056/NEJMoa0810118",
            ),
            (
                "Rock CL, Thomson CA, Sullivan KR, et al. American Cancer Society nutrition "
                "and physical activity guideline for cancer survivors. CA Cancer J Clin. "
                "2022;72(3):230-262.",
                "https://doi.org/10.3322/caac.21719",
            ),
        ],
        "days_ago": 13,
    },
    {
        "slug": "eating-well-during-treatment",
        "title": "Eating well during treatment, without miracle diets",
        "summary": (
            "What to eat to keep your strength through treatment, how to manage eating with "
            "side effects, and which popular diet claims to set aside."
        ),
        "key_points": _points(
            "During treatment, enough energy and protein matter more than a perfect diet.",
            "Tell your team about every supplement: some interact with cancer medicines.",
            "No diet cures cancer or replaces treatment.",
            "After treatment, a plant-rich diet with little alcohol is recommended.",
        ),
        "topics": ["everyday-life", "chemotherapy"],
        "treatments": ["chemotherapy"],
        "body": EATING_BODY,
        "reviewer": DIETITIAN,
        "references": [
            (
                "Rock CL, Thomson CA, Sullivan KR, et al. American Cancer Society nutrition "
                "and physical activity guideline for cancer survivors. CA Cancer J Clin. "
                "2022;72(3):230-262.",
                "https://doi.org/10.3322/caac.21719",
            ),
            (
                "National Cancer Institute. Eating hints: before, during, and after cancer "
                "treatment.",
                "https://www.cancer.gov/publications/patient-education/eating-hints",
            ),
        ],
        "days_ago": 41,
    },
    {
        "slug": "sleeping-better-during-and-after-treatment",
        "title": "Sleeping better during and after treatment",
        "summary": (
            "Why cancer and its treatment disturb sleep, the therapy that works best for "
            "insomnia, and changes you can try tonight."
        ),
        "key_points": _points(
            "Poor sleep is common during and after treatment, and it can be treated.",
            "Hot flushes, steroids and worry are frequent causes.",
            "CBT for insomnia is the recommended first treatment and has lasting benefits.",
            "A steady wake-up time and short naps help reset your body clock.",
        ),
        "topics": ["everyday-life", "emotional-support"],
        "treatments": ["tamoxifen", "anastrozole"],
        "body": SLEEP_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "Johnson JA, Rash JA, Campbell TS, et al. A systematic review and meta-analysis "
                "of randomized controlled trials of cognitive behavior therapy for insomnia "
                "(CBT-I) in cancer survivors. Sleep Med Rev. 2016;27:20-28.",
                "https://doi.org/10.1016/j.smrv.2015.07.001",
            ),
            (
                "National Cancer Institute. Sleep disorders (PDQ), patient version.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/sleep-disorders-pdq",
            ),
        ],
        "days_ago": 89,
    },
]

ARTICLES: list[dict[str, Any]] = [*_EMOTIONAL_AND_EVERYDAY]
