"""The registry through which articles and forum show their content on treatment pages."""

from catalogue.treatment_content import (
    TreatmentContentKind,
    treatment_content_kinds,
    treatment_content_register,
)


def test_treatment_content_kinds_articles_and_forum_are_registered_in_order():
    assert [kind.key for kind in treatment_content_kinds()][:2] == ["articles", "questions"]


def test_treatment_content_register_same_key_replaces_the_kind():
    original = {kind.key: kind for kind in treatment_content_kinds()}["questions"]
    replacement = TreatmentContentKind(
        key="questions", heading="Replaced", items=lambda t, n: [], counts=dict
    )
    try:
        treatment_content_register(replacement)

        kinds = [kind for kind in treatment_content_kinds() if kind.key == "questions"]
        assert kinds == [replacement]
    finally:
        treatment_content_register(original)
