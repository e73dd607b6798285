"""The registry only records: content apps and accounts tell moderation what they are."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.utils import timezone

from moderation import registry
from moderation.bios import BIO_NOT_SHARED
from moderation.items import item_kind, item_lookup, item_text, item_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_register_records_without_signals_or_admin(monkeypatch, make_any_item):
    model = type(make_any_item(UserFactory.create()))
    monkeypatch.setattr(registry, "_registry", {})
    receivers_before = list(post_save.receivers)
    admin_before = dict(admin.site._registry)

    registry.register(model, label="note")

    assert registry.moderated_type_for(model).label == "note"
    assert list(post_save.receivers) == receivers_before
    assert admin.site._registry == admin_before


def test_register_bio_is_accounts_registration_of_the_user_model():
    bio = registry.moderated_bio()

    assert bio is not None
    assert bio.model is get_user_model()
    assert bio.lookup.__module__ == "accounts.bio_moderation"


def test_items_profile_kind_text_and_url_come_from_the_bio_registration():
    member = UserFactory.create()
    member.profile.bio = "Three years out from treatment."
    member.profile.save()

    found = item_lookup(kind="profile", pk=member.pk)

    assert found == member
    assert item_kind(found) == "profile"
    assert item_text(found) == "Three years out from treatment."
    assert item_url(found) == member.get_absolute_url()


def test_item_text_only_me_bio_is_never_read_by_moderation():
    member = UserFactory.create()
    member.profile.bio = "My private words"
    member.profile.bio_visibility = "me"
    member.profile.save()

    assert item_text(member) == BIO_NOT_SHARED


def test_item_lookup_profile_skips_erased_and_banned_members():
    banned = UserFactory.create(is_active=False)
    erased = UserFactory.create(erased_at=timezone.now())

    assert item_lookup(kind="profile", pk=banned.pk) is None
    assert item_lookup(kind="profile", pk=erased.pk) is None
    assert item_lookup(kind="profile", pk=0) is None
