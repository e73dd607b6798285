"""The reviewed guide of every catalogue treatment, for `manage.py seed_demo`.

Written for this project. Every fact is one its reviewer would sign; every reference is a
source that exists (National Cancer Institute pages and the landmark trials behind each
treatment), with a link only where the address is certain.
"""

from typing import TypedDict


class GuideData(TypedDict):
    reviewer: tuple[str, str]
    summary: str
    references: list[tuple[str, str]]
    questions: list[str]


ONCOLOGIST = ("Dr. Amara Osei", "MD, medical oncologist")
BREAST_SURGEON = ("Dr. Lucia Ferraro", "MD, FACS, breast surgical oncologist")
PLASTIC_SURGEON = ("Dr. Naomi Feld", "MD, plastic and reconstructive surgeon")
RADIATION_ONCOLOGIST = ("Dr. Kenji Watanabe", "MD, radiation oncologist")

NCI_BREAST = (
    "National Cancer Institute. Breast cancer treatment (PDQ), patient version.",
    "https://www.cancer.gov/types/breast/patient/breast-treatment-pdq",
)
NCI_CHEMO = (
    "National Cancer Institute. Chemotherapy to treat cancer.",
    "https://www.cancer.gov/about-cancer/treatment/types/chemotherapy",
)
NCI_HORMONE = (
    "National Cancer Institute. Hormone therapy for breast cancer.",
    "https://www.cancer.gov/types/breast/breast-hormone-therapy-fact-sheet",
)
NCI_DIARRHOEA = (
    "National Cancer Institute. Diarrhea and cancer treatment.",
    "https://www.cancer.gov/about-cancer/treatment/side-effects/diarrhea",
)
NCI_INFECTION = (
    "National Cancer Institute. Infection and neutropenia during cancer treatment.",
    "https://www.cancer.gov/about-cancer/treatment/side-effects/infection",
)
NCI_RECONSTRUCTION = (
    "National Cancer Institute. Breast reconstruction after mastectomy.",
    "https://www.cancer.gov/types/breast/reconstruction-fact-sheet",
)
NCI_LYMPHOEDEMA = (
    "National Cancer Institute. Lymphedema and cancer.",
    "https://www.cancer.gov/about-cancer/treatment/side-effects/lymphedema",
)
SLAMON_2001 = (
    "Slamon DJ, et al. Use of chemotherapy plus a monoclonal antibody against HER2 for "
    "metastatic breast cancer that overexpresses HER2. N Engl J Med. 2001;344(11):783-792.",
    "https://doi.org/10.1056/NEJM200103153441101",
)
ROMOND_2005 = (
    "Romond EH, et al. Trastuzumab plus adjuvant chemotherapy for operable HER2-positive "
    "breast cancer. N Engl J Med. 2005;353(16):1673-1684.",
    "https://doi.org/10.1056/NEJMoa052122",
)
HERA_2005 = (
    "Piccart-Gebhart MJ, et al. Trastuzumab after adjuvant chemotherapy in HER2-positive "
    "breast cancer (HERA). N Engl J Med. 2005;353(16):1659-1672.",
    "https://doi.org/10.1056/NEJMoa052306",
)
CLEOPATRA = (
    "Baselga J, et al. Pertuzumab plus trastuzumab plus docetaxel for metastatic breast cancer "
    "(CLEOPATRA). N Engl J Med. 2012;366(2):109-119.",
    "https://doi.org/10.1056/NEJMoa1113216",
)
APHINITY = (
    "von Minckwitz G, et al. Adjuvant pertuzumab and trastuzumab in early HER2-positive breast "
    "cancer (APHINITY). N Engl J Med. 2017;377(2):122-131.",
    "https://doi.org/10.1056/NEJMoa1703643",
)
KATHERINE = (
    "von Minckwitz G, et al. Trastuzumab emtansine for residual invasive HER2-positive breast "
    "cancer (KATHERINE). N Engl J Med. 2019;380(7):617-628.",
    "https://doi.org/10.1056/NEJMoa1814017",
)
EMILIA = (
    "Verma S, et al. Trastuzumab emtansine for HER2-positive advanced breast cancer (EMILIA). "
    "N Engl J Med. 2012;367(19):1783-1791.",
    "https://doi.org/10.1056/NEJMoa1209124",
)
DESTINY_BREAST03 = (
    "Cortés J, et al. Trastuzumab deruxtecan versus trastuzumab emtansine for breast cancer "
    "(DESTINY-Breast03). N Engl J Med. 2022;386(12):1143-1154.",
    "https://doi.org/10.1056/NEJMoa2115022",
)
DESTINY_BREAST04 = (
    "Modi S, et al. Trastuzumab deruxtecan in previously treated HER2-low advanced breast "
    "cancer (DESTINY-Breast04). N Engl J Med. 2022;387(1):9-20.",
    "https://doi.org/10.1056/NEJMoa2203690",
)
HER2CLIMB = (
    "Murthy RK, et al. Tucatinib, trastuzumab, and capecitabine for HER2-positive metastatic "
    "breast cancer (HER2CLIMB). N Engl J Med. 2020;382(7):597-609.",
    "https://doi.org/10.1056/NEJMoa1914609",
)
FEDERICA = (
    "Tan AR, et al. Fixed-dose combination of pertuzumab and trastuzumab for subcutaneous "
    "injection plus chemotherapy in HER2-positive early breast cancer (FeDeriCa): a "
    "randomised, open-label, multicentre, non-inferiority, phase 3 study. Lancet Oncol. "
    "2021;22(1):85-97.",
    "",
)
EXTENET = (
    "Chan A, et al. Neratinib after trastuzumab-based adjuvant therapy in patients with "
    "HER2-positive breast cancer (ExteNET): a multicentre, randomised, double-blind, "
    "placebo-controlled, phase 3 trial. Lancet Oncol. 2016;17(3):367-377.",
    "https://doi.org/10.1016/S1470-2045(15)00551-3",
)
GEYER_2006 = (
    "Geyer CE, et al. Lapatinib plus capecitabine for HER2-positive advanced breast cancer. "
    "N Engl J Med. 2006;355(26):2733-2743.",
    "https://doi.org/10.1056/NEJMoa064320",
)
CREATE_X = (
    "Masuda N, et al. Adjuvant capecitabine for breast cancer after preoperative chemotherapy "
    "(CREATE-X). N Engl J Med. 2017;376(22):2147-2159.",
    "https://doi.org/10.1056/NEJMoa1612645",
)
EBCTCG_TAMOXIFEN = (
    "Early Breast Cancer Trialists' Collaborative Group (EBCTCG). Relevance of breast cancer "
    "hormone receptors and other factors to the efficacy of adjuvant tamoxifen: patient-level "
    "meta-analysis of randomised trials. Lancet. 2011;378(9793):771-784.",
    "https://doi.org/10.1016/S0140-6736(11)60993-8",
)
EBCTCG_AI = (
    "Early Breast Cancer Trialists' Collaborative Group (EBCTCG). Aromatase inhibitors versus "
    "tamoxifen in early breast cancer: patient-level meta-analysis of the randomised trials. "
    "Lancet. 2015;386(10001):1341-1352.",
    "https://doi.org/10.1016/S0140-6736(15)61074-1",
)
TAPLITZ_2018 = (
    "Taplitz RA, et al. Outpatient management of fever and neutropenia in adults treated for "
    "malignancy: American Society of Clinical Oncology and Infectious Diseases Society of "
    "America clinical practice guideline update. J Clin Oncol. 2018;36(14):1443-1453.",
    "https://doi.org/10.1200/JCO.2017.77.6211",
)
LOPRINZI_2020 = (
    "Loprinzi CL, et al. Prevention and management of chemotherapy-induced peripheral "
    "neuropathy in survivors of adult cancers: ASCO guideline update. J Clin Oncol. "
    "2020;38(28):3325-3348.",
    "https://doi.org/10.1200/JCO.20.01399",
)
FISHER_2002 = (
    "Fisher B, et al. Twenty-year follow-up of a randomized trial comparing total mastectomy, "
    "lumpectomy, and lumpectomy plus irradiation for the treatment of invasive breast cancer. "
    "N Engl J Med. 2002;347(16):1233-1241.",
    "https://doi.org/10.1056/NEJMoa022152",
)
VERONESI_2002 = (
    "Veronesi U, et al. Twenty-year follow-up of a randomized study comparing breast-conserving "
    "surgery with radical mastectomy for early breast cancer. N Engl J Med. "
    "2002;347(16):1227-1232.",
    "https://doi.org/10.1056/NEJMoa020989",
)
KRAG_2010 = (
    "Krag DN, et al. Sentinel-lymph-node resection compared with conventional "
    "axillary-lymph-node dissection in clinically node-negative patients with breast cancer "
    "(NSABP B-32). Lancet Oncol. 2010;11(10):927-933.",
    "https://doi.org/10.1016/S1470-2045(10)70207-2",
)
GIULIANO_2017 = (
    "Giuliano AE, et al. Effect of axillary dissection vs no axillary dissection on 10-year "
    "overall survival among women with invasive breast cancer and sentinel node metastasis "
    "(ACOSOG Z0011). JAMA. 2017;318(10):918-926.",
    "https://doi.org/10.1001/jama.2017.11470",
)
WHELAN_2010 = (
    "Whelan TJ, et al. Long-term results of hypofractionated radiation therapy for breast "
    "cancer. N Engl J Med. 2010;362(6):513-520.",
    "https://doi.org/10.1056/NEJMoa0906260",
)
FAST_FORWARD = (
    "Murray Brunt A, et al. Hypofractionated breast radiotherapy for 1 week versus 3 weeks "
    "(FAST-Forward): 5-year efficacy and late normal tissue effects results from a "
    "multicentre, non-inferiority, randomised, phase 3 trial. Lancet. "
    "2020;395(10237):1613-1626.",
    "https://doi.org/10.1016/S0140-6736(20)30932-6",
)
NCI_RADIATION = (
    "National Cancer Institute. Radiation therapy to treat cancer.",
    "https://www.cancer.gov/about-cancer/treatment/types/radiation-therapy",
)
FDA_BIOSIMILARS = (
    "U.S. Food and Drug Administration. Biosimilars.",
    "https://www.fda.gov/drugs/biosimilars",
)
HEART_GUIDELINE = (
    "Lyon AR, López-Fernández T, et al. 2022 ESC Guidelines on cardio-oncology. Eur Heart J. "
    "2022;43(41):4229-4361.",
    "https://doi.org/10.1093/eurheartj/ehac244",
)

