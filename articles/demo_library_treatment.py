"""Library articles on side effects, tests, subtypes and metastatic care (`manage.py seed_demo`).

Written for this project; every fact is one its medical reviewer would sign, and every reference
is a primary source or a stable page of a cancer organisation. Same shape as `demo_content`,
plus the reviewer of each article when it is not the oncologist who reviewed the first ones.
"""

from typing import Any

PATHOLOGIST = ("Dr. Ingrid Halvorsen", "MD, breast pathologist")
CARDIO_ONCOLOGIST = ("Dr. Rafael Mendonça", "MD, cardio-oncologist")
PALLIATIVE_PHYSICIAN = ("Dr. Naomi Farrant", "MD, palliative medicine physician")

NCI_PDQ = (
    "National Cancer Institute. Breast cancer treatment (PDQ), patient version.",
    "https://www.cancer.gov/types/breast/patient/breast-treatment-pdq",
)


def _points(*lines: str) -> str:
    return "\n".join(lines)


FATIGUE_BODY = """\
Many people expect treatment to make them tired. Fewer expect the kind of tiredness that
arrives: heavy, sometimes sudden, and not mended by a good night's sleep. This is
cancer-related fatigue. It is one of the most common effects of breast cancer and its
treatment, it has causes, and there are things that help.

## How it differs from ordinary tiredness

Ordinary tiredness follows effort and lifts with rest. Cancer-related fatigue can come without
a reason you can name, last for weeks, and make it hard to think, concentrate or feel like
yourself. Some people notice it most a few days after each chemotherapy cycle; others feel it
build slowly through a course of radiation therapy. For some it lingers for months after
treatment ends, and for most it eases gradually.

## What can cause it

Fatigue rarely has a single cause. Your team will think about:

- the treatment itself: chemotherapy, radiation, targeted drugs and hormone therapy can all
  play a part
- anaemia, a low red blood cell count, which a simple blood test shows
- an underactive thyroid, which can follow some treatments
- pain, broken sleep, night sweats or low mood
- not eating or drinking enough, and medicines taken for other symptoms

Several of these can be treated. That is why it is worth saying plainly how tired you are,
rather than putting up with it.

## What helps

### Keep moving, gently

It sounds backwards, but resting all day tends to deepen fatigue. Regular activity at a level
that suits you, such as a short daily walk that slowly grows, has the strongest research
behind it. An international panel of exercise and cancer experts concluded that moderate
aerobic exercise about three times a week, ideally with some strength work, reduces fatigue
for many people during and after treatment. Ask your team what is safe for you, especially if
your blood counts are low or the cancer affects your bones.

### Spend your energy on purpose

- Notice the times of day you feel best and save what matters most for them.
- Say yes when people offer to cook, shop or drive.
- Keep naps short and early, so they do not steal your night's sleep.
- Break big jobs into small pieces, and let some things wait.

### Look after sleep and mood

A regular bedtime, a dark and cool room and less screen time late at night can help. Worry
and low mood are tiring in themselves: talking to someone, here in the community or with a
counsellor, is part of your care, not a luxury.

## When to call your team

Call if fatigue comes on suddenly, if you are breathless, dizzy or your heart is racing, or if
you cannot get out of bed or look after yourself. These can be signs of anaemia, infection or
another problem that needs checking.

## Questions you might bring

- Could anything in my blood tests, such as anaemia or my thyroid, explain this?
- Is it safe for me to exercise, and is there a programme or physiotherapist you recommend?
- Could any of my other medicines be adding to the tiredness?
- How long is this fatigue likely to last after my treatment ends?
"""

NAUSEA_BODY = """\
Feeling sick was once the side effect people feared most about chemotherapy. It is far better
controlled today, because anti-sickness medicines (antiemetics) have improved a great deal.
Some nausea can still slip through, and eating can become a chore. Here is what is worth
knowing.

## Prevention works better than rescue

Your team chooses anti-sickness medicines according to how likely your treatment is to cause
nausea. Some regimens, such as those containing doxorubicin and cyclophosphamide (the "AC" in
AC-TH), are known to cause it often, so you may be given several medicines together before the
infusion and tablets to take for the days after. The antibody-drug conjugate trastuzumab
deruxtecan (Enhertu) also commonly causes nausea, and teams plan for it too.

Take the tablets exactly as prescribed, even on a morning you feel fine. They work best when
they are already in your body before nausea starts. If you are given a "when needed" medicine
as well, use it early rather than waiting to see whether the feeling passes.

## Three kinds of nausea

- **Acute**: in the first day after treatment.
- **Delayed**: from the second day, sometimes lasting several days.
- **Anticipatory**: before a treatment, triggered by the smell of the clinic or the memory of
  last time. It is common and real, and relaxation techniques or a medicine can help.

Tell your team which kind you have and when: it changes which medicine they reach for.

## Eating when food has lost its appeal

- Eat small amounts often rather than three large meals.
- Plain, dry foods such as crackers or toast are often easiest in the morning.
- Cold or room-temperature food smells less, which helps if smells set you off.
- Sip fluids through the day instead of drinking a lot with meals.
- If food tastes of metal, try plastic cutlery and sharper flavours such as lemon, unless your
  mouth is sore.
- Keep easy snacks within reach, and let someone else cook when you can.

Appetite often dips for reasons besides nausea: tiredness, a sore mouth, constipation (a
common side effect of some anti-sickness medicines) or low mood. Each of these can be treated,
so mention them too.

## Getting help with food

If you are losing weight without trying, or eating feels impossible for more than a few days,
ask to see a dietitian. They can suggest nourishing foods and drinks that fit how you feel,
and they can check whether you need a supplement.

## When to call your team

Call the same day if you cannot keep fluids down for several hours, if you are vomiting again
and again, if you feel dizzy or pass very little urine, or if nausea comes with a fever or stomach
pain.

## Questions you might bring

- How likely is my treatment to cause nausea, and what is my plan for each day after it?
- Which medicine should I take if the usual ones are not enough?
- Could my anti-sickness medicines be causing constipation or headaches?
- Can I see a dietitian?
"""

DIARRHOEA_BODY = """\
Several medicines that target HER2 can loosen the bowels. For most people it is mild and
manageable, but with a few of them diarrhoea is common enough that your team will plan for it
before you take the first dose.

## Which HER2 medicines cause it

- **Neratinib (Nerlynx)**, a daily pill often taken for a year after trastuzumab, causes
  diarrhoea more than any other HER2 medicine, mostly in the first month. In the large trial
  that led to its approval, no preventive medicine was given and about four in ten people had
  severe diarrhoea. A later study showed that starting anti-diarrhoea medicine with the first
  dose, or starting neratinib at a lower dose and building up over the first weeks, made
  severe diarrhoea much less common and helped more people finish their year.
- **Tucatinib (Tukysa)** and **lapatinib (Tykerb)**, kinase inhibitor pills used for advanced
  cancer, often cause it too.
- **Pertuzumab (Perjeta, and in Phesgo)** commonly causes loose stools, usually mild, and more
  often while chemotherapy is given alongside it.

Trastuzumab on its own causes diarrhoea much less often.

## Your plan before you start

Ask for a written plan that says which anti-diarrhoea medicine to take (often loperamide), how
much, how often and for how long, and when to call. With neratinib the plan may start on day
one, before anything has happened. Keep the medicine at home and in your bag.

## Day to day

- Drink plenty: water, diluted squash, clear broths or an oral rehydration solution.
- Eat small meals of plainer foods, such as rice, bananas, toast, pasta and eggs, while
  symptoms last.
- Go easy on high-fibre foods, fatty or spicy food, alcohol, caffeine and very sweet drinks.
- If milk seems to make things worse, try lactose-free versions for a while.
- Be gentle with the skin around your bottom: soft wipes without alcohol, and a barrier cream.

Write down how many times you go each day. Your team will ask, and a number helps them decide
whether to pause or lower a dose, which are normal tools and not a failure.

## When to call your team

Call the same day if you have four or more bowel movements a day above your usual, if the
diarrhoea goes on for more than a day despite the medicine, or if you feel dizzy, cannot keep
fluids down, see blood, or have a fever or stomach pain. If you are also having chemotherapy,
diarrhoea with a fever needs urgent advice.

Do not stop or skip a dose on your own, and do not double up later: call first.

## Questions you might bring

- Should I start anti-diarrhoea medicine with my first dose, or start at a lower dose?
- Exactly how much loperamide may I take in a day?
- At what point do you want me to call, and which number do I use out of hours?
- If my dose is lowered or paused, what does that mean for my treatment?
"""

