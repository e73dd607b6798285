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
PLASTIC_SURGEON = ("Dr. Naomi Feld", "MD, plastic and reconstructive surgeon")
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
watch. For some people the fear fades as the months pass; for others it stays at much the same
level for years. Either way, there is no need to wait for it to go away on its own.

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
  make sure whoever prescribes an antidepressant knows, because a few of them may interfere
  with how tamoxifen works and others can be chosen instead.
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

HOW_TRIALS_WORK_BODY = """\
Every treatment your team offers today was once tested in a clinical trial, by people who
agreed to try something new so that others could benefit. Knowing how trials work makes it
easier to decide whether one might be right for you.

## What a clinical trial is

A clinical trial is a research study that tests a medical approach in people. Cancer trials
may test a new medicine, a new combination of existing ones, a different dose or schedule, a
new kind of surgery or radiation, or a way to ease side effects or improve quality of life.
Each trial follows a written plan, called a protocol, that says who can take part, what will
happen and what will be measured.

## The phases

New treatments move through trials in phases, each answering a different question:

- **Phase 1** trials give a new treatment to a small number of people, often a few dozen, to
  find a safe dose, the best way to give it and its main side effects.
- **Phase 2** trials give it to a larger group with a particular cancer, to see whether it
  works and to learn more about side effects.
- **Phase 3** trials compare the new treatment with the current standard treatment, often in
  hundreds or thousands of people. Their results are what usually lead to approval.
- **Phase 4** studies follow a treatment after approval, to learn about its long-term
  benefits and side effects in everyday use.

## Randomisation and blinding

In many phase 3 trials, a computer decides by chance which group each person joins. This is
called randomisation. It is the fairest way to make sure the groups are alike, so any
difference in results comes from the treatment and not from who was chosen. Some trials are
also blinded, meaning you, and sometimes your doctors, do not know which treatment you receive.

## What about placebos?

In trials of cancer treatment, placebos are rarely used on their own. When a trial does use
one, it is usually added to standard treatment, so that everyone still receives an effective
treatment where one exists. You will always be told beforehand if a trial includes a placebo.

## How you are protected

Before a trial can start, an independent ethics committee, called an institutional review board
in the United States, reviews its plan and its consent form, and it keeps overseeing the trial
while it runs. Large trials also have an independent board that looks at results as they come
in and can stop the trial early if one treatment is clearly better or clearly harmful. You can
leave a trial at any time, for any reason, and still receive care.

## Weighing it up

Possible benefits include access to a treatment not yet widely available, close monitoring,
and helping people who come after you. Possible downsides include side effects nobody yet knows
about, a new treatment that turns out no better than the standard, and extra visits or tests.
A good trial team will talk through both with you.

## Questions you might bring

- Which phase is this trial, and what question is it trying to answer?
- What treatment would I receive if I did not join?
- Will I be randomised, and could I receive a placebo?
- Who is overseeing the trial's safety, and what happens if I want to stop?
"""

FINDING_TRIAL_BODY = """\
Only a small share of adults with cancer ever take part in a clinical trial, often simply
because nobody mentioned one. If you are curious, you can start looking yourself, and your
care team can help you judge what you find.

## Ask early

The best time to ask is before you start a treatment. Some trials are only open to people who
have not yet had a particular treatment, for example trials of therapy given before surgery. A
simple question at your next appointment is enough: "Is there a clinical trial I could join?"

## Where to look

- **Your cancer centre.** Many centres run trials and have research nurses who can tell you
  what is open there.
- **ClinicalTrials.gov**, run by the U.S. National Library of Medicine, lists studies from
  around the world. You can search by cancer type, location and whether a trial is recruiting.
- **The National Cancer Institute's trial search** covers trials the NCI supports, with
  plain-language summaries, and its Cancer Information Service can help you search.
- **In the UK**, the Be Part of Research service lists studies open across the country.
- **Patient organisations** for breast cancer sometimes offer trial-matching help.

Trial listings are written for researchers as much as for patients. Print the ones that look
promising, and go through them with your oncologist or a research nurse.

## Eligibility

Each trial has rules about who can join, called eligibility criteria. They may include the type
and stage of cancer, its hormone receptor and HER2 status, the treatments you have already had,
blood test results and other health conditions. These rules keep participants safe and make
the results meaningful. Not being eligible is not a judgement of you, and another trial may fit.

## What joining looks like

1. **A first conversation** with the trial team about what the trial involves.
2. **Informed consent**: time to read, ask questions and decide, before anything is done
   for the trial. Our article on [consent](/articles/informed-consent-in-clinical-trials/)
   explains what you are agreeing to.
3. **Screening**: tests to confirm you meet the criteria.
4. **Treatment and follow-up** as the protocol describes, sometimes with extra visits, scans
   or questionnaires.

## Costs and practicalities

The trial usually pays for the treatment being studied and for tests done only for research. In
the United States, most health plans must cover the routine care costs of people taking part in
approved cancer trials, and Medicare covers them too. Ask about travel, parking and time off
work, and whether the trial can reimburse any of them.

## Questions you might bring

- Are there trials here, or nearby, that might suit my cancer?
- What would I have to do differently from standard treatment, and how often would I visit?
- Which costs would the trial cover, and which would I or my insurer pay?
- If this trial is not right for me, what other trials should I look at?
"""

CONSENT_BODY = """\
Before you take part in a clinical trial, you will be asked to give your informed consent.
That means more than signing a form: it means understanding what the trial involves, knowing
your choices and deciding freely.

## A conversation, not a signature

Consent starts with a conversation with the trial team, usually the doctor leading the trial at
your centre and a research nurse. They should explain, in words you understand:

- why the trial is being done and what question it asks
- what will happen to you, and which parts are research rather than standard care
- the possible risks and side effects, including the chance of ones nobody knows yet
- the possible benefits, for you and for others, without promising any
- the other options you have, including standard treatment outside the trial
- costs, how your information will be kept private, and whom to call with questions

The consent form sets all of this out in writing. It is often long. You are entitled to take it
home, read it at your own pace, show it to family or your own doctor, and come back with
questions before you decide.

## Your rights

- **Taking part is voluntary.** Saying no does not change the care you receive.
- **You can leave at any time**, without giving a reason. Your team will continue to treat
  you, and will explain how to stop the trial treatment safely.
- **You will be told of new information** that might affect your wish to stay in the trial,
  and you may be asked to confirm your consent again.
- **Optional parts are separate choices.** Giving extra blood or tissue samples for future
  research, for example, is often something you can accept or decline on its own.

## Who checks the trial is fair

An independent ethics committee, called an institutional review board in the United States,
reviews every trial plan and consent form before the trial starts, and keeps watching over it.
Its job is to make sure the risks are reasonable, participants are treated fairly and the
information you are given is complete and clear. Widely accepted ethical principles for
research treat informed consent and respect for participants, including the freedom to
withdraw, as essential.

## Making sure you understand

It can help to explain the trial back to the team in your own words; if something is missing,
they can fill the gap. Ask for an interpreter if you would prefer another language, and bring
someone with you to listen and take notes. If you feel rushed, say so. A good trial team wants
you to decide calmly, and a decision made under pressure is not truly informed.

## Questions you might bring

- Could you explain, in plain words, what is research here and what is standard care?
- What are the known risks, and how will you watch for side effects?
- Can I take the consent form home and decide later?
- If I leave the trial, what treatment would I have instead?
"""