HEART_CHECKS = """\
## Heart checks

HER2 medicines can weaken the heart's pumping for a while in a small number of people. It is
usually found on a routine scan before you feel anything, and it usually recovers when the
medicine is paused. That is why you have a heart scan (an echocardiogram or a MUGA scan)
before you start and every few months during treatment. Tell your team straight away about
new breathlessness, swollen ankles or a racing heartbeat."""

# Guides in the catalogue's slugs. Each: reviewer, summary (Markdown), references, and the
# questions editors suggest for the care-team list on the treatment's page.
GUIDES: dict[str, GuideData] = {
    "trastuzumab": {
        "reviewer": ONCOLOGIST,
        "summary": f"""\
Trastuzumab was the first medicine made to find the HER2 protein on cancer cells and block
it. It changed the outlook for HER2-positive breast cancer, and it is still the backbone of
most treatment plans for it.

## How it is given

As an infusion into a vein, or as an injection under the skin of the thigh that takes a few
minutes. It is usually given every three weeks. For early breast cancer the usual course is
a year in all, started alongside chemotherapy and continued on its own afterwards. For
advanced cancer it is given for as long as it keeps working.

## What to expect

Most people find trastuzumab on its own much easier than chemotherapy: it does not usually
cause hair loss or make you very sick. Some people have chills, fever or a headache during or
after the first dose; this is less common with later doses. Tiredness, mild diarrhoea and
aches can happen.

{HEART_CHECKS}""",
        "references": [NCI_BREAST, SLAMON_2001, ROMOND_2005, HERA_2005, HEART_GUIDELINE],
        "questions": [
            "How long will I have trastuzumab, and will it be given in a vein or under the skin?",
            "How often will my heart be checked, and what happens if a scan changes?",
        ],
    },
    "trastuzumab-dkst": {
        "reviewer": ONCOLOGIST,
        "summary": f"""\
Trastuzumab-dkst is a biosimilar of trastuzumab: a medicine made to match the original so
closely that it works the same way, is given the same way and has the same side effects.
Before a biosimilar is approved, regulators check that there is no meaningful difference in
how safe and effective it is. Several trastuzumab biosimilars exist; your hospital or insurer
may use one of them rather than the original brand.

## How it is given

Exactly like trastuzumab: an infusion into a vein, usually every three weeks, for a year in
early breast cancer, or for as long as it helps in advanced cancer.

## What to expect

The same as with trastuzumab. Infusion reactions such as chills or fever are most likely
with the first dose. Hair loss is not expected from the antibody itself.

{HEART_CHECKS}

## Switching

Being switched between trastuzumab and a biosimilar during treatment is common and has been
studied. If a change worries you, ask your team why it is happening and whether anything
about your care changes with it.""",
        "references": [FDA_BIOSIMILARS, NCI_BREAST, HEART_GUIDELINE],
        "questions": [
            "Is the trastuzumab I get a biosimilar, and will that change during my treatment?",
        ],
    },
    "pertuzumab": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Pertuzumab is an antibody against HER2, like trastuzumab, but it attaches to a different part
of the protein and stops HER2 from pairing up with its partners to send growth signals. The
two antibodies work better together than either does alone, so pertuzumab is almost always
given with trastuzumab and chemotherapy.

## When it is used

Before surgery for larger or node-positive HER2-positive cancers, after surgery for some
people at higher risk of the cancer coming back, and as part of first treatment for
advanced HER2-positive breast cancer, where it helped people live longer.

## How it is given

As an infusion into a vein every three weeks. The first dose is larger and takes about an
hour; later doses are shorter. Many people now have it combined with trastuzumab in one
injection under the skin instead (Phesgo).

## What to expect

Diarrhoea is the most common side effect, especially while chemotherapy is given at the
same time. Rash, tiredness and infusion reactions can happen. Heart checks continue as for
trastuzumab.""",
        "references": [NCI_BREAST, CLEOPATRA, APHINITY, NCI_DIARRHOEA],
        "questions": [
            "Why is pertuzumab being added to my trastuzumab, and what does it add for me?",
            "What should I do if I get diarrhoea at home?",
        ],
    },
    "phesgo": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Phesgo puts pertuzumab and trastuzumab together in one injection under the skin. It also
contains hyaluronidase, an enzyme that briefly loosens the tissue under the skin so the
larger amount of medicine can be absorbed. It is used for the same people and at the same
points in treatment as the two antibodies given by infusion.

## How it is given

A nurse injects it into the thigh. The first dose takes about eight minutes and later ones
about five, every three weeks, instead of infusions that can take an hour or more. You are
watched for a short while afterwards. In some places it can be given at home.

## What to expect

In studies, the medicine levels in the blood and the results were the same as with the
infusions, and most people who tried both preferred the injection. Soreness, redness or
swelling where it goes in is common and passes. Otherwise the side effects are those of
pertuzumab and trastuzumab: diarrhoea, tiredness, and the same heart checks.""",
        "references": [FEDERICA, APHINITY, CLEOPATRA, NCI_BREAST],
        "questions": [
            "Could I have Phesgo as an injection instead of infusions, and could it be given "
            "closer to home?",
        ],
    },
    "neratinib": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Neratinib is a tablet that blocks HER2 signalling from inside the cell. It is a tyrosine
