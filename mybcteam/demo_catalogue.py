"""The catalogue rows the migrations seed, put back where a database lost them.

A flushed database (the browser tests' live server empties every table between tests) keeps
the schema but not the rows the data migrations wrote, and the demo's treatment pages,
experiences and article links need them. The lists stay in the migrations, read from there.
"""

import importlib

from catalogue.models import Treatment
from treatments.models import SideEffect

_TREATMENTS = importlib.import_module("articles.migrations.0002_seed_treatment_catalogue")
_OTHER_NAMES = importlib.import_module("catalogue.migrations.0003_treatment_other_names")
_SIDE_EFFECTS = importlib.import_module("treatments.migrations.0002_seed_side_effects")


def seed() -> None:
    """Create the migrations' catalogue rows that are missing; never change an existing one.

    Idempotent. Rows are saved one by one (about 40), so the public pages' version moves.
    """
    treatments = set(Treatment.objects.values_list("slug", flat=True))
    for name, slug, brands, drug_class, description in _TREATMENTS.TREATMENTS:
        if slug not in treatments:
            Treatment.objects.create(
                name=name,
                slug=slug,
                brand_names=brands,
                drug_class=drug_class,
                description=description,
                other_names=_OTHER_NAMES.OTHER_NAMES.get(slug, ""),
            )
    effects = set(SideEffect.objects.values_list("slug", flat=True))
    for position, (name, slug, description) in enumerate(_SIDE_EFFECTS.SIDE_EFFECTS):
        if slug not in effects:
            SideEffect.objects.create(
                name=name, slug=slug, description=description, position=position
            )