SUPPORTING_BODY = """\
When someone you love has breast cancer, you may feel helpless and want to do everything at
once. What helps most is often simpler: asking what they need, taking care of practical things,
and being there for the long haul.

## Start by asking

People going through treatment differ a great deal in the help they want. Some want company at
every appointment; others want one part of life that is not about cancer. Ask, and ask again as
treatment goes on, because needs change. Try not to take over: decisions about treatment are
theirs, and keeping control over what they can is often important to them.

## At appointments

- **Be a second pair of ears.** People take in little when they are anxious. Write down what
  is said, including doses, dates and names.
- **Bring the question list** you prepared together, and make sure the important ones are
  asked. Our guide to [preparing for an appointment](/articles/preparing-for-an-appointment/)
  has ideas.
- **Ask about permission.** Your loved one may need to tell the team, sometimes in writing,
  that staff may speak with you about their care.

## At home

- **Keep a medicine list and schedule**, and a calendar of appointments and tests.
- **Learn when to call the team.** During chemotherapy, a temperature of 38°C (100.4°F) or
  higher, or feeling suddenly unwell, needs a call straight away, whatever the hour: read about
  [infection risk during chemotherapy](/articles/infection-risk-during-chemotherapy/).
- **Take on the everyday**: meals, shopping, laundry, school runs, pets, bills.
- **Coordinate other helpers.** Many friends want to help but do not know how. One person
  keeping a shared list or calendar of tasks stops offers going to waste.

## Emotional support

You do not have to find the perfect words. Listening, without rushing to fix things or to cheer
them up, is often what helps most. Let them be sad, angry or frightened, and let them have good
days without feeling they must justify them. Keep doing ordinary things together too. For more,
see [what to say, and what not to say](/articles/what-to-say-to-someone-with-cancer/).

## The long haul

Treatment for breast cancer often lasts many months, and recovery continues after it ends. Pace
yourself, share the load, and look after your own health as well; our article on
[caring for yourself as a caregiver](/articles/caring-for-yourself-as-a-caregiver/) is for you.

## Questions you might bring

- What should I watch for at home, and when should we call you?
- Whom should I call out of hours, and what number do I use?
- Is there a nurse navigator or social worker who can help us plan?
- Are there classes or information sessions for family members?
"""

CAREGIVER_SELF_CARE_BODY = """\
Caring for someone with breast cancer can take everything you have. It can also be deeply
meaningful. Both are true, and to keep going through months of treatment, you need to look after
yourself as well.

## Caregivers carry a lot

Caregivers often juggle appointments, medicines, household tasks, work and their own feelings,
with little preparation for any of it. Tiredness, poor sleep, worry and putting off their own
health care are common. A large review of fear of recurrence found that partners and family
caregivers often worried about the cancer returning as much as, or more than, the person who had
it. If you recognise yourself here, you are not failing: you are carrying a heavy load.

## Help for caregivers works

A review of randomised trials of support for family caregivers of people with cancer found that
education, skills training and counselling reduced caregivers' sense of burden and improved
their ability to cope, their confidence and parts of their quality of life. In other words,
asking for help for yourself is not a luxury. It is part of caring well.

## Practical ways to look after yourself

- **Accept help, and be specific.** When someone offers, give them a task: a meal on
  Tuesday, a lift to Thursday's appointment, an afternoon with the children.
- **Keep your own appointments**, check-ups and medicines.
- **Protect your sleep** as far as you can, and take short breaks every day, even ten
  minutes outside.
- **Keep something of your own**: a walk, a friend, a hobby that is not about cancer.
- **Talk to someone**: a friend, a counsellor, or other caregivers in a support group or here.
- **Ask about respite**: some services can cover a few hours or days so you can rest.
- **Check your rights at work.** In the United States, the Family and Medical Leave Act can give
  eligible employees unpaid, job-protected leave to care for a spouse, child or parent.

## Mixed feelings are normal

Love, fear, frustration, guilt, resentment and even moments of relief can all exist together.
Having difficult feelings does not make you a bad caregiver. Naming them, to yourself or to
someone you trust, often takes away some of their sting.

## Signs you need more support

Talk to your own doctor if, for more than two weeks, you feel low or hopeless, cannot sleep,
feel constantly on edge, are drinking more, or are often unwell. If you have thoughts of
harming yourself, reach out now: in the United States call or text 988, in the UK and Ireland
call Samaritans on 116 123, or call your local emergency number.

## Questions you might bring

- Is there a social worker or counsellor who supports family members here?
- Are there caregiver support groups, in person or online?
- What help is available so I can take a break?
- How can I plan for the weeks when treatment is hardest?
"""

WHAT_TO_SAY_BODY = """\
When someone tells you they have breast cancer, it is natural to fear saying the wrong thing.
Many people cope with that fear by saying nothing at all, and silence is often what hurts the
most. You do not need perfect words; you need to show up.

## Words that usually help

- "I'm so sorry this is happening to you."
- "I don't know what to say, but I care about you and I'm here."
- "Would you like to talk about it, or would you rather think about something else today?"
- "I'm going to the shops on Thursday. What can I bring you?"
- "No need to reply. Just thinking of you."

A specific offer is easier to accept than "let me know if you need anything", which leaves the
person with the work of asking.

## Things that often land badly

- **"Stay positive."** There is no good evidence that a positive attitude changes how cancer
  behaves, and the pressure to seem cheerful can leave people alone with their fear.
- **Stories of other people's cancer**, especially ones that ended badly. Every cancer and every
  person is different.
- **"At least..."**, as in "at least they caught it early". It can sound as if the hard parts
  do not count.
- **Questions about causes**, such as diet or lifestyle. They can feel like blame.
- **Cure stories and miracle diets.** Sending these, however kindly meant, can cause worry and
  confusion. Leave treatment advice to the care team.
- **Asking about survival odds.** If they want to share that, they will.

## Listening well

Let them lead. Some days they will want to talk about cancer and some days about anything else.
Allow silences, and resist the urge to fix, advise or reassure too quickly. If they make a dark
joke, it is all right to laugh with them. Ask how they are today, not only how they are in
general.

## For those closest to them

Partners and close family are frightened too, and need somewhere to put that fear. A helpful
rule of thumb: offer comfort towards the person who is ill, and take your own worries to people
further from the centre, such as friends, other family members, a counsellor or a support group.

## Keep showing up

Messages and meals often flood in at diagnosis and dry up during the long middle of treatment,
or stop when treatment ends, just when many people feel most alone. A message on the day of a
scan, or on the anniversary of a diagnosis, means a great deal.

## If you have said the wrong thing

Everyone does at some point. A simple "I'm sorry, that came out wrong" repairs more than you
might expect. What matters most is that you stayed.

## Questions you might bring

- How can I find out what my friend really wants from me right now?
- Where can family members find support for their own feelings?
- Are there good resources for colleagues or friends who want to help?
"""

