"""Treatments get the other names members search by, filled in for the seeded rows.

Site search treats a treatment's generic name, brand names and other names as one word
(docs/search.md). Only rows still without other names are filled, so an editor's own list is
never overwritten; unknown slugs (a catalogue an editor pruned) are skipped.
"""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# slug -> other names (brand names stay in brand_names, as the seed migration wrote them).
OTHER_NAMES = {
    "trastuzumab": (
        "Herceptin Hylecta, Ogivri, Kanjinti, Trazimera, Herzuma, Ontruzant, Hercessi"
    ),
    "lapatinib": "Tyverb",
    "ado-trastuzumab-emtansine": "trastuzumab emtansine, TDM1",
    "fam-trastuzumab-deruxtecan": "T-DXd, TDXd, trastuzumab deruxtecan",
    "tamoxifen": "Nolvadex",
    "chemotherapy": "chemotherapy, chemo",
    "lumpectomy": "breast-conserving surgery, wide local excision, partial mastectomy",
    "lymph-node-surgery": "sentinel lymph node biopsy, axillary dissection",
    "radiation": "radiotherapy, radiation",
}


def fill(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    treatment_model = apps.get_model("catalogue", "Treatment")
    for slug, names in OTHER_NAMES.items():
        treatment_model.objects.filter(slug=slug, other_names="").update(other_names=names)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_content_types")]

    operations = [
        migrations.AddField(
            model_name="treatment",
            name="other_names",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Other names members search by, comma-separated: abbreviations (T-DM1), "
                    "biosimilars, brand names used in other countries, everyday words (chemo). "
                    "Site search treats every name of a treatment as the same word."
                ),
            ),
        ),
        # Reversing drops the column, which takes the filled names with it.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
