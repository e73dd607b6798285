"""accounts connects the saves that change what shared pages show of a member."""

from core.shared_render import shared_key
from tests.factories import treatment


def _key() -> str:
    return shared_key("test", [])


def test_people_version_a_rename_moves_it(member):
    before = _key()

    member.display_name = "A new name"
    member.save(update_fields=["display_name"])

    assert _key() != before


def test_people_version_a_save_of_unshown_fields_keeps_it(member):
    before = _key()

    member.save(update_fields=["last_login"])

    assert _key() == before


def test_people_version_a_profile_treatment_change_moves_it(member):
    before = _key()

    member.profile.current_treatments.add(treatment())

    assert _key() != before


def test_people_version_a_new_member_keeps_it(db, django_user_model):
    before = _key()

    django_user_model.objects.create_user(email="new@example.com", password="x" * 12)

    assert _key() == before