kinase inhibitor: a small molecule, not an antibody.

## When it is used

Most often for one extra year after a year of trastuzumab-based treatment for early
HER2-positive cancer, especially when the cancer is also hormone receptor-positive, to lower
the chance of it coming back. It is also used with capecitabine for advanced cancer.

## How it is given

Tablets once a day with food, taken at home. Many teams start with a lower dose and build up
over the first weeks.

## What to expect

Diarrhoea is the side effect to plan for: almost everyone has some, mostly in the first
month. Starting on a lower dose, taking anti-diarrhoea medicine from day one as your team
prescribes, and calling early if it gets bad make a big difference, and it usually settles.
Nausea, tiredness and stomach cramps can also happen, and your liver tests are checked.""",
        "references": [EXTENET, NCI_DIARRHOEA, NCI_BREAST],
        "questions": [
            "What is my plan for diarrhoea on neratinib, and when should I call you about it?",
            "Will I start on a lower dose and build up?",
        ],
    },
    "tucatinib": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Tucatinib is a tablet that blocks HER2 from inside the cell and targets HER2 very
selectively. It is used for advanced HER2-positive breast cancer after earlier HER2
treatments, together with trastuzumab and the chemotherapy tablet capecitabine.

## Why it matters

In the trial that led to its approval, adding tucatinib helped people live longer,
including people whose cancer had spread to the brain, where many medicines reach poorly.

## How it is given

Tablets twice a day at home, with or without food, alongside capecitabine tablets and
trastuzumab given by your team.

## What to expect

Diarrhoea is common; tell your team early. Hand-foot syndrome (sore, red palms and soles)
mostly comes from the capecitabine. Nausea, tiredness and mouth sores can happen. Your liver
blood tests are checked regularly, and tucatinib interacts with some other medicines, so
tell your team about everything you take.""",
        "references": [HER2CLIMB, NCI_BREAST, NCI_DIARRHOEA],
        "questions": [
            "Can tucatinib help if the cancer has reached my brain?",
            "Which of my other medicines or supplements could interact with tucatinib?",
        ],
    },
    "lapatinib": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Lapatinib is a tablet that blocks HER2 (and a related protein, EGFR) from inside the cell.