HEART_BODY = """\
Trastuzumab (Herceptin) and the medicines built on it have changed the outlook for
HER2-positive breast cancer. In a minority of people they can also weaken the heart's pumping
for a while. That is why your team checks your heart before and during treatment, often
before you would notice anything yourself.

## What can happen

HER2 is not only found on cancer cells: heart muscle uses it too. Blocking it can lower the
heart's pumping strength, measured as the ejection fraction, the share of blood pushed out
with each beat. In most people who have a drop it causes no symptoms, and it usually improves
when trastuzumab is paused or heart medicines are started. This differs from the damage some
older chemotherapy drugs called anthracyclines (doxorubicin and epirubicin) can cause, which
is less likely to recover.

Adding pertuzumab, or having both antibodies in the Phesgo injection, adds little extra risk
for most people. The antibody-drug conjugates Kadcyla and Enhertu are checked in the same way.

## Who is at higher risk

- people who have had, or are having, an anthracycline, as in the AC part of AC-TH
- people with high blood pressure, diabetes or existing heart disease
- older people
- people who have had radiation to the left side of the chest
- people who smoke

## How your heart is checked

The usual test is an echocardiogram, an ultrasound scan of the heart that usually takes less
than an hour and does not hurt. Some centres use a MUGA scan, which needs a small injection
of a radioactive tracer.
You will usually have one before trastuzumab starts and then at intervals during treatment,
often around every three months, with more checks if something changes. Blood tests and an
ECG may be added.

## If your scan shows a change

Your team may:

- pause trastuzumab for a few weeks and repeat the scan
- start heart medicines that protect and strengthen the heart muscle
- ask a cardio-oncologist, a heart specialist who works with cancer teams, to help

Many people restart and complete their treatment after a pause. A change on a scan is a
reason to look more closely, not a sign that treatment has to end.

## What you can do

Keep your blood pressure, cholesterol and blood sugar in check, stay as active as you can, and
get help to stop smoking. Bring a list of all your medicines to appointments.

## When to call your team

Call if you become breathless with less effort than usual or when lying flat, if your ankles
or legs swell, if you gain weight quickly over a few days, or if your heart races, flutters or
pounds. Call emergency services for chest pain or fainting.

## Questions you might bring

- When is my first heart scan, and how often will I have one?
- Does my history put me at higher risk, and should I see a cardiologist before I start?
- What result would make you pause my treatment?
- Which symptoms should make me call you straight away?
"""

HAIR_BODY = """\
For many people, losing their hair is the moment a diagnosis becomes visible to everyone else.
It is fine to find that hard, even while you know it is temporary. Knowing what to expect, and
what scalp cooling can offer, can give you back some choice.

## Which treatments cause hair loss

Most chemotherapy regimens used for breast cancer, such as those containing doxorubicin,
epirubicin, docetaxel or paclitaxel, usually cause hair loss. It tends to start two
to three weeks after the first treatment and can include eyebrows, eyelashes and body hair.
Targeted antibodies such as trastuzumab and pertuzumab given on their own do not usually cause
complete hair loss, though some people notice thinning. Hormone therapy can thin the hair too.

## Growing back

Hair usually starts to grow back within a few weeks to a few months after the last
chemotherapy. It may come back finer, curlier or a different colour at first, and it often
settles over the following year. Rarely, especially after docetaxel, hair does not fully
regrow; ask your team if yours is slow to return.

## Scalp cooling

Scalp cooling uses a tight-fitting cap, chilled by a machine, worn before, during and after
each chemotherapy infusion. The cold narrows the blood vessels in the scalp, so less of the
drug reaches the hair roots.

In a randomised trial of women with early breast cancer, about half of those who used scalp
cooling lost less than half of their hair, compared with none of those who did not. It tends to
work better with taxane chemotherapy (docetaxel or paclitaxel) than with regimens that contain
doxorubicin or epirubicin.

Things to weigh:

- it adds time to each visit, often an hour or more
- the cold can be uncomfortable, and some people get headaches
- you still lose some hair, and gentle hair care matters throughout
- it is not offered everywhere, and the cost varies with where you are treated

Ask your team whether it suits your regimen and whether your centre offers it.

## Looking after your scalp and yourself

- A shorter haircut before treatment can make the change less sudden.
- Use a mild shampoo, lukewarm water and a soft brush; avoid heat and chemical treatments.
- Protect your scalp from the sun and the cold with a hat or scarf.
- Wigs, scarves and hats are all good choices, and so is going without. Ask whether your
  health service or insurer helps with the cost of a wig.

Many members say the waiting was worse than the day itself, and that shaving their head on
their own terms helped. There is no right way to do this.

## Questions you might bring

- Will my treatment cause hair loss, and when is it likely to start?
- Is scalp cooling offered here, and would it work with my regimen?
- Can I get help with the cost of a wig?
- What should I do if my hair is slow to grow back?
"""

NEUROPATHY_BODY = """\
Some chemotherapy drugs can affect the long nerves that reach your hands and feet. The result
is called peripheral neuropathy: numbness, tingling or pain that usually starts in the
fingertips and toes. Telling your team early is the single most useful thing you can do.

## Which treatments cause it

The taxanes, paclitaxel and docetaxel, are the most common cause in breast cancer treatment.
Carboplatin, used in TCHP and in some regimens for triple-negative breast cancer, can add to
it. Eribulin, used for advanced cancer, and the antibody-drug conjugate Kadcyla can cause it
too. The risk is higher if you already have nerve problems, for example from diabetes.

## What it can feel like

- pins and needles, numbness or a feeling of wearing gloves or socks
- burning, shooting or electric-shock pains
- being unusually sensitive to cold
- trouble with buttons, writing or picking up small things
- feeling unsteady, especially in the dark or on uneven ground

## Why telling your team early matters

The main way to stop neuropathy getting worse is to adjust the chemotherapy: a lower dose, a
longer gap or a switch to another drug. A guideline from the American Society of Clinical
Oncology asks doctors to consider exactly this when neuropathy becomes hard to live with. Your
team would rather change the plan early than have you lose feeling for good, so mention even
small changes at each visit.

## Treatment and what the evidence says

- For painful neuropathy, duloxetine, an antidepressant that also calms nerve pain, is the
  medicine with the best evidence, though its benefit is modest.
- No vitamin or supplement has been shown to prevent it, and acetyl-L-carnitine should be
  avoided because a trial suggested it could make things worse.
- Cooling the hands and feet, or gentle compression, during paclitaxel is being studied. Some
  centres offer it; ask whether yours does.
- Physiotherapy and balance exercises can help you stay steady and confident.

## Staying safe at home

- Check your feet every day for cuts or blisters you might not feel.
- Test bath water with your elbow or a thermometer before stepping in.
- Wear well-fitting shoes with a firm sole, indoors too.
- Clear the floor of things you could trip on, and use a night light.
- Wear gloves for cold weather, washing up and gardening.

## Will it go away?

For many people neuropathy improves over the months after chemotherapy ends, though recovery
can be slow. For some it stays in part. If it lasts, a pain specialist or physiotherapist can
help you live more comfortably.

## Questions you might bring

- Is my chemotherapy likely to cause neuropathy?
- At what point would you lower my dose or change the drug?
- Is cooling or compression offered here during paclitaxel?
- Who can help with balance, pain or everyday tasks if it lasts?
"""