SECOND_OPINION_BODY = """\
A second opinion means asking another specialist to review your diagnosis and your treatment
plan. It is a common and sensible step, and good doctors expect patients to take it.

## Why people ask for one

A second opinion may confirm what you have been told, which can give you confidence to go ahead.
Or it may offer another way forward, such as a different operation, a different order of
treatment or a clinical trial. People often ask for one when:

- the diagnosis or plan is complex, or the cancer has unusual features
- more than one reasonable option exists and the choice is hard
- they feel uneasy about a recommendation, or about how it was explained
- they want to know whether a clinical trial is available elsewhere
- cancer has come back or spread

## Will my doctor mind?

Second opinions are a normal part of cancer care, and doctors are used to them. You can say
simply: "This is a big decision and I would like another specialist to look at it too." Your
team should help by sending your records. Many insurers cover a second opinion, and some
require one before certain treatments; check with yours.

## Is there time?

For most breast cancers, taking a short time to get another opinion before starting treatment
does not affect the outcome. But every situation is different, so ask your team how long it is
safe to wait in your case.

## How to get one

- **Look for a specialist** at another hospital, ideally one that treats many people with
  breast cancer, such as a large cancer centre. Some offer remote second opinions.
- **Gather your records**: pathology reports, scan images and reports, operation notes if you
  have had surgery, and your proposed treatment plan.
- **Ask about a pathology review.** Another pathologist can look again at your biopsy samples
  and at results such as hormone receptor and HER2 status, which shape the whole plan.
- **Bring your questions**, and someone to take notes, just as you would to any appointment.

## If the opinions differ

Ask each doctor to explain the reasons for their advice, and what evidence supports it. Often
the difference is smaller than it first sounds, or reflects a real choice between two
reasonable options. Your first team can discuss the second opinion with you, sometimes at a
multidisciplinary meeting where surgeons, oncologists, radiologists and pathologists review
cases together. Whatever you decide, you will have made the choice knowing your options.

## Questions you might bring

- Is there anything unusual about my cancer that makes a second opinion especially useful?
- How long can I safely wait before starting treatment?
- Could you send my records and biopsy samples for review?
- If the second opinion differs, will you go through it with me?
"""

APPOINTMENT_BODY = """\
Appointments with your care team can feel rushed, and it is easy to come home with the
question you most wanted to ask still unasked. A little preparation helps you get what you need
from each visit.

## Before you go

- **Write your questions down**, most important first, so the big ones are asked even if time
  runs short.
- **Keep a symptom diary**: what you noticed, when it started, how bad it was and what helped.
  Dates and details make conversations much more precise.
- **Update your medicine list**, including vitamins, herbs and supplements, with doses.
- **Bring what you have**: new results, letters from other doctors, your insurance details.
- **Decide what you want from this visit**, whether that is a decision, information or help
  with a side effect, and say so at the start.
- **Ask for a longer appointment** if you know you have a big decision to make.

## Bring someone with you

A friend or family member can listen, take notes and remember what you miss. Agree beforehand
what you would like them to do: ask questions, or simply listen. Many people also record
important conversations on their phone; ask the team first, and most will agree.

## During the appointment

- **Say what matters to you.** "What matters most to me is..." helps your team suggest options
  that fit your life, not only your cancer.
- **Ask about every option**, including doing less or waiting, and the likely benefits, risks
  and side effects of each.
- **Ask for plain words.** If a term is unfamiliar, ask what it means. Nobody expects you to
  speak medicine.
- **Check your understanding** by saying it back: "So what you are saying is...". This is a
  quick way to catch misunderstandings.
- **Ask about decision aids**: leaflets or online tools that set options side by side. A large
  review of randomised trials found they help people know more, understand their risks more
  accurately and make choices that match what they value.
- **Before leaving, ask what happens next**: tests, results, the next appointment and whom to
  call with questions.

## After the appointment

Read through your notes while the visit is fresh, and add anything you remember. Check your
patient portal for a summary. If questions come up later, as they often do, call the nurse or
navigator rather than waiting weeks for the next visit. For more on choosing together, read
[clinical trials and shared decision-making](/articles/clinical-trials-and-shared-decision-making/).

## Questions you might bring

- What are my options, including doing less, and what are the benefits and risks of each?
- How soon do I need to decide?
- Is there a decision aid or written summary I could take home?
- Whom do I call if I have questions before my next appointment?
"""


