"""Seed the treatment catalogue with the treatments members of this community meet most."""

from django.db import migrations

# (name, slug, brand names, drug class, one-line description)
TREATMENTS = [
    ("Trastuzumab", "trastuzumab", "Herceptin", "monoclonal_antibody",
     "The first antibody made to find and block the HER2 protein; given by IV infusion or injection."),
    ("Trastuzumab-dkst", "trastuzumab-dkst", "Ogivri", "monoclonal_antibody",
     "A biosimilar of trastuzumab: works the same way and is given the same way."),
    ("Pertuzumab", "pertuzumab", "Perjeta", "monoclonal_antibody",
     "An anti-HER2 antibody that binds another part of the protein; often paired with trastuzumab."),
    ("Pertuzumab, trastuzumab and hyaluronidase", "phesgo", "Phesgo", "monoclonal_antibody",
     "Both antibodies in one injection under the skin, which takes minutes instead of an infusion."),
    ("Neratinib", "neratinib", "Nerlynx", "kinase_inhibitor",
     "A daily pill that blocks HER2 signalling inside the cell, often after a year of trastuzumab."),
    ("Tucatinib", "tucatinib", "Tukysa", "kinase_inhibitor",
     "A pill used for advanced HER2-positive cancer, usually with trastuzumab and capecitabine."),
    ("Lapatinib", "lapatinib", "Tykerb", "kinase_inhibitor",
     "A kinase-inhibitor pill for advanced HER2-positive breast cancer."),
    ("Ado-trastuzumab emtansine", "ado-trastuzumab-emtansine", "Kadcyla, T-DM1", "adc",
     "Trastuzumab carrying a chemotherapy drug straight to HER2-positive cells."),
    ("Fam-trastuzumab deruxtecan", "fam-trastuzumab-deruxtecan", "Enhertu", "adc",
     "An antibody-drug conjugate used for metastatic HER2-positive and HER2-low cancer."),
    ("Capecitabine", "capecitabine", "Xeloda", "chemotherapy",
     "A chemotherapy pill, sometimes combined with kinase inhibitors for advanced cancer."),
    ("Tamoxifen", "tamoxifen", "Soltamox", "hormone_therapy",
     "Blocks oestrogen from reaching cancer cells; often taken for five to ten years."),
    ("Anastrozole", "anastrozole", "Arimidex", "hormone_therapy",
     "An aromatase inhibitor that lowers oestrogen after menopause."),
    ("TCHP", "tchp", "", "regimen",
     "Docetaxel, carboplatin, trastuzumab and pertuzumab given together, often before surgery."),
    ("AC-TH", "ac-th", "", "regimen",
     "Doxorubicin and cyclophosphamide, followed by paclitaxel with trastuzumab."),
    ("Chemotherapy (other)", "chemotherapy", "", "chemotherapy",
     "Drugs that kill fast-dividing cells, given with or without targeted therapy."),
    ("Lumpectomy", "lumpectomy", "", "surgery",
     "Removes the tumour and a margin of healthy tissue, keeping most of the breast."),
    ("Mastectomy", "mastectomy", "", "surgery", "Removes the whole breast."),
    ("Axillary lymph node surgery", "lymph-node-surgery", "", "surgery",
     "Removes lymph nodes from the armpit to see whether cancer has spread."),
    ("Breast reconstruction", "reconstruction", "", "surgery",
     "Rebuilds the shape of the breast after surgery, at the same time or later."),
    ("Radiation therapy", "radiation", "", "radiation",
     "Beams of energy aimed at the breast or chest wall to lower the chance of recurrence."),
]


def seed(apps, schema_editor):
    Treatment = apps.get_model("articles", "Treatment")
    for name, slug, brands, drug_class, description in TREATMENTS:
        Treatment.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "brand_names": brands, "drug_class": drug_class,
                      "description": description},
        )


def unseed(apps, schema_editor):
    apps.get_model("articles", "Treatment").objects.filter(
        slug__in=[row[1] for row in TREATMENTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