PATHOLOGY_BODY = """\
The pathology report is the document that describes your cancer in detail. It is written by a
pathologist, a doctor who examines the tissue from your biopsy or operation under a microscope,
and almost every treatment decision starts from it. It is also written for doctors, which is
why it can be hard to read. Ask for a copy: you have a right to it, and going through it with
your team can make a lot fall into place.

## Biopsy report or surgery report?

You may get two reports. The first comes from the needle biopsy that made the diagnosis. The
second comes from surgery, when the whole tumour and usually some lymph nodes are examined.
Some details, such as the full size of the tumour and the state of the lymph nodes, are only
known after surgery. If you had treatment before surgery, the second report also shows how
much cancer was left; no invasive cancer left in the breast or lymph nodes is called a
pathological complete response.

## The words you will meet

### Type

Most breast cancers are **invasive ductal carcinoma**, now often called invasive carcinoma of
no special type. **Invasive lobular carcinoma** is the next most common. **DCIS** (ductal
carcinoma in situ) means abnormal cells that have stayed inside the milk ducts.

### Grade

Grade, from 1 to 3, describes how different the cells look from normal ones and how quickly
they seem to be dividing. Grade 3 cells look least like normal cells and tend to grow faster.
Grade is not the same as stage.

### Hormone receptors: ER and PR

These show whether the cells carry receptors for oestrogen (ER) and progesterone (PR). The
report gives the share of cells that stain, and sometimes how strongly. Cancer is called
ER-positive when at least 1 percent of cells stain; between 1 and 10 percent is reported as
"ER-low positive", where the benefit of hormone therapy is less certain. ER-positive cancers
can be treated with hormone therapy.

### HER2

HER2 is scored by a staining test (0, 1+, 2+ or 3+) and, when the stain is borderline, by a
test that counts copies of the HER2 gene. [HER2 test results explained][her2] covers these
scores and what "HER2-low" means.

### Ki-67

Ki-67 is the share of cells that were dividing when the tissue was taken. A higher number
suggests a faster-growing cancer. Laboratories measure it differently, so your team reads it
together with everything else.

### Lymph nodes, margins and vessels

The report says how many lymph nodes were examined and how many contained cancer. Margins
describe the rim of healthy tissue around the tumour: "clear" means no cancer cells at the
edge. Lymphovascular invasion means cancer cells were seen in small vessels near the tumour.

## Stage

Stage, from 0 to IV, combines the size of the tumour (T), the lymph nodes (N) and whether the
cancer has spread elsewhere (M). Modern staging also takes grade, receptors and HER2 into
account, so two people with the same tumour size can have different stages.

[her2]: /articles/her2-test-results-ihc-ish-and-her2-low/

## Questions you might bring

- Can we go through my report together, line by line?
- Is this from my biopsy or my surgery, and are any results still to come?
- How do my ER, PR, HER2 and grade shape the treatment you recommend?
- Would a genomic test on the tumour help with my decisions?
"""

HER2_TEST_BODY = """\
Your HER2 result decides whether medicines aimed at HER2 are likely to help you. It is reported
as a score and sometimes a second test, and since 2022 there is a new label too: HER2-low.
Here is how to read them.

## The staining test: IHC

Immunohistochemistry (IHC) stains the HER2 protein on the surface of the cancer cells. The
pathologist scores how much and how completely the cell edges stain:

- **0**: no staining, or faint partial staining in no more than 10 percent of cells
- **1+**: faint, partial staining in more than 10 percent of cells
- **2+**: weak to moderate complete staining; this is borderline and needs a second test
- **3+**: strong complete staining in more than 10 percent of cells; this is HER2-positive

## The gene test: ISH

In situ hybridisation (ISH, including FISH) counts copies of the HER2 gene inside the cells.
When a tumour scores 2+ on IHC, an ISH test decides: extra copies (amplified) means
HER2-positive, and no amplification means HER2-negative.

## HER2-positive and HER2-negative

HER2-positive cancers (IHC 3+, or 2+ with amplification) are treated with HER2-targeted
medicines such as trastuzumab and pertuzumab. Everything else has long been called
HER2-negative.

## HER2-low

"HER2-low" describes HER2-negative cancers that still have some HER2 on their surface: IHC 1+,
or 2+ without amplification. It became important when the DESTINY-Breast04 trial showed that
trastuzumab deruxtecan (Enhertu), an antibody-drug conjugate, helps people with HER2-low
**metastatic** breast cancer who had already had chemotherapy. Compared with chemotherapy of
the doctor's choice, it roughly doubled the time before the cancer grew again, from about 5 to
about 10 months, and people lived longer, by around six months on average.

Some countries have since also approved it for hormone receptor-positive cancer with the very
faintest staining, called HER2-ultralow, after hormone therapy has stopped working. Your
oncologist can tell you what applies where you are treated.

For **early** breast cancer, a HER2-low result does not change the standard treatment today.

## Results can differ

- Scores near the borders, especially 0 and 1+, can be read differently by different people
  and laboratories.
- A cancer can score differently in the first tumour and in a later biopsy, or over time.

If your cancer has spread and was scored 0, ask whether a review of the slides or a new biopsy
could change the picture.

## If you are offered Enhertu

It is given through a drip every three weeks. Nausea and tiredness are common. A rarer but
serious side effect is inflammation of the lungs, so report any new cough, breathlessness or
fever straight away.

## Questions you might bring

- What exactly was my IHC score, and was an ISH test done?
- Is my cancer HER2-low, and does that open any options for me now or later?
- Would a second look at my slides, or a new biopsy, be worth it?
- Which lung symptoms should make me call you if I take Enhertu?
"""

SCANS_BODY = """\
Between the first mammogram and the end of treatment you may have more scans and tests than
you can keep track of. Each one answers a particular question. Knowing what the question is
makes the waiting a little easier, and helps you ask about tests you might not need.

## Finding and confirming the cancer

- **Mammogram**: a low-dose X-ray of the breast.
- **Ultrasound**: sound waves that show whether a lump is solid or fluid-filled, and that guide
  needles. The armpit is often scanned too.
- **Breast MRI**: a magnetic scan that gives more detail in some situations, such as dense
  breasts, lobular cancer or planning surgery.
- **Core needle biopsy**: a thin needle takes small pieces of tissue for the pathologist. Only
  a biopsy can confirm cancer and give the ER, PR and HER2 results.

## Checking whether cancer has spread

For small, early cancers without symptoms, scans of the whole body are usually **not**
recommended. The chance of finding spread is very low, and the scans often show harmless
spots that lead to worry and more tests.

Scans are used when the cancer is larger, when several lymph nodes are involved, or when you
have symptoms such as bone pain or breathlessness:

- **CT scan**: detailed X-ray pictures of the chest, abdomen and pelvis.
- **Bone scan**: a small amount of tracer shows areas of active bone change.
- **PET-CT**: a tracer taken up by active cells, combined with CT; useful in some situations.

## Tests during treatment

- **Blood tests** before chemotherapy check blood counts, liver and kidneys.
- **Heart scans** (an echocardiogram or MUGA) check pumping strength before and during
  HER2-targeted treatment.
- **Bone density scans** (DEXA) check for thinning bones during aromatase inhibitor treatment.

## After treatment for early cancer

Follow-up usually means regular visits and a mammogram every year. Routine scans or tumour
marker blood tests without symptoms have not been shown to help people live longer, so they
are not usually part of follow-up. New symptoms are different: report them, and they will be
checked.

## When the cancer has spread

With metastatic breast cancer, scans every few months show whether treatment is working. Many
people feel anxious in the days around each scan, which members often call "scanxiety". It
can help to book the results appointment soon after the scan, bring someone with you, and
plan something kind for yourself afterwards.

## Questions you might bring

- What question is this test meant to answer?
- Will the result change my treatment?
- When and how will I get the results?
- Do I need any scans now, given the size and stage of my cancer?
"""

ENDOCRINE_BODY = """\
Most breast cancers, roughly three in four, carry receptors for oestrogen (ER-positive),
progesterone (PR-positive) or both. These cancers use hormones to grow, so taking away that
signal is one of the most effective treatments there is. It is usually taken as a daily pill
for years, which makes it the longest part of treatment for many people.

## The main medicines

- **Tamoxifen** blocks oestrogen from attaching to cancer cells. It works before and after
  menopause.
- **Aromatase inhibitors**, anastrozole (Arimidex), letrozole (Femara) and exemestane
  (Aromasin), lower the amount of oestrogen the body makes after menopause.
- **Ovarian function suppression** stops the ovaries making oestrogen, usually with a monthly
  or three-monthly injection. Before menopause it is combined with tamoxifen or an aromatase
  inhibitor when the risk of recurrence is higher.
- **Fulvestrant** is an injection used for advanced cancer.

## Choosing between them

Menopausal status matters most. After menopause, a large analysis of the randomised trials
found that five years of an aromatase inhibitor lowered the risk of the cancer coming back a
little more than five years of tamoxifen. Before menopause, tamoxifen alone is standard for
lower-risk cancers, and adding ovarian suppression helps for higher-risk ones.

For some people with a higher risk of recurrence, a CDK4/6 inhibitor is added for the first
years. [CDK4/6 inhibitors][cdk] explains these.

## How long

Five years is the usual minimum. Taking hormone therapy for up to ten years lowers the risk
of a late recurrence further, and your team will weigh that benefit against how you are
feeling on it.

## Side effects, and what helps

- **Hot flushes and night sweats**: layers, a fan and cutting down on alcohol help; some
  non-hormonal medicines can too.
- **Joint aches and stiffness** with aromatase inhibitors: regular activity often eases them,
  and switching to another medicine is an option.
- **Thinner bones** with aromatase inhibitors: you will have bone density scans, and calcium,
  vitamin D, weight-bearing exercise or a bone-strengthening medicine may be advised.
- **Tamoxifen** slightly raises the risk of blood clots and of cancer of the womb lining. Report
  leg swelling or pain, breathlessness, or any vaginal bleeding after menopause.
- Vaginal dryness, mood changes and low sex drive are common and worth raising: there is
  help.

## Sticking with it

Years of a daily pill are hard, and many people stop early without telling anyone, often
because of side effects. Tell your team if it is wearing you down. Switching medicine, a short
pause agreed with your doctor to see whether a symptom comes from the pill, or treating the
side effect usually makes it possible to carry on.

[cdk]: /articles/cdk4-6-inhibitors-palbociclib-ribociclib-abemaciclib/

## Questions you might bring

- Which hormone therapy do you recommend for me, and why?
- How long should I take it?
- Would ovarian suppression benefit me?
- What can we try if the side effects become hard to live with?
"""