It was the first HER2 tablet and is now used less often, because newer medicines work
better for most people, but it remains an option for advanced HER2-positive breast cancer.

## How it is given

Tablets once a day at home, on an empty stomach (at least an hour before or after food),
usually with capecitabine or with a hormone therapy.

## What to expect

Diarrhoea and rash are the most common side effects; both are usually manageable when you
tell your team early. With capecitabine, hand-foot syndrome is common. Tiredness and
nausea can happen, and your liver tests and heart are checked.""",
        "references": [GEYER_2006, NCI_BREAST],
        "questions": [
            "Why is lapatinib the right HER2 medicine for me now, rather than another one?",
        ],
    },
    "ado-trastuzumab-emtansine": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Ado-trastuzumab emtansine (T-DM1) is trastuzumab with a chemotherapy drug attached. The
antibody carries the chemotherapy to HER2-positive cells and releases it inside them, so
healthy cells get less of it. Its name is close to trastuzumab deruxtecan (Enhertu), but
they are different medicines: check the name on your plan.

## When it is used

After surgery, when some cancer was still found after treatment given before surgery: in
that situation it halved the chance of the cancer coming back compared with trastuzumab
alone. It is also used for advanced HER2-positive cancer.

## How it is given

An infusion into a vein every three weeks; after surgery, usually 14 doses.

## What to expect

Most people do not lose their hair. Tiredness, nausea, headache and aches are common. It can
lower your platelets (the cells that help blood clot), so tell your team about nosebleeds or
easy bruising, and your liver tests are checked. Some people get tingling in the hands and
feet. Heart checks continue.""",
        "references": [KATHERINE, EMILIA, NCI_BREAST],
        "questions": [
            "Why am I having T-DM1 after surgery instead of trastuzumab alone?",
            "Which blood results will you watch, and what would make you pause it?",
        ],
    },
    "fam-trastuzumab-deruxtecan": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Fam-trastuzumab deruxtecan (T-DXd) is an antibody-drug conjugate: a HER2 antibody carrying
