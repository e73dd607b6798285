"""search.synonyms: the catalogue's names as groups, a query read into parts, the cached map."""

from catalogue.models import Treatment
from search.synonyms import (
    Group,
    Or,
    Typed,
    query_plan,
    synonyms_build,
    synonyms_current,
)

ROWS = [
    ("Trastuzumab", "Herceptin", "Ogivri, Kanjinti"),
    ("Trastuzumab-dkst", "Ogivri", ""),
    ("Fam-trastuzumab deruxtecan", "Enhertu", "T-DXd, trastuzumab deruxtecan"),
    ("Mastectomy", "", ""),
]


def test_synonyms_build_every_name_stands_for_the_whole_group():
    synonyms = synonyms_build(ROWS)

    assert synonyms.names_of[("herceptin",)] == ("Trastuzumab", "Herceptin", "Ogivri", "Kanjinti")
    assert synonyms.names_of[("t", "dxd")] == synonyms.names_of[("enhertu",)]


def test_synonyms_build_a_name_two_treatments_share_stands_for_both():
    synonyms = synonyms_build(ROWS)

    assert set(synonyms.names_of[("ogivri",)]) == {"Trastuzumab", "Herceptin", "Ogivri", "Kanjinti"}
    assert set(synonyms.names_of[("trastuzumab", "dkst")]) == {"Trastuzumab-dkst", "Ogivri"}
    assert "Ogivri" in synonyms.names_of[("trastuzumab",)]


def test_synonyms_build_drops_names_that_hold_a_shorter_name():
    synonyms = synonyms_build([("Trastuzumab", "Herceptin", "Herceptin Hylecta, Ogivri")])

    # Whatever matches "Herceptin Hylecta" matches "Herceptin": it would only cost query time.
    assert synonyms.names_of[("herceptin", "hylecta")] == ("Trastuzumab", "Herceptin", "Ogivri")


def test_synonyms_build_a_treatment_with_one_name_is_not_expanded():
    assert ("mastectomy",) not in synonyms_build(ROWS).names_of


def test_query_plan_reads_names_phrases_negations_and_or():
    synonyms = synonyms_build(ROWS)

    parts = query_plan('HERCEPTIN, "side effects" -hair or enhertu', synonyms)

    assert parts == [
        Group("HERCEPTIN,", synonyms.names_of[("herceptin",)]),
        Typed('"side effects"'),
        Typed("-hair"),
        Or(),
        Group("enhertu", synonyms.names_of[("enhertu",)]),
    ]


def test_query_plan_takes_the_longest_name_typed():
    synonyms = synonyms_build(ROWS)

    parts = query_plan("trastuzumab deruxtecan rash", synonyms)

    assert parts == [
        Group("trastuzumab deruxtecan", synonyms.names_of[("enhertu",)]),
        Typed("rash"),
    ]


def test_query_plan_never_expands_inside_quotes_or_a_negation():
    parts = query_plan('"herceptin" -herceptin', synonyms_build(ROWS))

    assert parts == [Typed('"herceptin"'), Typed("-herceptin")]


def test_synonyms_current_reads_the_catalogue_once_per_version(db, django_assert_num_queries):
    synonyms_current()

    with django_assert_num_queries(0):
        synonyms = synonyms_current()

    assert "Herceptin" in synonyms.names_of[("trastuzumab",)]


def test_synonyms_current_an_edited_treatment_applies_at_once(db):
    before = synonyms_current()
    treatment = Treatment.objects.get(slug="pertuzumab")

    treatment.other_names = "Perjeta SC"
    treatment.save()  # as the admin does: the save moves the public pages version

    assert ("perjeta", "sc") not in before.names_of
    assert "Pertuzumab" in synonyms_current().names_of[("perjeta", "sc")]


def test_seeded_catalogue_knows_the_names_patients_use(db):
    names_of = synonyms_current().names_of

    assert {"Herceptin", "Kanjinti", "Trazimera"} <= set(names_of[("trastuzumab",)])
    assert "Enhertu" in names_of[("fam", "trastuzumab", "deruxtecan")]
    assert "trastuzumab deruxtecan" in names_of[("t", "dxd")]
    assert "Kadcyla" in names_of[("t", "dm1")]
    assert "Tyverb" in names_of[("lapatinib",)]
    assert "Nolvadex" in names_of[("tamoxifen",)]
    assert "chemotherapy" in names_of[("chemo",)]