CDK46_BODY = """\
CDK4 and CDK6 are proteins that help cells decide when to divide. In hormone
receptor-positive, HER2-negative breast cancer they are often overactive. CDK4/6 inhibitors
are pills that put a brake on them, and taken together with hormone therapy they have become
a standard part of treatment for many people.

## The three medicines

- **palbociclib** (Ibrance)
- **ribociclib** (Kisqali)
- **abemaciclib** (Verzenio)

They are taken together with hormone therapy, such as an aromatase inhibitor or fulvestrant,
almost never on their own.

## For metastatic cancer

For hormone receptor-positive, HER2-negative breast cancer that has spread, a CDK4/6
inhibitor with hormone therapy is usually the first treatment offered. In the large trials
PALOMA-2 and MONALEESA-2, adding palbociclib or ribociclib to letrozole kept the cancer under
control for much longer than letrozole alone, and ribociclib has also been shown to help
people live longer. Many people take these medicines for years while they keep working.

## For early cancer with a higher risk of coming back

After surgery, two of them can be added to hormone therapy for people with a higher risk of
recurrence:

- **abemaciclib** for two years, for cancers that had spread to lymph nodes with other
  high-risk features (the monarchE trial)
- **ribociclib** for three years, for a broader group of stage II and III cancers (the
  NATALEE trial)

Both lowered the chance of the cancer coming back compared with hormone therapy alone.
Whether one suits you depends on your pathology report and on how you are likely to tolerate
it.

## Side effects

- **Low white blood cell counts** are common with palbociclib and ribociclib. You will have
  regular blood tests, and a dose may be paused or lowered. The infections that worry people
  are less common than the counts suggest, but call with any fever.
- **Diarrhoea** is common with abemaciclib, mostly in the first weeks. Keep loperamide at home
  and start it at the first loose stool, as your team advises.
- **Ribociclib** needs heart tracings (ECGs) and liver blood tests early on, and some other
  medicines cannot be taken with it.
- Tiredness, nausea and hair thinning can happen with any of them.

Lowering the dose to manage side effects is common and does not seem to make these medicines
less effective, according to the trials that looked at it.

## Questions you might bring

- Is a CDK4/6 inhibitor right for me, and which one?
- How long would I take it, and how often will I need blood tests?
- Which of my other medicines could interact with it?
- What should I do at the first sign of diarrhoea or a fever?
"""

TNBC_BODY = """\
Triple-negative breast cancer is defined by what it lacks: the cells have no oestrogen or
progesterone receptors and do not carry extra HER2. About 10 to 15 in every 100 breast
cancers are triple-negative. The name can sound frightening, but it mainly tells your team which
treatments will work best.

## What the name means

- **ER-negative and PR-negative**: fewer than 1 percent of cells have hormone receptors, so
  hormone therapy will not help.
- **HER2-negative**: HER2-targeted medicines such as trastuzumab are not used. Some
  triple-negative cancers are "HER2-low", which can matter later if the cancer spreads.

## Who it affects

Triple-negative cancer is more common in younger women, in Black women and in people who
carry an inherited change in the BRCA1 gene. Because of that link, genetic testing is offered
to many people with triple-negative breast cancer, and in some places to everyone. A result
can affect your own treatment and the health of your relatives.

## How it behaves

Triple-negative cancers often grow faster than other types, and when they come back it is
most often within the first three to five years. After that, the risk drops considerably.
They also tend to respond well to chemotherapy, which is the backbone of treatment.

## How early triple-negative cancer is treated

- **Chemotherapy before surgery** is common for all but the smallest tumours. It shrinks the
  cancer and shows how well it responds.
- **Immunotherapy**: pembrolizumab (Keytruda) is often given with chemotherapy before surgery
  and continued afterwards for stage II and III cancers. [Chemotherapy and immunotherapy for
  early triple-negative breast cancer][k522] explains this approach.
- **Surgery and radiation** follow, as for other types.
- **If cancer remains after chemotherapy**, more treatment after surgery lowers the risk of it
  coming back. Options include capecitabine (Xeloda), a chemotherapy pill, and for people with
  a BRCA change, olaparib (Lynparza), a tablet that works against cells with faulty DNA repair.

## When the cancer has spread

Treatment for metastatic triple-negative cancer has grown, with immunotherapy, antibody-drug
conjugates and PARP inhibitors alongside chemotherapy. [Sacituzumab govitecan and other
options for metastatic triple-negative breast cancer][ascent] explains them.

[k522]: /articles/chemotherapy-and-immunotherapy-for-early-triple-negative-breast-cancer/
[ascent]: /articles/sacituzumab-govitecan-for-metastatic-triple-negative-breast-cancer/

## Questions you might bring

- Should I have genetic testing, and when will I have the result?
- Will I have chemotherapy before or after surgery?
- Is immunotherapy recommended for me?
- What happens if there is cancer left at surgery?
"""

KEYNOTE_BODY = """\
For stage II and III triple-negative breast cancer, treatment now usually combines
chemotherapy with an immunotherapy medicine, pembrolizumab (Keytruda), given before surgery
and continued for a while after it. This plan comes from a large trial called KEYNOTE-522.

## How immunotherapy works

Cancer cells can switch off the immune cells that would otherwise attack them. Pembrolizumab
is a checkpoint inhibitor: it blocks a switch called PD-1 and lets the immune system see the
cancer again. It is given through a drip, in the trial every three weeks.

## What the trial found

KEYNOTE-522 included about 1,200 people with stage II or III triple-negative breast cancer.
Everyone received chemotherapy before surgery: paclitaxel with carboplatin, then doxorubicin
or epirubicin with cyclophosphamide. Two in three were chosen at random to receive
pembrolizumab with the chemotherapy, and one in three a placebo; the same was then continued
for up to nine cycles after surgery.

- More people had no invasive cancer left at surgery with pembrolizumab: about 65 in 100,
  compared with about 51 in 100.
- Fewer people had their cancer come back: at three years, about 85 in 100 were free of
  recurrence with pembrolizumab, compared with about 77 in 100.
- Later results showed that more people were alive at five years with pembrolizumab.

The benefit did not depend on a PD-L1 test, so this test is not needed for this decision.

## What the year looks like

1. About six months of chemotherapy with pembrolizumab.
2. Surgery: lumpectomy or mastectomy, and lymph node surgery.
3. Pembrolizumab for up to nine more cycles, about six months, with radiation therapy at the
   same time if it is recommended for you.

If some cancer remains at surgery, your team may add capecitabine or, for people with a BRCA
change, olaparib.

## Immune side effects

Alongside the usual chemotherapy side effects, pembrolizumab can make the immune system
inflame healthy organs. Most of these effects are mild and treatable, but some need quick
care, and a few are permanent:

- **thyroid**: an underactive thyroid is the most common, and can mean taking a thyroid pill
  for life
- **adrenal or pituitary glands**: deep tiredness, dizziness or headaches
- **bowel**: diarrhoea or stomach pain
- **lungs**: a new cough or breathlessness
- **skin**: rashes and itching
- **liver** and, rarely, type 1 diabetes

Tell anyone who treats you that you have had immunotherapy: these effects can appear months
later, even after treatment has stopped.

## Questions you might bring

- Is pembrolizumab recommended for me, and what would I gain from it?
- Which immune side effects should make me call you the same day?
- How will you check my thyroid and other glands?
- What happens if there is cancer left at surgery?
"""