_TRIALS_CAREGIVERS_DECISIONS: list[dict[str, Any]] = [
    {
        "slug": "how-clinical-trials-work",
        "title": "How clinical trials work: phases, randomisation and placebos",
        "summary": (
            "What a clinical trial is, what each phase is for, why trials randomise and how "
            "people who take part are protected."
        ),
        "key_points": _points(
            "Trials test new treatments in phases, from finding a safe dose to comparison.",
            "Phase 3 trials compare a new treatment with the current standard.",
            "In cancer treatment trials, placebos are rarely used on their own.",
            "An ethics committee oversees every trial, and you can leave at any time.",
        ),
        "topics": ["clinical-trials"],
        "treatments": [],
        "body": HOW_TRIALS_WORK_BODY,
        "reviewer": ONCOLOGIST,
        "references": [
            (
                "National Cancer Institute. What are clinical trials?",
                "https://www.cancer.gov/about-cancer/treatment/clinical-trials/what-are-trials",
            ),
            (
                "National Cancer Institute. Phases of clinical trials.",
                "https://www.cancer.gov/about-cancer/treatment/clinical-trials/what-are-trials/phases",
            ),
            (
                "Emanuel EJ, Wendler D, Grady C. What makes clinical research ethical? JAMA. "
                "2000;283(20):2701-2711.",
                "https://doi.org/10.1001/jama.283.20.2701",
            ),
        ],
        "days_ago": 27,
    },
    {
        "slug": "finding-and-joining-a-clinical-trial",
        "title": "Finding and joining a clinical trial",
        "summary": (
            "When to ask about trials, where to search, what eligibility means and what "
            "happens between first contact and the first treatment."
        ),
        "key_points": _points(
            "Ask about trials early, ideally before you start a treatment.",
            "ClinicalTrials.gov and the NCI's search list trials you can look through.",
            "Eligibility rules keep people safe; not fitting one trial is no judgement.",
            "In the US, most health plans must cover routine care costs in approved trials.",
        ),
        "topics": ["clinical-trials", "treatment-decisions"],
        "treatments": [],
        "body": FINDING_TRIAL_BODY,
        "reviewer": ONCOLOGIST,
        "references": [
            (
                "U.S. National Library of Medicine. ClinicalTrials.gov.",
                "https://clinicaltrials.gov/",
            ),
            (
                "National Cancer Institute. Find NCI-supported clinical trials.",
                "https://www.cancer.gov/about-cancer/treatment/clinical-trials/search",
            ),
            (
                "Cancer.Net (American Society of Clinical Oncology). Clinical trials.",
                "https://www.cancer.net/navigating-cancer-care/how-cancer-treated/clinical-trials",
            ),
        ],
        "days_ago": 48,
    },
    {
        "slug": "informed-consent-in-clinical-trials",
        "title": "Informed consent: what you agree to when you join a trial",
        "summary": (
            "Why consent is a conversation rather than a signature, what you should be told, "
            "and your right to say no or leave at any time."
        ),
        "key_points": _points(
            "Informed consent means understanding the trial and deciding freely.",
            "You can take the consent form home and ask questions before deciding.",
            "Saying no, or leaving later, does not change the care you receive.",
            "An independent ethics committee reviews every trial and its consent form.",
        ),
        "topics": ["clinical-trials"],
        "treatments": [],
        "body": CONSENT_BODY,
        "reviewer": ONCOLOGIST,
        "references": [
            (
                "National Cancer Institute. Informed consent for clinical trials.",
                "https://www.cancer.gov/about-cancer/treatment/clinical-trials/patient-safety/informed-consent",
            ),
            (
                "Emanuel EJ, Wendler D, Grady C. What makes clinical research ethical? JAMA. "
                "2000;283(20):2701-2711.",
                "https://doi.org/10.1001/jama.283.20.2701",
            ),
        ],
        "days_ago": 96,
    },
    {
        "slug": "supporting-someone-through-treatment",
        "title": "Supporting someone through breast cancer treatment",
        "summary": (
            "Practical and emotional ways to help a partner, parent or friend through "
            "treatment, from appointments to everyday tasks."
        ),
        "key_points": _points(
            "Ask what help is wanted, and ask again as treatment goes on.",
            "At appointments, be a second pair of ears and take notes.",
            "During chemotherapy, a temperature of 38°C (100.4°F) needs a call at once.",
            "Share the load with other helpers and pace yourself for the long haul.",
        ),
        "topics": ["caregivers", "everyday-life"],
        "treatments": [],
        "body": SUPPORTING_BODY,
        "reviewer": ONCOLOGY_NURSE,
        "references": [
            (
                "National Cancer Institute. Family caregivers in cancer (PDQ), patient version.",
                "https://www.cancer.gov/about-cancer/coping/family-friends/family-caregivers-pdq",
            ),
            (
                "Northouse LL, Katapodi MC, Song L, Zhang L, Mood DW. Interventions with family "
                "caregivers of cancer patients: meta-analysis of randomized trials. CA Cancer J "
                "Clin. 2010;60(5):317-339.",
                "https://doi.org/10.3322/caac.20081",
            ),
        ],
        "days_ago": 9,
    },
    {
        "slug": "caring-for-yourself-as-a-caregiver",
        "title": "Caring for yourself as a caregiver",
        "summary": (
            "Why caregivers need support too, what helps them cope, and the signs that it is "
            "time to ask for more help."
        ),
        "key_points": _points(
            "Caregivers often carry as much worry as the person with cancer.",
            "Education, skills training and counselling lower caregiver burden.",
            "Accept specific offers of help and keep your own health appointments.",
            "Mixed feelings, including guilt and resentment, are normal.",
        ),
        "topics": ["caregivers", "emotional-support"],
        "treatments": [],
        "body": CAREGIVER_SELF_CARE_BODY,
        "reviewer": SOCIAL_WORKER,
        "references": [
            (
                "Northouse LL, Katapodi MC, Song L, Zhang L, Mood DW. Interventions with family "
                "caregivers of cancer patients: meta-analysis of randomized trials. CA Cancer J "
                "Clin. 2010;60(5):317-339.",
                "https://doi.org/10.3322/caac.20081",
            ),
            (
                "Simard S, Thewes B, Humphris G, et al. Fear of cancer recurrence in adult "
                "cancer survivors: a systematic review of quantitative studies. J Cancer Surviv. "
                "2013;7(3):300-322.",
                "https://doi.org/10.1007/s11764-013-0272-z",
            ),
            (
                "National Cancer Institute. Family caregivers in cancer (PDQ), patient version.",
                "https://www.cancer.gov/about-cancer/coping/family-friends/family-caregivers-pdq",
            ),
        ],
        "days_ago": 55,
    },
    {
        "slug": "what-to-say-to-someone-with-cancer",
        "title": "What to say, and what not to say, to someone with breast cancer",
        "summary": (
            "Words that comfort, phrases that often land badly, and how to keep showing up "
            "for a friend or relative through treatment and after."
        ),
        "key_points": _points(
            "Saying something simple and kind is better than saying nothing.",
            "Specific offers of help are easier to accept than open ones.",
            "Avoid urging positivity, sharing cure stories or asking about causes.",
            "Keep in touch through the long middle of treatment and after it ends.",
        ),
        "topics": ["caregivers", "emotional-support"],
        "treatments": [],
        "body": WHAT_TO_SAY_BODY,
        "reviewer": PSYCHO_ONCOLOGIST,
        "references": [
            (
                "National Cancer Institute. Family caregivers in cancer (PDQ), patient version.",
                "https://www.cancer.gov/about-cancer/coping/family-friends/family-caregivers-pdq",
            ),
            (
                "National Cancer Institute. Feelings and cancer.",
                "https://www.cancer.gov/about-cancer/coping/feelings",
            ),
        ],
        "days_ago": 68,
    },
    {
        "slug": "getting-a-second-opinion",
        "title": "Getting a second opinion",
        "summary": (
            "Why a second opinion is a normal step, when it is most useful, how to arrange "
            "one and what to do if the opinions differ."
        ),
        "key_points": _points(
            "A second opinion can confirm your plan or offer another reasonable option.",
            "Doctors expect patients to ask for one, and many insurers cover it.",
            "Ask your team how long you can safely wait before starting treatment.",
            "A pathology review can re-check results such as HER2 and hormone receptors.",
        ),
        "topics": ["treatment-decisions"],
        "treatments": [],
        "body": SECOND_OPINION_BODY,
        "reviewer": ONCOLOGIST,
        "references": [
            (
                "Cancer.Net (American Society of Clinical Oncology). Getting a second opinion.",
                "https://www.cancer.net/navigating-cancer-care/how-find-cancer-doctor/getting-second-opinion",
            ),
            (
                "National Cancer Institute. Breast cancer treatment (PDQ), patient version.",
                "https://www.cancer.gov/types/breast/patient/breast-treatment-pdq",
            ),
        ],
        "days_ago": 82,
    },
    {
        "slug": "preparing-for-an-appointment",
        "title": "Preparing for an appointment with your care team",
        "summary": (
            "How to get the most from a visit: what to bring, how to ask, how to check you "
            "understood, and what to do afterwards."
        ),
        "key_points": _points(
            "Write your questions down, most important first.",
            "Bring someone to listen and take notes, or ask to record the visit.",
            "Say what matters most to you, and ask about every option.",
            "Decision aids help people make choices that match their values.",
        ),
        "topics": ["treatment-decisions", "everyday-life"],
        "treatments": [],
        "body": APPOINTMENT_BODY,
        "reviewer": ONCOLOGIST,
        "references": [
            (
                "Stacey D, Légaré F, Lewis K, et al. Decision aids for people facing health "
                "treatment or screening decisions. Cochrane Database Syst Rev. "
                "2017;4:CD001431.",
                "https://doi.org/10.1002/14651858.CD001431.pub5",
            ),
            (
                "National Cancer Institute. Questions to ask your doctor about cancer.",
                "https://www.cancer.gov/about-cancer/coping/questions",
            ),
        ],
        "days_ago": 117,
    },
]

