"""The demo articles' text, written for this project from the reference page's facts.

Each entry: slug, title, summary, key points, topic slugs (catalogue.demo), treatment slugs,
body (Markdown), references (citation, url) and days since publication. The flagship comes
first.
"""

from typing import Any

REVIEWER = ("Dr. Amara Osei", "MD, medical oncologist")

OVERVIEW_BODY = """\
Being told your tumour is HER2-positive can feel like one more label in a week full of them.
The good news inside that label is real: a whole family of medicines now exists that was
designed for exactly this kind of breast cancer, and they have changed what people can expect.

## What HER2-positive means

HER2 is a protein that sits on the surface of some breast cancer cells and tells them to grow.
In roughly one in five people with breast cancer, the cells carry far more HER2 than usual:
that is what "HER2-positive" describes. Because the protein is easy to recognise, it gives
medicines something to aim at.

Your team may repeat the HER2 test at points during treatment. A new result can show how the
cancer is responding and whether the plan should change.

## The goal of treatment

- **Early-stage cancer** (not spread through the body): the aim is usually to remove the whole
  tumour and any cells left behind.
- **Advanced cancer**: the aim may instead be to slow the cancer down and ease symptoms, so
  you can live as well as possible for as long as possible.

You will often hear two words. *Neoadjuvant* treatment comes before surgery, to shrink a
tumour. *Adjuvant* treatment comes after, to clear cells that may remain.

## The main kinds of treatment

Most people with HER2-positive cancer start with targeted therapy, often before and after
surgery. The options, each with its own article here:

1. [Monoclonal antibodies such as trastuzumab and pertuzumab, including Phesgo][antibodies]
2. [Kinase inhibitors, taken as pills][kinase]
3. [Antibody-drug conjugates, which carry chemotherapy to the cell][adc]
4. [Surgery and radiation][surgery]
5. [Chemotherapy together with targeted therapy][chemo]
6. [Hormone therapy when the cancer is also hormone receptor-positive][hormone]

[antibodies]: /articles/her2-monoclonal-antibodies-and-phesgo/
[kinase]: /articles/her2-kinase-inhibitors/
[adc]: /articles/her2-antibody-drug-conjugates/
[surgery]: /articles/surgery-and-radiation-for-her2-positive-breast-cancer/
[chemo]: /articles/chemotherapy-with-her2-targeted-therapy/
[hormone]: /articles/hormone-therapy-for-her2-positive-hr-positive-breast-cancer/

## Your plan will be your own

No two plans look quite alike. The stage, the tumour's other features, your health, your
wishes and your life outside treatment all count. [Clinical trials and shared
decision-making](/articles/clinical-trials-and-shared-decision-making/) explains how to take
part in those choices.

## Sticking with it

Once you and your doctor agree on a plan, keep to it, even on days you feel well. If side
effects or daily life make that hard, tell your team before changing anything: there is
usually something they can do. And if you read about an alternative remedy, ask your
oncologist about it before you try it.
"""

ANTIBODIES_BODY = """\
Antibodies are proteins your immune system makes to mark intruders for attack. Scientists
learned to make antibodies in the laboratory that lock onto one chosen target. Made this way
they are called monoclonal antibodies, and several lock onto HER2.

## Trastuzumab, pertuzumab and a biosimilar

Trastuzumab (Herceptin) was the first antibody the U.S. FDA approved for HER2-positive breast
cancer. Pertuzumab (Perjeta) followed some years later. Trastuzumab-dkst (Ogivri) is a
biosimilar of trastuzumab: a close copy that works the same way.

## Why two antibodies can be better than one

Trastuzumab and pertuzumab attach to different parts of the HER2 protein. Given together,
they raise the chance that every trace of the cancer is cleared. Cancer cells sometimes stop
responding to one antibody, and a pair makes that harder.

## How they are given

### By infusion

Usually the antibodies go straight into a vein through an IV at a hospital or clinic. Each
dose takes between half an hour and an hour and a half.

### By injection: Phesgo

Phesgo combines trastuzumab, pertuzumab and hyaluronidase-zzxf in a single injection into the
fatty layer under the skin. It was approved by the FDA in 2020 and takes a few minutes, often
in your doctor's office. In one study, 85 percent of people preferred it to the IV route,
mostly because it was so much quicker.

## Questions to ask your team

- Is the injection an option for me, and where would I have it?
- How long will I receive antibody treatment, and how often?
- Which side effects should I report straight away?
"""