ASCENT_BODY = """\
When triple-negative breast cancer has spread, treatment aims to control it for as long as
possible while you live as well as you can. Until recently that meant one chemotherapy after
another. Now there are more options, and one of them, sacituzumab govitecan (Trodelvy), has
changed what second-line treatment looks like.

## What sacituzumab govitecan is

It is an antibody-drug conjugate: an antibody joined to a chemotherapy drug. The antibody
finds a protein called Trop-2, which most breast cancer cells carry, and delivers the
chemotherapy, SN-38, the active form of irinotecan, straight to them. It is given through a
drip on days 1 and 8 of every three-week cycle.

## What the ASCENT trial found

ASCENT included people with metastatic triple-negative breast cancer who had already had at
least two chemotherapy treatments, at least one of them for metastatic disease. Half received
sacituzumab govitecan and half a standard chemotherapy chosen by their doctor.

- The cancer was controlled for longer: a median of 5.6 months, compared with 1.7 months.
- People lived longer: a median of 12.1 months, compared with 6.7 months.
- The cancer shrank in about a third of people, compared with about one in twenty.

A median is a midpoint: many people do better than it, and some do less well. Studies are
now testing the medicine earlier in treatment, and it is also approved for some hormone
receptor-positive cancers.

## Side effects

- **Low white blood cell counts** are common. You will have blood tests before each dose,
  and you may be given injections that help the bone marrow recover. Call at once with a
  fever.
- **Diarrhoea** is common. Have a plan and loperamide at home, and call if it does not settle.
- Nausea, tiredness and hair loss are also common.
- Some people carry a gene variant, called UGT1A1*28, that makes the drug clear more slowly and
  side effects stronger. Your team may test for it or watch more closely.

## Other options for metastatic triple-negative cancer

- **Pembrolizumab with chemotherapy** as a first treatment, when the cancer tests positive
  for PD-L1.
- **Trastuzumab deruxtecan (Enhertu)** when the cancer is HER2-low.
- **PARP inhibitors**, olaparib or talazoparib, for people with an inherited BRCA change.
- **Chemotherapy**, used one drug at a time, often for as long as it helps.
- **Clinical trials**, which are especially worth asking about in triple-negative disease.

## Questions you might bring

- Which treatment do you recommend now, and what comes after it?
- Is my cancer HER2-low or PD-L1 positive, and do I carry a BRCA change?
- How will you prevent and manage low blood counts and diarrhoea?
- Is there a clinical trial I could join?
"""

LIVING_METASTATIC_BODY = """\
Hearing that breast cancer has spread, whether at the first diagnosis or years later, changes
everything in a moment. Metastatic, or stage IV, breast cancer cannot usually be cured. It can
be treated, often for a long time, and many people live full lives with it for years. This
article is about the living part.

## What metastatic means

Cancer cells have travelled from the breast to other parts of the body, most often the bones,
liver, lungs or brain. It is still breast cancer wherever it grows, and it is treated with
breast cancer medicines. Your team may take a biopsy from a new area, because the receptors
and HER2 can change, and the result can open new options.

## Treatment becomes part of life

Instead of a set course with an end date, treatment continues for as long as it works and you
can live well with it. When it stops working, there is usually another option. Scans every
few months show how things are going. [Lines of treatment][lines] explains how that sequence
works.

The goal is two things at once: controlling the cancer for as long as possible, and keeping
your days as good as they can be. You are allowed to weigh one against the other, and to
change your mind.

## Looking after the rest of you

- **Symptoms**: pain, tiredness and breathlessness can nearly always be eased. Palliative care
  teams specialise in this, at any point, not only near the end of life. See [palliative
  care][palliative].
- **Work and money**: many people keep working, sometimes with changed hours. A social worker
  can explain your rights, benefits and practical help.
- **Energy**: plan your week around treatment days and the days after them, and protect time
  for what you love.
- **Mind**: anxiety around scans, grief for the future you expected, and fear are all normal.
  Counselling, support groups and other people living with metastatic cancer can help a great
  deal.

## Talking to the people you love

There is no perfect script. Many people find it helps to tell those close to them what is
happening in plain words, to say what kind of help they want, and to let children ask their
own questions at their own pace. Your team can put you in touch with people who help
families through this.

## Planning ahead, gently

Thinking about what matters to you, and writing it down, is not giving up. Choosing someone
who can speak for you if you cannot, and telling your team what you would and would not want,
brings many people peace of mind. You can return to it whenever you are ready.

## You are not alone

Many members here live with metastatic breast cancer. Their experience of treatments, side
effects and everyday life is one of the most useful things this community offers.

[lines]: /articles/lines-of-treatment-for-metastatic-breast-cancer/
[palliative]: /articles/palliative-care-is-not-only-for-the-end-of-life/

## Questions you might bring

- What is the goal of my treatment right now?
- How will we know whether it is working, and what happens if it is not?
- Can I be referred to a palliative care team for my symptoms?
- Who can help me with work, money and talking to my family?
"""

LINES_BODY = """\
With metastatic breast cancer, treatments are usually given one after another, each for as
long as it keeps the cancer under control and you can live well with it. Each treatment is
called a line: first-line, second-line, and so on. Knowing how the sequence works makes it
less frightening when the time comes to change.

## Why treatment changes

A treatment is usually changed for one of two reasons:

- **progression**: scans or symptoms show that the cancer has started to grow again
- **side effects**: the treatment is costing you more than it gives

Changing line does not mean you have run out of options. For most people there are several
lines, and some work for years.

## Retesting along the way

Before a new line, your team may suggest a biopsy of a new area or a blood test that looks for
tumour DNA. These can show changes that point to particular medicines, such as mutations in
the PIK3CA, ESR1 or BRCA genes, or a cancer that has become HER2-low.

## The usual sequence by type

Research keeps changing this order, so your team may suggest something different.

### Hormone receptor-positive, HER2-negative

Hormone therapy with a CDK4/6 inhibitor is usually first. Later lines may combine other
hormone therapies with targeted pills chosen by the test results, before moving to
chemotherapy or antibody-drug conjugates. See [CDK4/6 inhibitors][cdk].

### HER2-positive

The usual first line combines trastuzumab, pertuzumab and a taxane chemotherapy; in the
CLEOPATRA trial, adding pertuzumab helped people live more than a year longer at the
midpoint. Trastuzumab deruxtecan (Enhertu) is a common second line, followed by
options such as tucatinib with trastuzumab and capecitabine, or Kadcyla.

### Triple-negative

Chemotherapy, with pembrolizumab when the cancer is PD-L1 positive, is usually first, then
options such as sacituzumab govitecan. See [metastatic triple-negative breast cancer][tnbc].

## Treatment for one area

Alongside medicines, local treatments help with particular problems. Radiation therapy
relieves pain from cancer in a bone, often in one or a few sessions, and is used for some
brain metastases. Bone-strengthening medicines such as zoledronic acid or denosumab lower the
risk of fractures. Surgery is sometimes used too.

## Clinical trials at every line

A trial may be worth asking about each time treatment changes, not only when standard options
run out. Some trials are only open to people who have had a certain number of lines.

## Your choices

At each change, you and your team weigh the benefit you can expect, the side effects, how
often you need to travel for treatment, and what matters most in your life. Choosing a
gentler treatment, or taking a break, are also real options.

[cdk]: /articles/cdk4-6-inhibitors-palbociclib-ribociclib-abemaciclib/
[tnbc]: /articles/sacituzumab-govitecan-for-metastatic-triple-negative-breast-cancer/

## Questions you might bring

- Why are you recommending a change now?
- What are my options for the next line, and what comes after it?
- Should my cancer be retested before we decide?
- Is there a clinical trial I could join at this point?
"""