a strong chemotherapy drug into the cancer cells. Some of the drug also reaches nearby
cancer cells, which helps it work even when cells carry only a little HER2.

## When it is used

For advanced HER2-positive breast cancer, where it worked better than T-DM1, and for
advanced HER2-low cancer, where it gave people a new option after chemotherapy.

## How it is given

An infusion into a vein every three weeks, for as long as it helps and you cope with it.

## What to expect

Nausea is common: you will be given anti-sickness medicine to take before and after. Tiredness,
hair thinning or loss, and low blood counts can happen. The important rare risk is
inflammation of the lungs (pneumonitis). Tell your team at once about a new cough,
breathlessness or fever, even if it seems small, so it can be checked and treated early.""",
        "references": [DESTINY_BREAST03, DESTINY_BREAST04, NCI_BREAST],
        "questions": [
            "What lung symptoms should I watch for on Enhertu, and who do I call about them?",
            "What is my anti-sickness plan for the days after each infusion?",
        ],
    },
    "capecitabine": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Capecitabine is chemotherapy you take as tablets at home. Your body turns it into the drug
fluorouracil (5-FU), mostly inside the tissues where it is needed.

## When it is used

With tucatinib or lapatinib for advanced HER2-positive cancer, on its own for advanced
cancer, and after surgery for some people with HER2-negative cancer when cancer remained
after chemotherapy given before surgery.

## How it is given

Tablets twice a day, within half an hour after a meal, usually for two weeks followed by a
week off. Some hospitals test your blood before the first dose for a rare enzyme
difference (DPD deficiency) that makes the drug much stronger in you.

## What to expect

Hand-foot syndrome (red, sore or peeling palms and soles) is common: moisturise every day
and tell your team early. Diarrhoea, mouth sores and tiredness can happen. Hair loss is
usually mild. If diarrhoea is bad or you get a fever, stop the tablets and call your team.""",
        "references": [CREATE_X, HER2CLIMB, NCI_CHEMO],
        "questions": [
            "Will I be tested for DPD deficiency before I start capecitabine?",
            "When should I stop the tablets and call you?",
        ],
    },
    "tamoxifen": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Tamoxifen blocks oestrogen from attaching to breast cancer cells, so hormone