KINASE_BODY = """\
HER2 belongs to a family of proteins called kinases, which pass "grow" signals inside the cell.
Kinase inhibitors are targeted drugs that stop those signals from getting through.

## The medicines

Three kinase inhibitors may be used for HER2-positive breast cancer:

- neratinib (Nerlynx)
- tucatinib (Tukysa)
- lapatinib (Tykerb)

## When they are used

Kinase inhibitors are most often used for later-stage cancer, or as a second-line treatment
for earlier-stage tumours, meaning after a first treatment has been given. They are sometimes
combined with the chemotherapy pill capecitabine (Xeloda).

## Taking a pill at home

These drugs are usually pills you swallow, which means fewer trips to the clinic but more
responsibility at home. A pill organiser, a phone reminder and a written list of what to take
when can help. If a side effect makes it hard to keep going, call your team before you skip
or stop a dose.
"""

ADC_BODY = """\
An antibody-drug conjugate (ADC) joins two ideas in one medicine: a monoclonal antibody that
finds cells carrying HER2, and a chemotherapy drug attached to it. The antibody acts as a
guide; once it reaches the cell, the chemotherapy does the killing.

## The ADCs used for HER2-positive cancer

- ado-trastuzumab emtansine, also called T-DM1 (Kadcyla)
- fam-trastuzumab deruxtecan-nxki (Enhertu)

## When your doctor may suggest one

An ADC may be prescribed as a second-line treatment for early-stage breast cancer, or as a
treatment for metastatic breast cancer.

## How they are given

ADCs are usually given through an IV at a clinic. Because the chemotherapy travels to HER2
cells, it is aimed more precisely than chemotherapy given alone, but it is still
chemotherapy: ask your team which side effects to watch for and when to call.
"""

SURGERY_BODY = """\
Surgery and radiation are the parts of treatment that work on the breast and the area around
it. For HER2-positive cancer, targeted therapy, surgery and radiation together often work well
to remove the cancer and keep it from returning.

## Lumpectomy or mastectomy

A lumpectomy removes the tumour with a small margin of the breast around it. A mastectomy
removes the whole breast. Either can be followed, then or later, by reconstructive surgery
to rebuild the breast.

## Lymph node surgery

The axillary lymph nodes are small structures in the armpit that filter harmful substances.
Removing some of them lets your doctor see whether cancer cells have begun to travel beyond
the breast.

## Why treatment continues after surgery

Surgery removes as much of the tumour as possible, but cells can remain in the breast or
elsewhere. Adjuvant treatments, given after surgery, aim to clear them.

## Radiation therapy

Radiation uses beams of energy such as X-rays to damage cancer cells. It lowers the chance
that the tumour comes back. Treatment is usually given in short daily sessions over a few
weeks.
"""

CHEMO_BODY = """\
Targeted drugs are built to find a particular kind of cancer cell. Chemotherapy works
differently: it is meant to kill any fast-growing cancer cell. For HER2-positive cancer the
two are often given together, each doing what it does best.

## Common combinations

Chemotherapy and HER2-targeted drugs are sometimes combined in regimens such as:

- **TCHP**: docetaxel, carboplatin, trastuzumab and pertuzumab, often given before surgery
- **AC-TH**: doxorubicin and cyclophosphamide, followed by paclitaxel with trastuzumab

For advanced cancer, or as a second-line therapy, the chemotherapy pill capecitabine (Xeloda)
may be taken with a kinase inhibitor.

## Getting through the cycles

Chemotherapy is given in cycles with rest in between. Members often say the middle of each
cycle is the hardest and that it helps to plan easy days then. Keep a notebook of how you
feel each day: it makes conversations with your team much more precise.

## When to call

Your team will give you a number to call. Use it for fever, chills, shortness of breath or
anything that frightens you; nobody will think you are bothering them.
"""