PALLIATIVE_BODY = """\
Many people hear "palliative care" and think it means the end is near. It does not.
Palliative care is specialist care for the symptoms and stresses of a serious illness, given
at any stage, alongside treatment for the cancer itself. People with metastatic breast cancer
may see a palliative care team for years.

## What palliative care does

A palliative care team usually includes doctors, nurses, social workers and sometimes
psychologists or chaplains. They help with:

- pain, including bone pain, nerve pain and pain after surgery
- breathlessness, nausea, constipation, poor appetite and tiredness
- sleep, anxiety and low mood
- practical worries about work, money and care at home
- conversations about what matters most to you and your family

They work alongside your oncologist, not instead of them. You keep all your cancer treatment.

## What the evidence shows

In a well-known trial of people with advanced lung cancer, those who saw a palliative care
team early, alongside their usual cancer care, had a better quality of life and less
depression than those who did not. They also lived longer on average. Based on this and
similar studies, the American Society of Clinical Oncology recommends that people with
advanced cancer are referred to palliative care early in their illness, while they are still
having active treatment.

## How it differs from hospice care

Hospice or end-of-life care is one part of palliative care, for when the focus moves wholly to
comfort in the last months of life. Palliative care as a whole starts much earlier and runs
alongside treatment. Seeing a palliative care team does not mean that you are near that point,
or that anyone has given up.

## Planning ahead

Palliative care teams are good at helping people think about the future at their own pace.
That can include choosing someone to speak for you if you cannot, writing down your wishes
for care, and deciding where you would want to be cared for. You can revisit these choices
whenever you like, and nothing has to be decided today.

## How to get it

Ask your oncologist or specialist nurse for a referral. Many cancer centres have a palliative
care clinic, and community teams can visit at home. If you are told it is "too early", it is
fair to say that the guidelines recommend early referral and to ask again.

## Questions you might bring

- Can you refer me to a palliative care team now, alongside my treatment?
- Who do I call at night or at the weekend if my symptoms get worse?
- Can someone help me think through my wishes for the future?
- What support is there for my family?
"""

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "cancer-related-fatigue",
        "title": "Cancer-related fatigue: why it happens and what helps",
        "summary": (
            "Why treatment tiredness differs from ordinary tiredness, what can cause it, and "
            "the steps with the best evidence, from gentle activity to a blood test."
        ),
        "key_points": _points(
            "Cancer-related fatigue is common and is not mended by a night's sleep.",
            "It often has several causes, and some, such as anaemia, can be treated.",
            "Regular, moderate activity has the strongest evidence for easing it.",
            "Plan your days around your energy, and tell your team how tired you are.",
        ),
        "topics": ["side-effects", "everyday-life"],
        "treatments": ["chemotherapy", "radiation"],
        "body": FATIGUE_BODY,
        "references": [
            (
                "National Cancer Institute. Fatigue and cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/fatigue",
            ),
            (
                "Campbell KL, et al. Exercise guidelines for cancer survivors: consensus "
                "statement from international multidisciplinary roundtable. Med Sci Sports "
                "Exerc. 2019;51(11):2375-2390.",
                "https://doi.org/10.1249/MSS.0000000000002116",
            ),
        ],
        "days_ago": 6,
    },
    {
        "slug": "nausea-and-appetite-during-treatment",
        "title": "Nausea and appetite during treatment",
        "summary": (
            "How anti-sickness medicines work best, the three kinds of nausea, and ways to "
            "keep eating when food has lost its appeal."
        ),
        "key_points": _points(
            "Anti-sickness medicines work best when taken before nausea starts.",
            "Nausea can come on the day of treatment, in the days after, or before it.",
            "Small, frequent, plain meals are often easier than three large ones.",
            "Call your team the same day if you cannot keep fluids down.",
        ),
        "topics": ["side-effects", "chemotherapy"],
        "treatments": ["chemotherapy", "ac-th", "fam-trastuzumab-deruxtecan"],
        "body": NAUSEA_BODY,
        "references": [
            (
                "National Cancer Institute. Nausea and vomiting related to cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/nausea",
            ),
            (
                "National Cancer Institute. Appetite loss and cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/appetite-loss",
            ),
        ],
        "days_ago": 19,
    },
    {
        "slug": "diarrhoea-with-her2-medicines",
        "title": "Diarrhoea with HER2 medicines: prevent it, manage it, know when to call",
        "summary": (
            "Which HER2 medicines loosen the bowels, the plan to agree before neratinib, and "
            "day-to-day steps that help."
        ),
        "key_points": _points(
            "Neratinib causes diarrhoea often, mostly in the first month.",
            "Starting anti-diarrhoea medicine early, or building up the dose, prevents much of it.",
            "Drink plenty and eat plainer foods while it lasts.",
            "Call if it lasts more than a day despite medicine, or with fever or dizziness.",
        ),
        "topics": ["side-effects", "her2-positive", "targeted-therapy"],
        "treatments": ["neratinib", "tucatinib", "lapatinib", "pertuzumab", "phesgo"],
        "body": DIARRHOEA_BODY,
        "references": [
            (
                "Chan A, et al. Neratinib after trastuzumab-based adjuvant therapy in patients "
                "with HER2-positive breast cancer (ExteNET): a multicentre, randomised, "
                "double-blind, placebo-controlled, phase 3 trial. Lancet Oncol. "
                "2016;17(3):367-377.",
                "https://doi.org/10.1016/S1470-2045(15)00551-3",
            ),
            (
                "Chan A, et al. Final findings from the CONTROL trial: strategies to reduce the "
                "incidence and severity of neratinib-associated diarrhea in patients with "
                "HER2-positive early-stage breast cancer.",
                "https://pmc.ncbi.nlm.nih.gov/articles/PMC9982309/",
            ),
            (
                "National Cancer Institute. Diarrhea and cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/diarrhea",
            ),
        ],
        "days_ago": 33,
    },
    {
        "slug": "heart-checks-during-her2-targeted-treatment",
        "title": "Heart checks during trastuzumab and other HER2-targeted treatment",
        "summary": (
            "Why HER2 medicines can affect the heart, who is at higher risk, how the heart is "
            "checked and what happens if a scan changes."
        ),
        "key_points": _points(
            "Trastuzumab can weaken the heart's pumping in a minority of people.",
            "It usually causes no symptoms and often improves after a pause.",
            "A heart scan before and during treatment finds changes early.",
            "Report breathlessness, swollen ankles or a racing heart.",
        ),
        "topics": ["side-effects", "her2-positive", "targeted-therapy"],
        "treatments": [
            "trastuzumab",
            "trastuzumab-dkst",
            "pertuzumab",
            "phesgo",
            "ac-th",
            "ado-trastuzumab-emtansine",
            "fam-trastuzumab-deruxtecan",
        ],
        "body": HEART_BODY,
        "reviewer": CARDIO_ONCOLOGIST,
        "references": [
            (
                "Lyon AR, López-Fernández T, et al. 2022 ESC Guidelines on cardio-oncology. "
                "Eur Heart J. 2022;43(41):4229-4361.",
                "https://doi.org/10.1093/eurheartj/ehac244",
            ),
            NCI_PDQ,
        ],
        "days_ago": 47,
    },
    {
        "slug": "hair-loss-and-scalp-cooling",
        "title": "Hair loss and scalp cooling",
        "summary": (
            "Which treatments cause hair loss, when it grows back, and what scalp cooling can "
            "and cannot do."
        ),
        "key_points": _points(
            "Most chemotherapy for breast cancer causes hair loss, starting after 2 to 3 weeks.",
            "Hair usually starts to grow back within months of the last chemotherapy.",
            "Scalp cooling helped about half of women in a trial keep most of their hair.",
            "It works best with taxane chemotherapy and adds time to each visit.",
        ),
        "topics": ["side-effects", "chemotherapy", "everyday-life"],
        "treatments": ["chemotherapy", "tchp", "ac-th"],
        "body": HAIR_BODY,
        "references": [
            (
                "Nangia J, et al. Effect of a scalp cooling device on alopecia in women "
                "undergoing chemotherapy for breast cancer: the SCALP randomized clinical "
                "trial. JAMA. 2017;317(6):596-605.",
                "https://doi.org/10.1001/jama.2016.20939",
            ),
            (
                "National Cancer Institute. Hair loss (alopecia) and cancer treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/hair-loss",
            ),
        ],
        "days_ago": 61,
    },
    {
        "slug": "numbness-and-tingling-peripheral-neuropathy",
        "title": "Numbness and tingling: peripheral neuropathy from chemotherapy",
        "summary": (
            "Which drugs affect the nerves in hands and feet, why telling your team early "
            "matters, and how to stay safe at home."
        ),
        "key_points": _points(
            "Taxanes such as paclitaxel are the most common cause.",
            "Adjusting the chemotherapy early is the main way to stop it worsening.",
            "Duloxetine can ease painful neuropathy; no supplement prevents it.",
            "It often improves over months, though sometimes only in part.",
        ),
        "topics": ["side-effects", "chemotherapy"],
        "treatments": ["tchp", "ac-th", "chemotherapy", "ado-trastuzumab-emtansine"],
        "body": NEUROPATHY_BODY,
        "references": [
            (
                "Loprinzi CL, et al. Prevention and management of chemotherapy-induced "
                "peripheral neuropathy in survivors of adult cancers: ASCO guideline update. "
                "J Clin Oncol. 2020;38(28):3325-3348.",
                "https://doi.org/10.1200/JCO.20.01399",
            ),
            (
                "National Cancer Institute. Nerve problems (peripheral neuropathy) and cancer "
                "treatment.",
                "https://www.cancer.gov/about-cancer/treatment/side-effects/nerve-problems",
            ),
        ],
        "days_ago": 75,
    },
    {
        "slug": "reading-your-pathology-report",
        "title": "Reading your pathology report: type, grade, ER, PR, HER2, Ki-67 and stage",
        "summary": (
            "A plain guide to the report that describes your cancer, and the questions that "
            "help you understand it."
        ),
        "key_points": _points(
            "The pathology report describes your cancer and guides your treatment.",
            "Grade describes how the cells look; stage describes how far the cancer reaches.",
            "ER, PR and HER2 results decide which medicines are likely to help.",
            "Ask for a copy and go through it with your team.",
        ),
        "topics": ["diagnosis", "treatment-decisions"],
        "treatments": [],
        "body": PATHOLOGY_BODY,
        "reviewer": PATHOLOGIST,
        "references": [
            (
                "National Cancer Institute. Pathology reports.",
                "https://www.cancer.gov/about-cancer/diagnosis-staging/diagnosis/"
                "pathology-reports-fact-sheet",
            ),
            (
                "Allison KH, et al. Estrogen and progesterone receptor testing in breast "
                "cancer: ASCO/CAP guideline update. J Clin Oncol. 2020;38(12):1346-1366.",
                "https://doi.org/10.1200/JCO.19.02309",
            ),
            NCI_PDQ,
        ],
        "days_ago": 8,
    },
    {
        "slug": "her2-test-results-ihc-ish-and-her2-low",
        "title": "HER2 test results explained: IHC, ISH and HER2-low",
        "summary": (
            "What the scores 0 to 3+ mean, when a gene test decides, and why HER2-low matters "
            "for metastatic breast cancer."
        ),
        "key_points": _points(
            "IHC 3+, or 2+ with extra copies of the gene on ISH, means HER2-positive.",
            "HER2-low means IHC 1+, or 2+ without extra gene copies.",
            "Trastuzumab deruxtecan can help people with HER2-low metastatic cancer.",
            "Scores near the borders can differ between tests and over time.",
        ),
        "topics": ["diagnosis", "her2-positive", "targeted-therapy"],
        "treatments": ["trastuzumab", "pertuzumab", "fam-trastuzumab-deruxtecan"],
        "body": HER2_TEST_BODY,
        "reviewer": PATHOLOGIST,
        "references": [
            (
                "Wolff AC, et al. Human epidermal growth factor receptor 2 testing in breast "
                "cancer: ASCO/CAP clinical practice guideline focused update. J Clin Oncol. "
                "2018;36(20):2105-2122.",
                "https://doi.org/10.1200/JCO.2018.77.8738",
            ),
            (
                "Modi S, et al. Trastuzumab deruxtecan in previously treated HER2-low advanced "
                "breast cancer (DESTINY-Breast04). N Engl J Med. 2022;387(1):9-20.",
                "https://doi.org/10.1056/NEJMoa2203690",
            ),
        ],
        "days_ago": 26,
    },
    {
        "slug": "scans-and-tests-what-each-is-for",
        "title": "Scans and tests: what each one is for",
        "summary": (
            "Mammograms, biopsies, CT, bone scans, PET, heart and bone density scans: the "
            "question each answers, and when scans are not needed."
        ),
        "key_points": _points(
            "Only a biopsy can confirm cancer and give the receptor results.",
            "Small early cancers without symptoms rarely need whole-body scans.",
            "After early breast cancer, follow-up is mainly visits and a yearly mammogram.",
            "With metastatic cancer, regular scans show whether treatment works.",
        ),
        "topics": ["diagnosis", "metastatic"],
        "treatments": [],
        "body": SCANS_BODY,
        "references": [
            (
                "Khatcheressian JL, et al. Breast cancer follow-up and management after primary "
                "treatment: American Society of Clinical Oncology clinical practice guideline "
                "update. J Clin Oncol. 2013;31(7):961-965.",
                "https://doi.org/10.1200/JCO.2012.45.9859",
            ),
            NCI_PDQ,
            (
                "Cardoso F, et al. 5th ESO-ESMO international consensus guidelines for advanced "
                "breast cancer (ABC 5). Ann Oncol. 2020;31(12):1623-1649.",
                "https://doi.org/10.1016/j.annonc.2020.09.010",
            ),
        ],
        "days_ago": 54,
    },
    {
        "slug": "hormone-therapy-choices-for-er-positive-breast-cancer",
        "title": "Hormone therapy for ER-positive breast cancer: the choices",
        "summary": (
            "Tamoxifen, aromatase inhibitors and ovarian suppression: who takes which, for how "
            "long, and how to live with the side effects."
        ),
        "key_points": _points(
            "Hormone therapy blocks the oestrogen signal that ER-positive cancer uses to grow.",
            "After menopause, aromatase inhibitors work a little better than tamoxifen.",
            "Five years is the usual minimum; some people benefit from ten.",
            "Tell your team if side effects wear you down: switching often helps.",
        ),
        "topics": ["hormone-receptor-positive", "hormone-therapy"],
        "treatments": ["tamoxifen", "anastrozole"],
        "body": ENDOCRINE_BODY,
        "references": [
            (
                "Early Breast Cancer Trialists' Collaborative Group (EBCTCG). Aromatase "
                "inhibitors versus tamoxifen in early breast cancer: patient-level meta-analysis "
                "of the randomised trials. Lancet. 2015;386(10001):1341-1352.",
                "https://doi.org/10.1016/S0140-6736(15)61074-1",
            ),
            (
                "National Cancer Institute. Hormone therapy for breast cancer.",
                "https://www.cancer.gov/types/breast/breast-hormone-therapy-fact-sheet",
            ),
        ],
        "days_ago": 12,
    },
    {
        "slug": "cdk4-6-inhibitors-palbociclib-ribociclib-abemaciclib",
        "title": "CDK4/6 inhibitors: palbociclib, ribociclib and abemaciclib",
        "summary": (
            "How these pills add to hormone therapy for hormone receptor-positive cancer, "
            "early and metastatic, and how their side effects are managed."
        ),
        "key_points": _points(
            "CDK4/6 inhibitors are taken together with hormone therapy.",
            "They are a usual first treatment for HR-positive, HER2-negative metastatic cancer.",
            "Abemaciclib or ribociclib can be added after surgery when the risk is higher.",
            "Blood counts, diarrhoea and heart tracings are watched, depending on the drug.",
        ),
        "topics": [
            "hormone-receptor-positive",
            "hormone-therapy",
            "targeted-therapy",
            "metastatic",
        ],
        "treatments": ["anastrozole"],
        "body": CDK46_BODY,
        "references": [
            (
                "Finn RS, et al. Palbociclib and letrozole in advanced breast cancer "
                "(PALOMA-2). N Engl J Med. 2016;375(20):1925-1936.",
                "https://doi.org/10.1056/NEJMoa1607303",
            ),
            (
                "Hortobagyi GN, et al. Ribociclib as first-line therapy for HR-positive, "
                "advanced breast cancer (MONALEESA-2). N Engl J Med. 2016;375(18):1738-1748.",
                "https://doi.org/10.1056/NEJMoa1609709",
            ),
            (
                "Johnston SRD, et al. Abemaciclib combined with endocrine therapy for the "
                "adjuvant treatment of HR+, HER2-, node-positive, high-risk, early breast "
                "cancer (monarchE). J Clin Oncol. 2020;38(34):3987-3998.",
                "https://doi.org/10.1200/JCO.20.02514",
            ),
            (
                "Slamon D, et al. Ribociclib plus endocrine therapy in early breast cancer "
                "(NATALEE). N Engl J Med. 2024;390(12):1080-1091.",
                "https://doi.org/10.1056/NEJMoa2305488",
            ),
        ],
        "days_ago": 40,
    },
    {
        "slug": "what-triple-negative-breast-cancer-means",
        "title": "Triple-negative breast cancer: what it means and how it is treated",
        "summary": (
            "What the three negatives are, who is affected, why genetic testing is offered and "
            "how early triple-negative cancer is treated."
        ),
        "key_points": _points(
            "Triple-negative cancer has no hormone receptors and no extra HER2.",
            "Genetic testing is often offered, because of a link with BRCA1.",
            "Chemotherapy is the backbone of treatment and often comes before surgery.",
            "Recurrence is most likely in the first three to five years, then drops.",
        ),
        "topics": ["triple-negative", "diagnosis", "chemotherapy"],
        "treatments": ["chemotherapy", "capecitabine"],
        "body": TNBC_BODY,
        "references": [
            (
                "Masuda N, et al. Adjuvant capecitabine for breast cancer after preoperative "
                "chemotherapy (CREATE-X). N Engl J Med. 2017;376(22):2147-2159.",
                "https://doi.org/10.1056/NEJMoa1612645",
            ),
            (
                "Tutt ANJ, et al. Adjuvant olaparib for patients with BRCA1- or BRCA2-mutated "
                "breast cancer (OlympiA). N Engl J Med. 2021;384(25):2394-2405.",
                "https://doi.org/10.1056/NEJMoa2105215",
            ),
            NCI_PDQ,
        ],
        "days_ago": 15,
    },
    {
        "slug": "chemotherapy-and-immunotherapy-for-early-triple-negative-breast-cancer",
        "title": "Chemotherapy and immunotherapy for early triple-negative breast cancer",
        "summary": (
            "How pembrolizumab with chemotherapy before surgery, and after it, came to be "
            "standard for stage II and III triple-negative cancer, and its immune side effects."
        ),
        "key_points": _points(
            "Pembrolizumab helps the immune system recognise cancer cells.",
            "In KEYNOTE-522 it raised the chance of no cancer left at surgery.",
            "Fewer people had their cancer come back, and more were alive at five years.",
            "Immune side effects, such as thyroid problems, can appear months later.",
        ),
        "topics": ["triple-negative", "chemotherapy", "surgery-and-radiation", "clinical-trials"],
        "treatments": ["chemotherapy", "lumpectomy", "mastectomy", "radiation", "capecitabine"],
        "body": KEYNOTE_BODY,
        "references": [
            (
                "Schmid P, et al. Pembrolizumab for early triple-negative breast cancer "
                "(KEYNOTE-522). N Engl J Med. 2020;382(9):810-821.",
                "https://doi.org/10.1056/NEJMoa1910549",
            ),
            (
                "Schmid P, et al. Event-free survival with pembrolizumab in early "
                "triple-negative breast cancer. N Engl J Med. 2022;386(6):556-567.",
                "https://doi.org/10.1056/NEJMoa2112651",
            ),
        ],
        "days_ago": 29,
    },
    {
        "slug": "sacituzumab-govitecan-for-metastatic-triple-negative-breast-cancer",
        "title": "Sacituzumab govitecan and other options for metastatic triple-negative cancer",
        "summary": (
            "What the antibody-drug conjugate Trodelvy is, what the ASCENT trial found, its "
            "side effects and the other treatments for triple-negative cancer that has spread."
        ),
        "key_points": _points(
            "Sacituzumab govitecan carries chemotherapy to cells that carry Trop-2.",
            "In ASCENT it controlled the cancer longer and helped people live longer.",
            "Low blood counts and diarrhoea are its main side effects.",
            "Immunotherapy, Enhertu and PARP inhibitors suit some people too.",
        ),
        "topics": ["triple-negative", "metastatic", "targeted-therapy", "clinical-trials"],
        "treatments": ["fam-trastuzumab-deruxtecan", "capecitabine", "chemotherapy"],
        "body": ASCENT_BODY,
        "references": [
            (
                "Bardia A, et al. Sacituzumab govitecan in metastatic triple-negative breast "
                "cancer (ASCENT). N Engl J Med. 2021;384(16):1529-1541.",
                "https://doi.org/10.1056/NEJMoa2028485",
            ),
            (
                "Modi S, et al. Trastuzumab deruxtecan in previously treated HER2-low advanced "
                "breast cancer (DESTINY-Breast04). N Engl J Med. 2022;387(1):9-20.",
                "https://doi.org/10.1056/NEJMoa2203690",
            ),
        ],
        "days_ago": 57,
    },
    {
        "slug": "living-with-metastatic-breast-cancer",
        "title": "Living with metastatic breast cancer",
        "summary": (
            "What metastatic means, how treatment becomes part of life, and how to look after "
            "your body, your mind, your work and the people you love."
        ),
        "key_points": _points(
            "Metastatic breast cancer usually cannot be cured, but it can be treated for years.",
            "Treatment continues as long as it works and you can live well with it.",
            "Symptom care, emotional support and practical help matter as much as medicines.",
            "Planning ahead is not giving up, and you can do it at your own pace.",
        ),
        "topics": ["metastatic", "emotional-support", "everyday-life"],
        "treatments": [],
        "body": LIVING_METASTATIC_BODY,
        "references": [
            (
                "National Cancer Institute. Metastatic cancer: when cancer spreads.",
                "https://www.cancer.gov/types/metastatic-cancer",
            ),
            (
                "Cardoso F, et al. 5th ESO-ESMO international consensus guidelines for advanced "
                "breast cancer (ABC 5). Ann Oncol. 2020;31(12):1623-1649.",
                "https://doi.org/10.1016/j.annonc.2020.09.010",
            ),
        ],
        "days_ago": 4,
    },
    {
        "slug": "lines-of-treatment-for-metastatic-breast-cancer",
        "title": "Lines of treatment for metastatic breast cancer",
        "summary": (
            "Why treatment changes over time, how the usual sequence differs by type, and where "
            "radiation, bone medicines and clinical trials fit."
        ),
        "key_points": _points(
            "Each line continues as long as it controls the cancer and you live well with it.",
            "Changing line does not mean options have run out.",
            "Retesting the cancer can point to new medicines.",
            "Ask about clinical trials each time treatment changes.",
        ),
        "topics": ["metastatic", "treatment-decisions", "clinical-trials", "surgery-and-radiation"],
        "treatments": [
            "trastuzumab",
            "pertuzumab",
            "fam-trastuzumab-deruxtecan",
            "ado-trastuzumab-emtansine",
            "tucatinib",
            "capecitabine",
            "anastrozole",
            "radiation",
        ],
        "body": LINES_BODY,
        "references": [
            (
                "Cardoso F, et al. 5th ESO-ESMO international consensus guidelines for advanced "
                "breast cancer (ABC 5). Ann Oncol. 2020;31(12):1623-1649.",
                "https://doi.org/10.1016/j.annonc.2020.09.010",
            ),
            (
                "Swain SM, et al. Pertuzumab, trastuzumab, and docetaxel in HER2-positive "
                "metastatic breast cancer (CLEOPATRA). N Engl J Med. 2015;372(8):724-734.",
                "https://doi.org/10.1056/NEJMoa1413513",
            ),
            (
                "Cortés J, et al. Trastuzumab deruxtecan versus trastuzumab emtansine for "
                "breast cancer (DESTINY-Breast03). N Engl J Med. 2022;386(12):1143-1154.",
                "https://doi.org/10.1056/NEJMoa2115022",
            ),
        ],
        "days_ago": 22,
    },
    {
        "slug": "palliative-care-is-not-only-for-the-end-of-life",
        "title": "Palliative care is not only for the end of life",
        "summary": (
            "What palliative care teams do, why seeing one early helps, how it differs from "
            "hospice care and how to ask for a referral."
        ),
        "key_points": _points(
            "Palliative care eases symptoms and stress at any stage of a serious illness.",
            "It works alongside your cancer treatment, not instead of it.",
            "Seeing a team early improved quality of life and mood in trials.",
            "You can ask your oncologist for a referral at any time.",
        ),
        "topics": ["metastatic", "emotional-support", "treatment-decisions"],
        "treatments": [],
        "body": PALLIATIVE_BODY,
        "reviewer": PALLIATIVE_PHYSICIAN,
        "references": [
            (
                "Temel JS, et al. Early palliative care for patients with metastatic "
                "non-small-cell lung cancer. N Engl J Med. 2010;363(8):733-742.",
                "https://doi.org/10.1056/NEJMoa1000678",
            ),
            (
                "Ferrell BR, et al. Integration of palliative care into standard oncology care: "
                "American Society of Clinical Oncology clinical practice guideline update. "
                "J Clin Oncol. 2017;35(1):96-112.",
                "https://doi.org/10.1200/JCO.2016.70.1474",
            ),
            (
                "National Cancer Institute. Palliative care in cancer.",
                "https://www.cancer.gov/about-cancer/advanced-cancer/care-choices/"
                "palliative-care-fact-sheet",
            ),
        ],
        "days_ago": 36,
    },
]