LUMPECTOMY_MASTECTOMY_BODY = """\
For many people with early breast cancer, the first big choice is about surgery: keep most of
the breast with a lumpectomy, or remove it with a mastectomy. For many, both are safe options,
and the decision rests on what matters most to you.

## The two operations

- **Lumpectomy**, also called breast-conserving surgery, removes the tumour with a margin of
  healthy tissue around it and keeps most of the breast. It is usually followed by radiation
  therapy to the breast.
- **Mastectomy** removes the whole breast. Some people then have
  [reconstruction](/articles/breast-reconstruction-choices/), at the same time or later, and
  some choose to stay flat. Radiation is sometimes still advised after a mastectomy, for
  example when the tumour was large or lymph nodes were involved.

## What the research shows

Two large randomised trials, one in the United States and one in Italy, followed women with
early breast cancer for twenty years. Those who had a lumpectomy followed by radiation lived as
long as those who had a mastectomy. Radiation matters here: without it, the cancer was much more
likely to come back in the same breast. These results are why many surgeons offer both choices.

## When a mastectomy may be advised

Your surgeon may recommend a mastectomy if, for example:

- the tumour is large compared with the size of the breast
- there are areas of cancer in separate parts of the breast
- you have had radiation to the chest before, or cannot have radiation
- clear margins could not be reached with lumpectomy
- you carry an inherited gene change, such as in BRCA1 or BRCA2, that raises your risk

Sometimes chemotherapy or targeted therapy given before surgery shrinks a tumour enough to make
a lumpectomy possible.

## Things to weigh

- **Recovery.** A lumpectomy is often a day operation. A mastectomy usually means a longer
  recovery, and longer still with reconstruction.
- **Radiation.** A lumpectomy almost always means several weeks, or sometimes one week, of
  daily radiation visits. Read
  [what radiation is like, day to day](/articles/radiation-therapy-day-to-day/).
- **A second operation.** After a lumpectomy, if cancer cells reach the edge of the removed
  tissue, another operation may be needed to take a little more.
- **How you feel about your body**, and about checks and scans of the remaining breast.

Some people ask about removing the other, healthy breast as well. For most people without an
inherited high-risk gene change, this does not help them live longer, though some choose it for
peace of mind. It is worth a long conversation with your surgeon.

## Take the time you need

It is rarely urgent to decide within days. Ask to see photographs of results, talk to members
who have made each choice, and consider a [second opinion](/articles/getting-a-second-opinion/)
if you are unsure.

## Questions you might bring

- Am I a candidate for lumpectomy, and if not, why not?
- Would I need radiation after either operation?
- How likely is a second operation after a lumpectomy in my case?
- What would recovery look like, and when could I go back to work?
"""

LYMPH_NODES_BODY = """\
Lymph nodes in the armpit are often the first place breast cancer cells travel to. Checking them
tells your team how far the cancer has reached, which helps plan the rest of your treatment.
Today, far fewer nodes are removed than in the past.

## Why the nodes are checked

The lymph nodes under your arm, called the axillary nodes, filter fluid draining from the
breast. Whether cancer cells are found in them is one of the most important facts for planning
treatment after surgery. Before surgery, an ultrasound of the armpit, sometimes with a needle
biopsy of a node that looks unusual, gives a first picture.

## Sentinel lymph node biopsy

The sentinel nodes are the first one or few nodes that the breast drains into. To find them,
the surgeon injects a tracer, which may be a small dose of a radioactive substance, a blue dye
or a magnetic fluid, into the breast. The tracer travels to the sentinel nodes, which are then
removed through a small cut and examined.

If the sentinel nodes are clear, no more nodes need to be removed. A large randomised trial
found that, for women whose sentinel nodes were clear, removing only those nodes gave the same
survival as removing many more.

## When cancer is found in the sentinel nodes

Finding cancer in a sentinel node no longer always means a larger operation. In a randomised
trial of women with a lumpectomy and radiation to the whole breast, and cancer in one or two
sentinel nodes, those who did not have more nodes removed lived as long, ten years on, as those
who did. Whether this applies to you depends on your surgery, your radiation plan and the
details of your cancer. Radiation to the nodes is sometimes used instead of more surgery.

## Axillary lymph node dissection

When more nodes need to be removed, the operation is called an axillary lymph node dissection.
It removes a larger group of nodes from the armpit. It carries a higher risk of side effects
than a sentinel node biopsy, which is why surgeons now use it more selectively.

## After node surgery

- **Numbness** under the arm or along the inner upper arm is common and often improves slowly.
- **Cording**, tight cords under the skin running from the armpit down the arm, can appear in
  the weeks after surgery. It usually eases with stretching and physiotherapy.
- **Shoulder stiffness**: do the arm exercises your team gives you, as soon as they advise.
- **Lymphoedema**: swelling of the arm, hand, breast or chest. It is more likely after a
  dissection and after radiation to the nodes, and it can appear months or years later.

Tell your team early if your arm feels heavy or tight, or if rings, watches or sleeves start to
feel snug. Lymphoedema is easier to manage when treated early, with compression, gentle
massage and exercise. Strength training, built up slowly, is safe for most people: see
[staying active](/articles/exercise-during-and-after-treatment/).

## Questions you might bring

- Will I have a sentinel node biopsy, and which tracer will you use?
- If cancer is found in a sentinel node, what would happen next?
- What is my risk of lymphoedema, and what signs should I watch for?
- Can you refer me to a physiotherapist or lymphoedema therapist?
"""