HORMONE_BODY = """\
HER2 is only one of the features a breast cancer cell can have. Many tumours also carry
estrogen receptors (ER) or progesterone receptors (PR). Cells with these hormone receptors
use the body's hormones, its chemical messengers, to grow.

## What hormone therapy does

Hormone therapy, also called endocrine therapy, blocks those hormones or their effect,
starving the cancer cells of a signal they rely on.

## When the cancer is both HER2-positive and hormone receptor-positive

If your cancer is HER2-positive and has ER or PR, you may receive targeted therapy and
hormone therapy. Medicines include tamoxifen (Soltamox) and aromatase inhibitors such as
anastrozole (Arimidex).

## Timing and length

Hormone therapy can come before or after surgery, on its own or with other treatments. It is
often taken for five to ten years, which makes it the longest part of treatment for many
people. If side effects wear you down, talk with your team: switching medicines or treating
the side effect can make those years easier.
"""

TRIALS_BODY = """\
There is no single best treatment for HER2-positive breast cancer; there is the best plan for
you. Two things help you find it: knowing about clinical trials, and taking part in choosing.

## Clinical trials

New treatments for HER2-positive breast cancer are studied all the time in clinical trials.
A trial may give you a treatment that is not widely available yet, and treatment within a
trial may be free or cost less.

Many people worry about getting a placebo. In cancer trials you receive at least the standard
effective treatment for your type of cancer. If a placebo is part of the study, you are told
beforehand. Ask your oncologist whether a trial might suit you.

## Shared decision-making

Shared decision-making means you and your doctor decide together. Your part is to say what you
hope for from treatment, what worries you and what matters most in your life. Your doctor's
part is to explain your options, answer every question and help you weigh the risks and
benefits of each. People who take part in these decisions are usually happier with their care.

## Questions you might bring

- What is the goal of this treatment for me?
- What are the other options, including doing less?
- Is there a clinical trial I could join?
- How will this fit with my work, family and the things I love?
"""


