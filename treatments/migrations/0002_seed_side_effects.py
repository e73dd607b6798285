"""Seed the side-effect catalogue with the effects members of this community report most.

Like the treatment catalogue, every database starts with it; editors add and retire entries in
the admin afterwards.
"""

from django.db import migrations

# (name, slug, one-line description shown as a hint in the experience form)
SIDE_EFFECTS = [
    ("Fatigue", "fatigue", "Tiredness that rest does not fully fix."),
    ("Nausea or vomiting", "nausea", "Feeling sick to your stomach, or being sick."),
    ("Diarrhoea", "diarrhoea", "Loose or frequent stools."),
    ("Constipation", "constipation", "Hard or infrequent stools."),
    ("Neuropathy", "neuropathy", "Tingling, numbness or pain in the hands or feet."),
    ("Hair loss", "hair-loss", "Thinning or losing hair on the head or body."),
    ("Rash or skin changes", "rash", "Rash, dryness, itching or changes in skin colour."),
    ("Hand-foot syndrome", "hand-foot", "Redness, soreness or peeling on palms and soles."),
    ("Mouth sores", "mouth-sores", "Sore mouth, ulcers or changes in taste."),
    ("Heart monitoring changes", "heart-changes",
     "A change found on a heart scan (echo or MUGA) that needed a pause or a check."),
    ("Infusion or injection reaction", "infusion-reaction",
     "Chills, fever, flushing or soreness during or soon after a dose."),
    ("Low blood counts", "low-blood-counts", "Low white cells, red cells or platelets."),
    ("Joint or muscle aches", "aches", "Stiffness or pain in joints or muscles."),
    ("Hot flushes", "hot-flushes", "Sudden waves of heat, often with sweating."),
    ("Brain fog", "brain-fog", "Trouble concentrating, remembering or finding words."),
    ("Mood changes", "mood", "Feeling low, anxious or irritable."),
    ("Lymphoedema", "lymphoedema", "Swelling of the arm, hand or chest after treatment."),
    ("Breathlessness or cough", "breathlessness",
     "Shortness of breath or a new cough, which your team will want to hear about."),
]


def seed(apps, schema_editor):
    SideEffect = apps.get_model("treatments", "SideEffect")
    for position, (name, slug, description) in enumerate(SIDE_EFFECTS):
        SideEffect.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


def unseed(apps, schema_editor):
    apps.get_model("treatments", "SideEffect").objects.filter(
        slug__in=[row[1] for row in SIDE_EFFECTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("treatments", "0001_treatment_pages_experiences_care_questions")]

    operations = [migrations.RunPython(seed, unseed)]