RADIATION_DAY_BODY = """\
Radiation therapy uses high-energy beams, such as X-rays, aimed carefully at the breast or chest
wall and sometimes the nearby lymph nodes, to destroy cancer cells left after surgery. Knowing
what happens each day takes away much of the fear.

## Planning comes first

Before treatment starts you will have a planning appointment, often called a simulation. You
lie on a couch in the position you will be treated in, usually with your arms resting above
your head, and have a CT scan. Your team may make a few tiny permanent dots on your skin, the
size of a freckle, to line you up precisely each day; some centres use surface cameras instead.
The team then spends days designing a plan that treats the right area while sparing your heart
and lungs as much as possible. If the left breast is treated, you may be taught to hold your
breath for short spells, which moves the heart away from the beam.

## How long treatment lasts

Radiation is given in daily sessions called fractions, usually on weekdays. Schedules have
become much shorter. Large randomised trials found that about three weeks of treatment
controlled the cancer as well as the five weeks that used to be standard, and in a UK trial a
one-week course of five treatments was as effective as three weeks for many women. Some people
also have a few extra sessions, called a boost, to the area where the tumour was. Your team will
explain which schedule suits you and why.

## A typical session

- You change into a gown and are taken to the treatment room.
- The radiographers or radiation therapists position you using your marks. This part takes the
  longest.
- They leave the room while the machine moves around you. The beam is on for a few minutes.
  You will not see or feel anything, and the team watches you on camera and can hear you.
- Most sessions take ten to twenty minutes from start to finish.

External beam radiation does not make you radioactive. You can hug your children and be close to
anyone straight afterwards.

## Side effects

- **Skin changes** in the treated area: redness or darkening, dryness, itching and sometimes
  peeling. They often peak around the end of treatment or just after, then settle over a few
  weeks.
- **Tiredness**, which tends to build over the course and can last a few weeks after it ends.
- **Breast changes**: swelling, tenderness or firmness. Over months and years, the breast may
  become a little smaller or firmer.

## Looking after your skin

Follow your own team's skin advice, as it varies between centres. Common guidance is to wash
gently with warm water, pat dry, use the moisturiser your team recommends, wear soft, loose
cotton clothing, avoid heat pads and ice packs on the area, and keep it out of the sun. Tell the
team about any blistering, broken skin or pain.

## Questions you might bring

- How many sessions will I have, and will there be a boost?
- Will I be asked to hold my breath during treatment?
- What should I use on my skin, and can I use deodorant?
- Which side effects should I report, and whom do I call?
"""

RECONSTRUCTION_BODY = """\
After a mastectomy, some people choose to rebuild the shape of the breast, some choose a
prosthesis, and some choose to stay flat. Each is a valid choice. Here is an outline of the
options, to help you have a fuller conversation with your surgeons.

## Timing

- **Immediate reconstruction** starts during the same operation as the mastectomy.
- **Delayed reconstruction** happens months or years later, for example after radiation or
  simply when you feel ready.

You do not have to decide before your mastectomy whether you will ever want reconstruction, but
knowing your options early keeps more doors open.

## Implant reconstruction

An implant filled with silicone gel or salt water forms the new breast shape. Often a temporary
expander is placed first and gradually filled over several weeks to stretch the skin, then
swapped for the final implant. Things to know:

- Implants are not lifetime devices and may need to be replaced or removed at some point.
- Radiation to the chest raises the chance of problems such as hardening around the implant.
- A rare type of lymphoma, called BIA-ALCL, has been linked mainly to textured implants.
  Ask which type of implant you would have.

## Reconstruction with your own tissue

In flap reconstruction, the surgeon moves skin and fat, sometimes with muscle, from another part
of your body, most often the lower abdomen, but also the back, thighs or buttocks. It usually
means a longer operation and recovery, and a second scar, but the result is soft, changes with
your weight and lasts for life. Some people have a flap and an implant together.

## Nipple and symmetry

Some people can keep their own nipple with a nipple-sparing mastectomy. Otherwise a nipple can
be rebuilt later, or created with a three-dimensional tattoo. Surgery on the other breast can
help the two match.

## Going flat, or using a prosthesis

Some people choose no reconstruction. A surgeon can aim for a smooth, flat chest wall, often
called an aesthetic flat closure; say clearly beforehand that this is what you want. Others wear
a breast form, inside a bra or attached to the skin, which can be changed or stopped at any time.

## What to expect

A reconstructed breast usually has much less feeling than before. More than one operation is
common to reach the final result. Recovery takes weeks, longer after flap surgery.

## Cover

In the United States, the Women's Health and Cancer Rights Act requires most group health plans
that cover mastectomy to cover reconstruction, surgery on the other breast for symmetry,
prostheses, and treatment of complications. Check the details with your plan.

## Questions you might bring

- Which types of reconstruction suit my body, my treatment and my life?
- How would radiation affect my options and their timing?
- How many operations should I expect, and how long is recovery?
- Can I see photographs of results, including of flat closures?
"""