def _points(*lines: str) -> str:
    return "\n".join(lines)


ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "her2-positive-breast-cancer-treatment-overview",
        "title": "Treatments for HER2-positive breast cancer: an overview",
        "summary": (
            "What HER2-positive means, the goals of treatment and the main options, from "
            "targeted therapy to surgery, in plain words."
        ),
        "key_points": _points(
            "About one in five people with breast cancer have HER2-positive tumours.",
            "Targeted medicines made for HER2 have improved outcomes for many people.",
            "Treatment is often given before surgery (neoadjuvant) and after it (adjuvant).",
            "Your plan depends on your cancer, your health and what matters to you.",
        ),
        "topics": ["her2-positive", "targeted-therapy", "treatment-decisions"],
        "treatments": ["trastuzumab", "pertuzumab", "tchp", "radiation"],
        "body": OVERVIEW_BODY,
        "references": [
            ("National Cancer Institute. Breast cancer treatment (PDQ), patient version.", ""),
            ("American Cancer Society. Targeted drug therapy for breast cancer.", ""),
        ],
        "days_ago": 3,
    },
    {
        "slug": "her2-monoclonal-antibodies-and-phesgo",
        "title": "Monoclonal antibodies for HER2-positive breast cancer, and Phesgo",
        "summary": (
            "How trastuzumab and pertuzumab work, why they are often given together, and the "
            "injection that takes minutes instead of an infusion."
        ),
        "key_points": _points(
            "Monoclonal antibodies are laboratory-made antibodies that lock onto HER2.",
            "Trastuzumab and pertuzumab are often given together.",
            "An IV dose takes 30 to 90 minutes at a hospital or clinic.",
            "Phesgo is an injection under the skin that takes a few minutes.",
        ),
        "topics": ["her2-positive", "targeted-therapy"],
        "treatments": ["trastuzumab", "pertuzumab", "phesgo", "trastuzumab-dkst"],
        "body": ANTIBODIES_BODY,
        "references": [
            ("U.S. Food and Drug Administration. Approval of Phesgo, June 2020.", ""),
            (
                "O'Shaughnessy J, et al. Patient preference for subcutaneous pertuzumab and "
                "trastuzumab (PHranceSCa study). Eur J Cancer. 2021.",
                "",
            ),
        ],
        "days_ago": 10,
    },
    {
        "slug": "her2-kinase-inhibitors",
        "title": "Kinase inhibitors for HER2-positive breast cancer",
        "summary": "Neratinib, tucatinib and lapatinib: pills that block HER2's growth signals.",
        "key_points": _points(
            "HER2 is a kinase, a protein that passes on growth signals.",
            "Kinase inhibitors are targeted drugs that block those signals.",
            "They are mostly used for later-stage cancer or as a second-line treatment.",
            "They usually come as pills you take at home.",
        ),
        "topics": ["her2-positive", "targeted-therapy"],
        "treatments": ["neratinib", "tucatinib", "lapatinib", "capecitabine"],
        "body": KINASE_BODY,
        "references": [
            ("National Cancer Institute. Drugs approved for breast cancer.", ""),
        ],
        "days_ago": 17,
    },
    {
        "slug": "her2-antibody-drug-conjugates",
        "title": "Antibody-drug conjugates: targeted chemotherapy for HER2",
        "summary": "How Kadcyla and Enhertu carry chemotherapy straight to HER2-positive cells.",
        "key_points": _points(
            "An ADC joins a HER2 antibody to a chemotherapy drug.",
            "The antibody guides the medicine to cells that carry HER2.",
            "ADCs may be used second-line for early cancer or for metastatic cancer.",
            "They are usually given by IV infusion.",
        ),
        "topics": ["her2-positive", "targeted-therapy", "chemotherapy"],
        "treatments": ["ado-trastuzumab-emtansine", "fam-trastuzumab-deruxtecan"],
        "body": ADC_BODY,
        "references": [
            ("American Cancer Society. Targeted drug therapy for breast cancer.", ""),
        ],
        "days_ago": 24,
    },
    {
        "slug": "surgery-and-radiation-for-her2-positive-breast-cancer",
        "title": "Surgery and radiation for HER2-positive breast cancer",
        "summary": (
            "Lumpectomy, mastectomy, lymph node surgery and radiation: what each does and why "
            "treatment continues after the operation."
        ),
        "key_points": _points(
            "A lumpectomy removes the tumour; a mastectomy removes the whole breast.",
            "Lymph node surgery shows whether cancer has spread beyond the breast.",
            "Treatment after surgery aims to clear cells left behind.",
            "Radiation lowers the chance that the cancer comes back.",
        ),
        "topics": ["her2-positive", "surgery-and-radiation"],
        "treatments": [
            "lumpectomy",
            "mastectomy",
            "lymph-node-surgery",
            "reconstruction",
            "radiation",
        ],
        "body": SURGERY_BODY,
        "references": [
            (
                "National Cancer Institute. Surgery choices for people with DCIS or breast cancer.",
                "",
            ),
            ("American Cancer Society. Radiation for breast cancer.", ""),
        ],
        "days_ago": 31,
    },
    {
        "slug": "chemotherapy-with-her2-targeted-therapy",
        "title": "Chemotherapy together with HER2-targeted therapy",
        "summary": (
            "Why chemotherapy is often paired with targeted drugs, and regimens such as TCHP."
        ),
        "key_points": _points(
            "Chemotherapy is meant to kill any fast-growing cancer cell.",
            "It is often combined with HER2-targeted drugs.",
            "TCHP and AC-TH are common combinations.",
            "Call your team for fever, chills or shortness of breath.",
        ),
        "topics": ["her2-positive", "chemotherapy"],
        "treatments": ["tchp", "ac-th", "capecitabine", "chemotherapy"],
        "body": CHEMO_BODY,
        "references": [
            ("National Comprehensive Cancer Network. Guidelines for patients: breast cancer.", ""),
        ],
        "days_ago": 38,
    },
    {
        "slug": "hormone-therapy-for-her2-positive-hr-positive-breast-cancer",
        "title": "Hormone therapy when HER2-positive cancer is also hormone receptor-positive",
        "summary": "Tamoxifen, aromatase inhibitors and how they fit alongside targeted therapy.",
        "key_points": _points(
            "Some tumours carry estrogen (ER) or progesterone (PR) receptors.",
            "Hormone therapy blocks the hormones those cells use to grow.",
            "It can be combined with HER2-targeted therapy.",
            "It is often taken for five to ten years.",
        ),
        "topics": ["her2-positive", "hormone-therapy"],
        "treatments": ["tamoxifen", "anastrozole"],
        "body": HORMONE_BODY,
        "references": [
            ("American Cancer Society. Hormone therapy for breast cancer.", ""),
        ],
        "days_ago": 45,
    },
    {
        "slug": "clinical-trials-and-shared-decision-making",
        "title": "Clinical trials and shared decision-making",
        "summary": (
            "How research studies can widen your options, and how to choose a plan together "
            "with your doctor."
        ),
        "key_points": _points(
            "Clinical trials may offer treatments that are not widely available.",
            "In cancer trials you get at least the standard effective treatment.",
            "Shared decision-making means you and your doctor choose together.",
            "Bring your goals, worries and questions to every appointment.",
        ),
        "topics": ["clinical-trials", "treatment-decisions", "her2-positive"],
        "treatments": [],
        "body": TRIALS_BODY,
        "references": [
            ("National Cancer Institute. What are clinical trials?", ""),
            ("Agency for Healthcare Research and Quality. The SHARE approach.", ""),
        ],
        "days_ago": 52,
    },
]

