import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from conversations import crypto, services
from conversations.models import Message

pytestmark = pytest.mark.django_db


def raw_body(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT body FROM {Message._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_message_body_is_unreadable_in_the_database(rosa, ines):
    sent = services.message_send(sender=rosa, recipient=ines, body="My scan is on Tuesday")
    stored = raw_body(sent.message.pk)
    assert "scan" not in stored
    assert "Tuesday" not in stored
    assert Message.objects.get(pk=sent.message.pk).body == "My scan is on Tuesday"


def test_message_body_cannot_be_read_with_another_key(rosa, ines, settings):
    sent = services.message_send(sender=rosa, recipient=ines, body="Private words")
    stored = raw_body(sent.message.pk)
    settings.MESSAGES_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(Exception, match="could not be decrypted"):
        crypto.decrypt(stored)


def test_rotation_keeps_old_messages_readable_and_rekey_moves_them(rosa, ines, settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MESSAGES_ENCRYPTION_KEYS = [old_key]
    old = services.message_send(sender=rosa, recipient=ines, body="Written under the old key")
    # A new key goes first; the old one still decrypts.
    settings.MESSAGES_ENCRYPTION_KEYS = [new_key, old_key]
    assert Message.objects.get(pk=old.message.pk).body == "Written under the old key"
    new = services.message_send(sender=ines, recipient=rosa, body="Written under the new key")
    assert crypto.is_current(raw_body(new.message.pk))
    assert not crypto.is_current(raw_body(old.message.pk))

    call_command("messages_rekey")

    assert crypto.is_current(raw_body(old.message.pk))
    # Once rewritten, the old key can leave the list.
    settings.MESSAGES_ENCRYPTION_KEYS = [new_key]
    assert Message.objects.get(pk=old.message.pk).body == "Written under the old key"
    assert services.messages_rekey() == 0


def test_development_key_is_derived_from_the_secret_key(settings):
    settings.MESSAGES_ENCRYPTION_KEYS = []
    assert crypto.configured_keys() == (crypto.development_key(settings.SECRET_KEY),)
    Fernet(crypto.configured_keys()[0])  # a valid key


def test_production_refuses_to_start_without_keys():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "example.org",
        "MESSAGES_ENCRYPTION_KEYS": "",
        "DJANGO_SETTINGS_MODULE": "mybcteam.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "MESSAGES_ENCRYPTION_KEYS" in result.stderr