CHEMO_DAY_BODY = """\
The first day of chemotherapy is often the most frightening, mostly because it is unknown. Here
is what a typical day at the infusion unit looks like, so you can walk in knowing what to
expect. Every centre is a little different, and your nurses will guide you.

## Before the day

- **Blood tests**, often the day before or that morning, check your blood counts and how your
  liver and kidneys are working. Treatment goes ahead when the results are safe.
- **A check with your doctor or nurse** about how you have been since the last cycle. Mention
  every side effect, even small ones: many can be eased.
- **Medicines to take at home** beforehand, such as anti-sickness tablets or steroids, if your
  team has prescribed them.

## When you arrive

A nurse will weigh you, because many doses depend on your size, and check your temperature,
pulse and blood pressure. The pharmacy often prepares your drugs only once your blood results
are back, so there may be a wait. Bring something to pass the time.

## Getting the drugs in

Chemotherapy is usually given into a vein. This may be through a thin tube placed in your hand
or arm for the day, or through a port, a small device placed under the skin of the chest, or a
longer line in the arm that stays in between visits. Ports and lines spare your veins when
treatment lasts many months.

## The infusion

First come medicines to prevent sickness, and sometimes to prevent allergic reactions. Then the
chemotherapy itself, drip by drip or by slow injection. Depending on your regimen, it may take
under an hour or most of a day. Nurses check on you throughout, especially at the first
treatments, when reactions are more likely. Tell them at once if you feel flushed, itchy,
breathless or unwell.

If you are having a drug that causes hair loss, ask whether scalp cooling with a cold cap is an
option: it reduces hair loss for many people with some regimens.

## What to bring

- snacks and a water bottle
- warm layers or a blanket, as infusion rooms can be cool
- a phone charger, headphones, a book or something to do
- your medicine list and your questions
- a companion, if the unit allows

## Going home

Arrange a lift home for the first treatment at least, as some pre-medicines make you drowsy.
Take the anti-sickness medicines exactly as prescribed, even if you feel fine. Some people have
an injection the next day, or wear a small device that gives it, to help white blood cells
recover. Drink plenty, rest when you need to, and write down how you feel each day.

Before you leave, make sure you have the number to call day or night, and know the warning
signs, above all a temperature of 38°C (100.4°F) or higher. Our article on
[infection risk](/articles/infection-risk-during-chemotherapy/) explains why.

## Questions you might bring

- How long will each treatment day take, and how often will I come?
- Should I have a port or line for my treatment?
- Is scalp cooling available and suitable for my regimen?
- Which side effects should I expect, and which ones mean I should call?
"""

INFECTION_BODY = """\
Chemotherapy lowers the number of white blood cells that fight infection. For most people the
counts recover between cycles, but while they are low an infection can become serious quickly.
Knowing when to call is one of the most important things to learn before treatment starts.

## Why the risk rises

Chemotherapy works on fast-dividing cells, and the bone marrow, where blood cells are made,
divides fast too. Neutrophils, the white blood cells that fight bacteria, are often at their
lowest about seven to fourteen days after a dose, though this depends on the drugs. Your team
checks your counts with blood tests before each cycle.

When neutrophils are low, the usual signs of infection, such as swelling or pus, may not appear.
A fever may be the first and only sign.

## Call straight away, day or night, if

- your temperature is **38°C (100.4°F) or higher**
- you have **shivering or chills**, even without a fever
- you **suddenly feel unwell**, even with a normal temperature
- you have a new cough, breathlessness, pain passing urine or diarrhoea
- the skin around your port, line or wound is red, swollen, hot or oozing

Do not wait for the morning or your next appointment. A fever with low neutrophils needs to be
seen quickly: guidelines advise that antibiotics start within an hour of arriving at hospital.
When you call or arrive, say that you are having chemotherapy, and show your alert card if you
have one.

## Checking your temperature

Keep a reliable thermometer at home and know how to use it. Check your temperature before taking
paracetamol (acetaminophen) or ibuprofen, because they can hide a fever, and ask your team
whether you should take them at all.

## Lowering your risk

- **Wash your hands** often, especially before eating and after using the toilet, and ask
  visitors to do the same.
- **Keep away from people who are ill**, including children with colds or stomach bugs.
- **Handle food safely**: cook meat, fish and eggs thoroughly and avoid unpasteurised milk and
  cheese.
- **Look after your mouth and skin**: a soft toothbrush, gloves for gardening, and care with
  cuts. Leave cleaning the cat's litter tray to someone else.
- **Ask about vaccines.** Some, such as the flu vaccine, are usually recommended; live vaccines
  are generally avoided during chemotherapy.

For some regimens, your team may prescribe injections that help the bone marrow make white
cells faster, lowering the chance of a dangerously low count.

## If you are admitted

Being admitted with a fever during chemotherapy is common and does not mean treatment has
failed. Most infections caught early are treated successfully, and your next cycle may be
adjusted to make it less likely.

## Questions you might bring

- When are my counts likely to be lowest in each cycle?
- What number do I call out of hours, and where should I go?
- Should I take anything for pain or fever without asking you first?
- Do I need injections to boost my white cells, and which vaccines are safe for me?
"""