# (article slug, author, text, replies as (author, text), hugs from these names)
THREADS: list[tuple[str, str, str, list[tuple[str, str]], list[str]]] = [
    (
        "her2-positive-breast-cancer-treatment-overview",
        "HopefulHeron",
        "Three weeks into TCHP. Reading this helped me finally understand why I'm getting "
        "treatment *before* surgery. My oncologist said the same thing but I was too "
        "overwhelmed to take it in.",
        [
            (
                "MarigoldMorning",
                "That first month is such a blur. Write your questions down "
                "between visits, it really helped me. Sending you strength.",
            ),
            (
                "QuietCedar",
                "Same here, I only understood neoadjuvant vs adjuvant after my "
                "second appointment. You're doing great.",
            ),
        ],
        ["MarigoldMorning", "SunnyFern", "RiverStone"],
    ),
    (
        "her2-positive-breast-cancer-treatment-overview",
        "SunnyFern",
        "Finished a year of Herceptin last month. Some days were hard, but I'm so grateful "
        "these drugs exist. If you're just starting: **it does end**, and you learn your rhythm.",
        [("HopefulHeron", "Thank you, I needed to read this today.")],
        ["HopefulHeron", "TealTortoise"],
    ),
    (
        "her2-monoclonal-antibodies-and-phesgo",
        "RiverStone",
        "I switched from the IV to the Phesgo injection halfway through. Ten minutes instead "
        "of most of a morning. Ask your team if it's an option for you!",
        [
            ("BraveBirch", "Did the injection sting? I'm nervous about needles."),
            (
                "RiverStone",
                "A bit of pressure and warmth for a few minutes, then fine. "
                "The nurse went slowly when I asked.",
            ),
        ],
        ["BraveBirch", "WillowWren"],
    ),
    (
        "her2-kinase-inhibitors",
        "TealTortoise",
        "Started neratinib after my year of trastuzumab. The first weeks were rough on my "
        "stomach; my team had a plan for it and it settled. Don't suffer in silence, call them.",
        [("AmberAster", "Good to know it settled. Starting in two weeks.")],
        ["AmberAster"],
    ),
    (
        "surgery-and-radiation-for-her2-positive-breast-cancer",
        "MarigoldMorning",
        "Lumpectomy, then radiation five days a week. The radiation team were the kindest "
        "people. Tip: moisturise the skin every day from day one, as your team advises.",
        [("WillowWren", "Saving this tip. Starting radiation next month.")],
        ["WillowWren", "SageSparrow"],
    ),
    (
        "hormone-therapy-for-her2-positive-hr-positive-breast-cancer",
        "CobaltCrane",
        "Ten years of tamoxifen sounded endless at first. Two years in, it's just part of my "
        "morning routine now.",
        [],
        ["MeadowMoth"],
    ),
    (
        "clinical-trials-and-shared-decision-making",
        "SageSparrow",
        "I asked about trials at my second appointment and joined one. I was scared of the "
        "placebo thing but they explained I'd get standard treatment either way.",
        [("CloverComet", "Thank you for sharing. I'll ask at my next visit.")],
        ["CloverComet", "HopefulHeron"],
    ),
]