receptor-positive cancer loses a signal it uses to grow. It works before and after the
menopause.

## How it is given

A tablet (or a liquid) once a day at home, usually for five years and sometimes for ten.
Taking it for the full time gives the most protection, so tell your team if side effects
make that hard: there are often ways to help, or another hormone therapy to try.

## What to expect

Hot flushes, night sweats, vaginal discharge or dryness and mood changes are the most
common. Rarer but important: blood clots (tell your team about a painful swollen leg or
sudden breathlessness) and, after the menopause, changes in the womb lining (report any
unexpected bleeding). Some antidepressants weaken tamoxifen, so tell your team about every
medicine you take.""",
        "references": [EBCTCG_TAMOXIFEN, NCI_HORMONE],
        "questions": [
            "How long should I take tamoxifen, and what are my options if the side effects are "
            "hard?",
            "Do any of my other medicines interact with tamoxifen?",
        ],
    },
    "anastrozole": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Anastrozole is an aromatase inhibitor: it lowers the amount of oestrogen the body makes
after the menopause, so hormone receptor-positive cancer has less to grow on. Before the
menopause it is only used together with treatment that stops the ovaries working.

## How it is given

A tablet once a day at home, usually for five years, sometimes longer or after some years
of tamoxifen.

## What to expect

Joint and muscle aches and stiffness are common; staying active often helps, and your team
can suggest other options. Hot flushes and vaginal dryness can happen. Anastrozole thins
the bones over time, so you may have a bone density scan, and calcium, vitamin D or a bone
medicine may be advised.""",
        "references": [EBCTCG_AI, NCI_HORMONE],
        "questions": [
            "Do I need a bone density scan before or during anastrozole?",
            "What can I do about joint pain if it starts?",
        ],
    },
    "tchp": {
        "reviewer": ONCOLOGIST,
        "summary": """\
TCHP is a combination of four medicines given together: two chemotherapy drugs, docetaxel
(T) and carboplatin (C), with the two HER2 antibodies, trastuzumab (H, for its brand name
Herceptin) and pertuzumab (P). It does not use anthracyclines, which can be easier on the
heart.

## When it is used

Most often before surgery for HER2-positive early breast cancer, to shrink the cancer and to
see how well it responds, which helps plan the treatment after surgery.

## How it is given

Infusions every three weeks, usually for six cycles, then the HER2 antibodies continue to
complete a year. Many people also have injections to boost their white blood cells.

## What to expect

Diarrhoea, tiredness, hair loss, nausea, taste changes and low blood counts are common. Nail
changes and tingling in the hands and feet can come from docetaxel. A temperature of 38°C
or more is an emergency during chemotherapy: call your team's number straight away.""",
        "references": [NCI_BREAST, APHINITY, TAPLITZ_2018, NCI_INFECTION],
        "questions": [
            "Why is TCHP being given before surgery for me, and how will you tell it is working?",
            "Who do I call, day or night, if I get a temperature?",
        ],
    },
    "ac-th": {
        "reviewer": ONCOLOGIST,
        "summary": """\
AC-TH is a sequence of chemotherapy with trastuzumab: first doxorubicin (A, for its brand
name Adriamycin) with cyclophosphamide (C), then paclitaxel (T, for Taxol) together with
trastuzumab (H). Pertuzumab is sometimes added (AC-THP).

## How it is given

Usually four cycles of AC every two or three weeks, then paclitaxel weekly for twelve weeks
(or every three weeks for four cycles) with trastuzumab, which then continues on its own to
complete a year.

## What to expect

AC often causes nausea (anti-sickness medicine helps a lot), tiredness and hair loss; your
urine may turn red for a day after doxorubicin, which is harmless. Low blood counts can bring
infections: a temperature of 38°C or more needs a call straight away. Paclitaxel can cause
tingling or numbness in the hands and feet; tell your team early, as the dose can be
adjusted. Both doxorubicin and trastuzumab can affect the heart, so you have heart scans.""",
        "references": [ROMOND_2005, NCI_CHEMO, LOPRINZI_2020, HEART_GUIDELINE],
        "questions": [
            "Would a plan without doxorubicin, such as TCHP, be an option for me?",
            "What should I do if I notice tingling in my fingers or toes?",
        ],
    },
    "chemotherapy": {
        "reviewer": ONCOLOGIST,
        "summary": """\
Chemotherapy medicines kill cells that divide quickly, which includes cancer cells. In
breast cancer they are given before surgery (to shrink the cancer), after surgery (to lower
the chance of it coming back) or for advanced cancer, often together with targeted
medicines.

## How it is given

Mostly as infusions in cycles, with rest weeks between so your body can recover; some, like
capecitabine, are tablets. Many people have a port or a line put in to make the infusions
easier.

## What to expect

Side effects depend on the drugs: tiredness, nausea, hair loss, mouth sores, changes in
taste, numbness in the hands and feet and low blood counts are the common ones. Most ease
after treatment ends. Infection is the serious risk: a temperature of 38°C or more, or
feeling suddenly unwell, needs a call to your team straight away, day or night.""",
        "references": [NCI_CHEMO, TAPLITZ_2018, NCI_INFECTION, LOPRINZI_2020],
        "questions": [
            "Which drugs will I have, how often, and for how long?",
            "Would scalp cooling work with my chemotherapy?",
            "Who do I call if I get a temperature, day or night?",
        ],
    },
    "lumpectomy": {
        "reviewer": BREAST_SURGEON,
        "summary": """\
A lumpectomy removes the cancer with a rim of healthy tissue around it (the margin) and
keeps the rest of the breast. It is also called breast-conserving surgery or a wide local
excision.

## How it compares

Followed by radiation therapy, a lumpectomy gives the same long-term survival as a
mastectomy for people for whom it is possible, as trials with twenty years of follow-up
have shown.

## What to expect

It is often day surgery. A small marker or wire may be placed beforehand to guide the
surgeon. The lymph nodes in the armpit are often checked in the same operation. Soreness,
bruising and swelling settle over a few weeks. If the pathology report finds cancer cells
at the edge of the removed tissue, a second operation may be needed to take a little more.""",
        "references": [FISHER_2002, VERONESI_2002, NCI_BREAST],
        "questions": [
            "Am I a candidate for lumpectomy, and how will my breast look afterwards?",
            "What are the chances I will need a second operation for the margins?",
        ],
    },
    "mastectomy": {
        "reviewer": BREAST_SURGEON,
        "summary": """\
A mastectomy removes the whole breast. Some mastectomies keep most of the skin
(skin-sparing) or the nipple too (nipple-sparing), which can help reconstruction.

## When it is used

When the cancer is large compared with the breast or in several places, when radiation
cannot be given, when someone carries a gene change that raises their risk, or simply
because it is what the person prefers after weighing the options.

## What to expect

You may stay in hospital for a night or go home the same day, often with a drain for a week
or two. Arm and shoulder exercises help you get your movement back. Numbness across the
chest is common and can last. Afterwards you can choose reconstruction (at the same time or
later), a prosthesis in your bra, or to stay flat: all are good choices.""",
        "references": [FISHER_2002, NCI_RECONSTRUCTION, NCI_BREAST],
        "questions": [
            "Will I need radiation after my mastectomy?",
            "Can I meet a plastic surgeon before deciding about reconstruction?",
        ],
    },
    "lymph-node-surgery": {
        "reviewer": BREAST_SURGEON,
        "summary": """\
Surgery on the lymph nodes in the armpit shows whether cancer has spread there, which
helps decide the rest of your treatment.

## Sentinel node biopsy or full dissection

A sentinel node biopsy finds and removes the first one to three nodes the breast drains
into, using a tracer and sometimes a blue dye. If they are clear, no more nodes need to be
taken. An axillary dissection removes more nodes; thanks to trials, many people with only
one or two affected sentinel nodes no longer need it.

## What to expect

Soreness and numbness in the armpit and upper arm are common. Lymphoedema (swelling of the
arm, hand or chest) is the longer-term risk: it is much less likely after a sentinel node
biopsy than after a dissection. Tell your team early about swelling or heaviness, because
early treatment works best.""",
        "references": [KRAG_2010, GIULIANO_2017, NCI_LYMPHOEDEMA],
        "questions": [
            "Will I have a sentinel node biopsy or a full dissection, and why?",
            "What can I do to lower my risk of lymphoedema?",
        ],
    },
    "reconstruction": {
        "reviewer": PLASTIC_SURGEON,
        "summary": """\
Breast reconstruction rebuilds the shape of a breast after a mastectomy. It can be done at
the same time as the mastectomy or months or years later, and it is always a choice, never
a requirement.

## The main kinds

Implant reconstruction often starts with a tissue expander that is filled over some weeks
before a permanent implant is placed. Flap reconstruction uses your own tissue, often from
the tummy (a DIEP flap) or the back, and is a longer operation with a longer recovery.
Radiation therapy can affect the results, so its timing matters when planning.

## What to expect

Reconstruction often takes more than one operation, including work to match the other
breast and, if you wish, a nipple reconstruction or tattoo. The new breast usually has
little feeling. In the United States, health plans that cover mastectomy must also cover
reconstruction.""",
        "references": [NCI_RECONSTRUCTION, NCI_BREAST],
        "questions": [
            "Which kinds of reconstruction suit me, and how many operations might it take?",
            "How would radiation change my reconstruction plan?",
        ],
    },
    "radiation": {
        "reviewer": RADIATION_ONCOLOGIST,
        "summary": """\
Radiation therapy aims beams of energy at the breast or chest wall, and sometimes at nearby
lymph nodes, to destroy cancer cells that may remain after surgery and lower the chance of
the cancer coming back.

## How it is given

After a planning scan, and often a few tiny skin marks so the beams line up the same way
each day, you have short treatments on weekdays. Many people now have three weeks of
treatment, and some just one week, with the same results as the longer courses of the past.
Each visit takes minutes, and it does not hurt. External radiation does not make you
radioactive: being close to others, including children, is safe.

## What to expect

Skin changes like a sunburn, tiredness that builds towards the end and for a few weeks
after, and breast swelling or tenderness are the common effects. Gentle skin care helps:
ask your team which products they recommend.""",
        "references": [WHELAN_2010, FAST_FORWARD, NCI_RADIATION],
        "questions": [
            "How many weeks of radiation will I have, and could a shorter course suit me?",
            "How should I look after my skin during radiation?",
        ],
    },
}

# Offered on everyone's list page: questions worth asking whatever the treatment.
GENERAL_QUESTIONS = [
    "What is the goal of my treatment?",
    "Which side effects should I report straight away, and who do I call out of hours?",
    "How will we know whether the treatment is working?",
    "Is there a clinical trial that could suit me?",
    "Who can help me with work, money or emotional support during treatment?",
]