_SURGERY_AND_CHEMOTHERAPY: list[dict[str, Any]] = [
    {
        "slug": "lumpectomy-or-mastectomy",
        "title": "Lumpectomy or mastectomy: making the choice",
        "summary": (
            "How the two main breast operations differ, what long-term trials show, when a "
            "mastectomy is advised and what to weigh if you have a choice."
        ),
        "key_points": _points(
            "For many early cancers, lumpectomy with radiation works as well as mastectomy.",
            "A lumpectomy is usually followed by radiation to the breast.",
            "Tumour size, several areas of cancer or a gene change may point to mastectomy.",
            "You can usually take time to decide, and to get a second opinion.",
        ),
        "topics": ["surgery-and-radiation", "treatment-decisions"],
        "treatments": ["lumpectomy", "mastectomy", "radiation", "reconstruction"],
        "body": LUMPECTOMY_MASTECTOMY_BODY,
        "reviewer": BREAST_SURGEON,
        "references": [
            (
                "Fisher B, Anderson S, Bryant J, et al. Twenty-year follow-up of a randomized "
                "trial comparing total mastectomy, lumpectomy, and lumpectomy plus irradiation "
                "for the treatment of invasive breast cancer. N Engl J Med. "
                "2002;347(16):1233-1241.",
                "https://doi.org/10.1056/NEJMoa022152",
            ),
            (
                "Veronesi U, Cascinelli N, Mariani L, et al. Twenty-year follow-up of a "
                "randomized study comparing breast-conserving surgery with radical mastectomy "
                "for early breast cancer. N Engl J Med. 2002;347(16):1227-1232.",
                "https://doi.org/10.1056/NEJMoa020989",
            ),
            (
                "National Cancer Institute. Breast cancer treatment (PDQ), patient version.",
                "https://www.cancer.gov/types/breast/patient/breast-treatment-pdq",
            ),
        ],
        "days_ago": 16,
    },
    {
        "slug": "lymph-node-surgery-sentinel-and-axillary",
        "title": "Lymph node surgery: sentinel node biopsy and axillary dissection",
        "summary": (
            "Why the lymph nodes under the arm are checked, how a sentinel node biopsy works, "
            "when more nodes are removed and what to watch for afterwards."
        ),
        "key_points": _points(
            "Checking the armpit nodes shows whether cancer has begun to travel.",
            "A sentinel node biopsy removes only the first one or few nodes.",
            "Trials found removing fewer nodes gave the same survival for many women.",
            "Report arm heaviness or swelling early: lymphoedema is easier to treat early.",
        ),
        "topics": ["surgery-and-radiation"],
        "treatments": ["lymph-node-surgery"],
        "body": LYMPH_NODES_BODY,
        "reviewer": BREAST_SURGEON,
        "references": [
            (
                "Krag DN, Anderson SJ, Julian TB, et al. Sentinel-lymph-node resection compared "
                "with conventional axillary-lymph-node dissection in clinically node-negative "
                "patients with breast cancer: overall survival findings from the NSABP B-32 "
                "randomised phase 3 trial. Lancet Oncol. 2010;11(10):927-933.",
                "https://doi.org/10.1016/S1470-2045(10)70207-2",
            ),
            (
                "Giuliano AE, Ballman KV, McCall L, et al. Effect of axillary dissection vs no "
                "axillary dissection on 10-year overall survival among women with invasive "
                "breast cancer and sentinel node metastasis: the ACOSOG Z0011 (Alliance) "
                "randomized clinical trial. JAMA. 2017;318(10):918-926.",
                "https://doi.org/10.1001/jama.2017.11470",
            ),
            (
                "National Cancer Institute. Lymphedema and cancer.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/lymphedema",
            ),
        ],
        "days_ago": 59,
    },
    {
        "slug": "radiation-therapy-day-to-day",
        "title": "Radiation therapy for breast cancer, day to day",
        "summary": (
            "What happens at the planning visit and at each session, how long a course lasts "
            "today, and how to look after your skin."
        ),
        "key_points": _points(
            "A planning scan comes first, so the beams spare your heart and lungs.",
            "Many people now have about three weeks of treatment, and some one week.",
            "Each session takes 10 to 20 minutes and you feel nothing during it.",
            "Skin redness and tiredness are common and usually settle within weeks.",
        ),
        "topics": ["surgery-and-radiation", "side-effects"],
        "treatments": ["radiation", "lumpectomy"],
        "body": RADIATION_DAY_BODY,
        "reviewer": RADIATION_ONCOLOGIST,
        "references": [
            (
                "Whelan TJ, Pignol JP, Levine MN, et al. Long-term results of hypofractionated "
                "radiation therapy for breast cancer. N Engl J Med. 2010;362(6):513-520.",
                "https://doi.org/10.1056/NEJMoa0906260",
            ),
            (
                "Murray Brunt A, Haviland JS, Wheatley DA, et al. Hypofractionated breast "
                "radiotherapy for 1 week versus 3 weeks (FAST-Forward): 5-year efficacy and late "
                "normal tissue effects results from a multicentre, non-inferiority, randomised, "
                "phase 3 trial. Lancet. 2020;395(10237):1613-1626.",
                "https://doi.org/10.1016/S0140-6736(20)30932-6",
            ),
            (
                "National Cancer Institute. Radiation therapy to treat cancer.",
                "https://www.cancer.gov/about-cancer/treatment/types/radiation-therapy",
            ),
        ],
        "days_ago": 103,
    },
    {
        "slug": "breast-reconstruction-choices",
        "title": "Breast reconstruction choices, including going flat",
        "summary": (
            "Implants, your own tissue, timing, nipples and symmetry, and choosing no "
            "reconstruction: an outline to take to your surgeons."
        ),
        "key_points": _points(
            "Reconstruction can start during the mastectomy or months or years later.",
            "Implants are simpler to place; flaps use your own tissue and last for life.",
            "Going flat or wearing a prosthesis are equally valid choices.",
            "Most US group health plans that cover mastectomy must cover reconstruction.",
        ),
        "topics": ["surgery-and-radiation", "treatment-decisions"],
        "treatments": ["reconstruction", "mastectomy"],
        "body": RECONSTRUCTION_BODY,
        "reviewer": PLASTIC_SURGEON,
        "references": [
            (
                "National Cancer Institute. Breast reconstruction after mastectomy.",
                "https://www.cancer.gov/types/breast/reconstruction-fact-sheet",
            ),
            (
                "U.S. Department of Labor. Your rights after a mastectomy: the Women's Health "
                "and Cancer Rights Act of 1998.",
                "https://www.dol.gov/",
            ),
        ],
        "days_ago": 131,
    },
    {
        "slug": "what-a-chemotherapy-day-looks-like",
        "title": "What a chemotherapy day looks like",
        "summary": (
            "From blood tests to the drive home: what happens on a day at the infusion unit, "
            "what to bring and what to ask before you leave."
        ),
        "key_points": _points(
            "Blood tests before each cycle check that treatment is safe to give.",
            "Anti-sickness medicines come first; infusions take from under an hour to a day.",
            "A port or line can spare your veins during long treatment.",
            "Leave with the 24-hour number and know to call for a temperature of 38°C.",
        ),
        "topics": ["chemotherapy", "everyday-life"],
        "treatments": ["chemotherapy", "tchp", "ac-th"],
        "body": CHEMO_DAY_BODY,
        "reviewer": ONCOLOGY_NURSE,
        "references": [
            (
                "National Cancer Institute. Chemotherapy to treat cancer.",
                "https://www.cancer.gov/about-cancer/treatment/types/chemotherapy",
            ),
            (
                "Cancer.Net (American Society of Clinical Oncology). What to expect when having "
                "chemotherapy.",
                "https://www.cancer.net/",
            ),
        ],
        "days_ago": 24,
    },
    {
        "slug": "infection-risk-during-chemotherapy",
        "title": "Infection risk during chemotherapy, and when to call",
        "summary": (
            "Why chemotherapy raises the risk of infection, the warning signs that need a "
            "call at any hour, and everyday ways to lower the risk."
        ),
        "key_points": _points(
            "White cell counts are often lowest 7 to 14 days after a chemotherapy dose.",
            "A temperature of 38°C (100.4°F) or higher needs a call straight away.",
            "Check your temperature before taking paracetamol or ibuprofen.",
            "Handwashing, food safety and avoiding sick contacts lower the risk.",
        ),
        "topics": ["chemotherapy", "side-effects"],
        "treatments": ["chemotherapy", "tchp", "ac-th"],
        "body": INFECTION_BODY,
        "reviewer": ONCOLOGY_NURSE,
        "references": [
            (
                "Taplitz RA, Kennedy EB, Bow EJ, et al. Outpatient management of fever and "
                "neutropenia in adults treated for malignancy: American Society of Clinical "
                "Oncology and Infectious Diseases Society of America clinical practice guideline "
                "update. J Clin Oncol. 2018;36(14):1443-1453.",
                "https://doi.org/10.1200/JCO.2017.77.6211",
            ),
            (
                "National Cancer Institute. Infection and neutropenia during cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/infection",
            ),
        ],
        "days_ago": 45,
    },
]

ARTICLES: list[dict[str, Any]] = [
    *_EMOTIONAL_AND_EVERYDAY,
    *_TRIALS_CAREGIVERS_DECISIONS,
    *_SURGERY_AND_CHEMOTHERAPY,
]
